#include "shared/domain/Utf8.h"

namespace kep::domain::utf8 {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

}  // namespace

char32_t decode(std::string_view text, std::size_t& pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80U) {
        ++pos;
        return lead;
    }
    int length = 0;
    char32_t cp = 0;
    // The bounds of the second byte exclude overlongs, surrogates and values above U+10FFFF
    // (Table 3-7 of the Unicode Standard), so such sequences end at their first byte.
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
        cp = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        cp = lead & 0x0FU;
        if (lead == 0xE0U) {
            low = 0xA0U;
        } else if (lead == 0xEDU) {
            high = 0x9FU;
        }
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        cp = lead & 0x07U;
        if (lead == 0xF0U) {
            low = 0x90U;
        } else if (lead == 0xF4U) {
            high = 0x8FU;
        }
    } else {
        ++pos;
        return kReplacement;
    }
    std::size_t next = pos + 1;
    for (int i = 1; i < length; ++i, ++next) {
        if (next >= text.size()) {
            pos = next;
            return kReplacement;
        }
        const auto byte = static_cast<unsigned char>(text[next]);
        const bool inRange = i == 1 ? (byte >= low && byte <= high) : isContinuation(byte);
        if (!inRange) {
            pos = next;
            return kReplacement;
        }
        cp = (cp << 6U) | (byte & 0x3FU);
    }
    pos = next;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80U) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800U) {
        out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else if (cp < 0x10000U) {
        out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
}

std::optional<std::u32string> decodeStrict(std::string_view text) {
    constexpr std::string_view kEncodedReplacement = "\xEF\xBF\xBD";
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode(text, pos);
        // decode() answers kReplacement for every ill-formed subpart; only the three bytes of
        // U+FFFD itself are a real one.
        if (cp == kReplacement && text.substr(start, pos - start) != kEncodedReplacement) {
            return std::nullopt;
        }
        out.push_back(cp);
    }
    return out;
}

}  // namespace kep::domain::utf8
