#include "shared/cases/PersonName.h"

#include "shared/domain/Utf8.h"

namespace kep::cases {

namespace {

bool isGreekLetter(char32_t c) {
    return c == 0x0386 || (c >= 0x0388 && c <= 0x038A) || c == 0x038C ||
           (c >= 0x038E && c <= 0x03A1) || (c >= 0x03A3 && c <= 0x03CE);
}

bool isLatinLetter(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x00FF && c != 0x00D7 && c != 0x00F7) ||
           (c >= 0x0100 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool isCombiningMark(char32_t c) {
    return c >= 0x0300 && c <= 0x036F;
}

bool isSeparator(char32_t c) {
    return c == ' ' || c == '-' || c == '\'' || c == 0x2019;
}

}  // namespace

std::string normalisePersonName(std::string_view name) {
    std::string out;
    bool pendingSpace = false;
    for (const char c : name) {
        if (c == ' ' || c == '\t') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(c);
    }
    return out;
}

std::optional<FieldProblem> checkPersonName(std::string_view name, NameScript script) {
    if (name.empty()) {
        return FieldProblem{"required", "the name is required"};
    }
    const auto ownScript = script == NameScript::Greek ? isGreekLetter : isLatinLetter;
    const auto otherScript = script == NameScript::Greek ? isLatinLetter : isGreekLetter;
    std::size_t letters = 0;
    std::size_t characters = 0;
    bool wrongScript = false;
    bool badCharacter = false;
    bool badFormat = false;
    char32_t previous = ' ';  // as if preceded by a separator: a leading one is caught below
    for (std::size_t pos = 0; pos < name.size();) {
        const char32_t c = domain::utf8::decode(name, pos);
        ++characters;
        if (ownScript(c)) {
            ++letters;
        } else if (isCombiningMark(c)) {
            badCharacter = badCharacter || !(ownScript(previous) || isCombiningMark(previous));
        } else if (isSeparator(c)) {
            badFormat = badFormat || isSeparator(previous);
        } else if (otherScript(c)) {
            wrongScript = true;
        } else {
            badCharacter = true;
        }
        previous = c;
    }
    badFormat = badFormat || isSeparator(previous);
    if (characters > kMaxNameCharacters) {
        return FieldProblem{"too_long", "the name is longer than 50 characters"};
    }
    if (wrongScript) {
        return script == NameScript::Greek
                   ? FieldProblem{"wrong_script", "write this name in Greek letters"}
                   : FieldProblem{"wrong_script", "write this name in Latin letters"};
    }
    if (badCharacter) {
        return FieldProblem{"invalid_characters",
                            "a name holds only letters, spaces, hyphens and apostrophes"};
    }
    if (badFormat) {
        return FieldProblem{"invalid_format",
                            "spaces, hyphens and apostrophes must stand between letters"};
    }
    if (letters < kMinNameLetters) {
        return FieldProblem{"too_short", "the name needs at least two letters"};
    }
    return std::nullopt;
}

}  // namespace kep::cases
