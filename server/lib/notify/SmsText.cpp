#include "notify/SmsText.h"

#include "shared/domain/Utf8.h"

#include <algorithm>
#include <string_view>

namespace kep::server::notify {

namespace {

constexpr std::size_t kSingleGsm = 160;
constexpr std::size_t kPartGsm = 153;
constexpr std::size_t kSingleUcs2 = 70;
constexpr std::size_t kPartUcs2 = 67;

// GSM 03.38's default alphabet, as Unicode, besides the ASCII letters, digits and space.
constexpr std::u32string_view kGsmBasic =
    U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà";
// Its extension table: each is sent as ESC and a second septet.
constexpr std::u32string_view kGsmExtension = U"\f^{}\\[~]|€";

bool isAsciiAlnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

// Septets of one character in GSM 7-bit, or 0 when it has no GSM code.
std::size_t gsmSeptets(char32_t c) {
    if (isAsciiAlnum(c) || c == U' ' || kGsmBasic.find(c) != std::u32string_view::npos) {
        return 1;
    }
    return kGsmExtension.find(c) != std::u32string_view::npos ? 2 : 0;
}

std::size_t units(char32_t c, SmsEncoding encoding) {
    if (encoding == SmsEncoding::Gsm7) {
        return gsmSeptets(c);
    }
    return c > 0xFFFF ? 2 : 1;
}

}  // namespace

std::string_view toString(SmsEncoding encoding) {
    return encoding == SmsEncoding::Gsm7 ? "gsm7" : "ucs2";
}

SmsEncoding smsEncodingOf(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (gsmSeptets(domain::utf8::decode(utf8, pos)) == 0) {
            return SmsEncoding::Ucs2;
        }
    }
    return SmsEncoding::Gsm7;
}

std::size_t smsUnits(std::string_view utf8, SmsEncoding encoding) {
    std::size_t total = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        total += units(domain::utf8::decode(utf8, pos), encoding);
    }
    return total;
}

std::size_t smsCapacity(SmsEncoding encoding, std::size_t parts) {
    const bool gsm = encoding == SmsEncoding::Gsm7;
    if (parts <= 1) {
        return gsm ? kSingleGsm : kSingleUcs2;
    }
    return parts * (gsm ? kPartGsm : kPartUcs2);
}

std::vector<std::string> splitSms(std::string_view utf8) {
    const SmsEncoding encoding = smsEncodingOf(utf8);
    if (smsUnits(utf8, encoding) <= smsCapacity(encoding, 1)) {
        return {std::string{utf8}};
    }
    const std::size_t room = smsCapacity(encoding, 2) / 2;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < utf8.size()) {
        // Walk whole characters until the part is full; remember the last space inside it.
        std::size_t pos = start;
        std::size_t used = 0;
        std::size_t afterSpace = 0;
        while (pos < utf8.size()) {
            std::size_t next = pos;
            const char32_t c = domain::utf8::decode(utf8, next);
            const std::size_t width = units(c, encoding);
            if (used + width > room) {
                break;
            }
            used += width;
            pos = next;
            if (c == U' ') {
                afterSpace = pos;
            }
        }
        const bool full = pos < utf8.size();
        const std::size_t end =
            full && afterSpace > start && afterSpace - start >= (pos - start) / 2 ? afterSpace
                                                                                  : pos;
        parts.emplace_back(utf8.substr(start, end - start));
        start = end;
    }
    return parts;
}

}  // namespace kep::server::notify
