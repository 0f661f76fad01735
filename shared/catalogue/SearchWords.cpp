#include "shared/catalogue/SearchWords.h"

#include <algorithm>

#include "shared/domain/Utf8.h"

namespace kep::catalogue {

namespace {

// The same letters as the phonetic key's (shared/domain/PhoneticKey.cpp), so that a word of the
// index is one word of its phonetic key too.
bool isWordChar(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9');
    }
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == domain::utf8::kReplacement) {
        return false;
    }
    if (cp == 0x374 || cp == 0x375 || cp == 0x37E || cp == 0x384 || cp == 0x385 || cp == 0x387 ||
        (cp >= 0x1FBD && cp <= 0x1FFE)) {
        return false;
    }
    return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
             (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
             (cp >= 0xFF00 && cp <= 0xFF0F));
}

}  // namespace

void splitWords(std::string_view folded, std::vector<std::string_view>& words) {
    std::size_t pos = 0;
    std::size_t start = std::string_view::npos;
    while (pos < folded.size()) {
        const std::size_t at = pos;
        const char c = folded[pos];
        const char32_t cp = static_cast<unsigned char>(c) < 0x80U
                                ? static_cast<char32_t>(c)
                                : domain::utf8::decode(folded, pos);
        if (static_cast<unsigned char>(c) < 0x80U) {
            ++pos;
        }
        if (isWordChar(cp)) {
            if (start == std::string_view::npos) {
                start = at;
            }
        } else if (start != std::string_view::npos) {
            words.push_back(folded.substr(start, at - start));
            start = std::string_view::npos;
        }
    }
    if (start != std::string_view::npos) {
        words.push_back(folded.substr(start));
    }
}

std::size_t codePointCount(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

}  // namespace kep::catalogue
