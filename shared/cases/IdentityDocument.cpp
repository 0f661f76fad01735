#include "shared/cases/IdentityDocument.h"

#include <string_view>

#include "shared/domain/Utf8.h"

namespace kep::cases {

namespace {

// Latin capitals with a Greek capital of the same shape, and that Greek letter.
char32_t greekLookalike(char32_t latin) {
    constexpr std::u32string_view kLatin = U"ABEZHIKMNOPTYX";
    constexpr std::u32string_view kGreek = U"ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
    const auto at = kLatin.find(latin);
    return at == std::u32string_view::npos ? 0 : kGreek[at];
}

char32_t upper(char32_t c) {
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 'A';
    }
    if (c == U'ς') {
        return U'Σ';
    }
    if (c >= U'α' && c <= U'ω') {
        return c - (U'α' - U'Α');
    }
    return c;
}

bool isGreekCapital(char32_t c) {
    return c >= U'Α' && c <= U'Ω' && c != 0x03A2;
}

}  // namespace

std::variant<std::string, FieldProblem> normaliseGreekIdCardNumber(std::string_view text) {
    std::string letters;
    std::string digits;
    std::size_t letterCount = 0;
    bool wrongScript = false;
    bool badShape = false;
    bool any = false;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = upper(domain::utf8::decode(text, pos));
        if (c == ' ' || c == '-') {
            continue;
        }
        any = true;
        if (c >= '0' && c <= '9') {
            digits.push_back(static_cast<char>(c));
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            const char32_t greek = greekLookalike(c);
            wrongScript = wrongScript || greek == 0;
            c = greek;
        }
        if (c != 0 && !isGreekCapital(c)) {
            badShape = true;
            continue;
        }
        badShape = badShape || !digits.empty();  // letters come first
        if (c != 0) {
            domain::utf8::append(letters, c);
        }
        ++letterCount;
    }
    if (!any) {
        return FieldProblem{"required", "the identity card number is required"};
    }
    if (wrongScript) {
        return FieldProblem{"wrong_script",
                            "the letters of a Greek identity card number are Greek letters"};
    }
    if (badShape || letterCount < 1 || letterCount > 2 || digits.size() < 6 || digits.size() > 7) {
        return FieldProblem{"invalid_format",
                            "an identity card number is one or two letters and six or seven "
                            "digits, e.g. ΑΒ 123456"};
    }
    return letters + digits;
}

std::variant<std::string, FieldProblem> normaliseTravelDocumentNumber(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ' || c == '-') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            out.push_back(static_cast<char>(c - 'a' + 'A'));
        } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out.push_back(c);
        } else {
            return FieldProblem{"invalid_characters",
                                "a document number holds only Latin letters and digits"};
        }
    }
    if (out.empty()) {
        return FieldProblem{"required", "the document number is required"};
    }
    if (out.size() < 5 || out.size() > 20) {
        return FieldProblem{"invalid_length", "a document number has 5 to 20 letters and digits"};
    }
    return out;
}

}  // namespace kep::cases
