#include "http/RequestTarget.h"

#include "shared/domain/HexDigit.h"
#include "shared/domain/Utf8.h"

#include <optional>

namespace kep::http {

namespace {

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const int high = kep::domain::hexDigitValue(text[i + 1]);
            const int low = kep::domain::hexDigitValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// Handlers quote paths and parameters back in JSON answers and logs: bytes that are not UTF-8
// would make an answer invalid JSON (found by fuzz_api_bodies), so the target is refused instead.
bool wellFormed(std::string_view text) {
    return kep::domain::utf8::decodeStrict(text).has_value();
}

}  // namespace

bool decodeTarget(std::string_view target, DecodedTarget& out) {
    if (target.empty() || target.front() != '/') {
        return false;
    }
    const auto question = target.find('?');
    auto path = percentDecode(target.substr(0, question), false);
    if (!path || path->find('\0') != std::string::npos || !wellFormed(*path)) {
        return false;
    }
    out.path = std::move(*path);
    out.query.clear();
    if (question == std::string_view::npos) {
        return true;
    }
    auto query = target.substr(question + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto equals = pair.find('=');
        auto name = percentDecode(pair.substr(0, equals), true);
        auto value = percentDecode(
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!name || !value || !wellFormed(*name) || !wellFormed(*value)) {
            return false;
        }
        out.query.emplace(std::move(*name), std::move(*value));
    }
    return true;
}

}  // namespace kep::http
