#include "shared/domain/TextFold.h"

#include <cstdint>

#include "shared/domain/Utf8.h"

namespace kep::domain {

namespace {

struct FoldEntry {
    std::uint8_t length;
    char bytes[7];  // at most 6 bytes of UTF-8 and the literal's terminator
};

#include "shared/domain/TextFoldTable.inc"

bool isCombiningMark(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

const FoldEntry* tableEntry(char32_t cp) {
    if (cp >= kLatinFirst && cp < kLatinEnd) {
        return &kLatinFold[cp - kLatinFirst];
    }
    if (cp >= kGreekFirst && cp < kGreekEnd) {
        return &kGreekFold[cp - kGreekFirst];
    }
    if (cp >= kGreekExtendedFirst && cp < kGreekExtendedEnd) {
        return &kGreekExtendedFold[cp - kGreekExtendedFirst];
    }
    return nullptr;
}

}  // namespace

void appendFoldedForSearch(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (static_cast<unsigned char>(c) < 0x80U) {
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            ++pos;
            continue;
        }
        const char32_t cp = utf8::decode(text, pos);
        if (isCombiningMark(cp)) {
            continue;
        }
        if (const FoldEntry* entry = tableEntry(cp)) {
            out.append(entry->bytes, entry->length);
        } else {
            utf8::append(out, cp);
        }
    }
}

std::string foldForSearch(std::string_view text) {
    std::string out;
    appendFoldedForSearch(out, text);
    return out;
}

}  // namespace kep::domain
