#include "shared/cases/ContactDetails.h"

#include <algorithm>

namespace kep::cases {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isGreekNationalNumber(std::string_view digits) {
    return digits.size() == 10 && (digits.starts_with("69") || digits.starts_with('2'));
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool isAtext(char c) {
    return isAlpha(c) || isDigit(c) ||
           std::string_view{"!#$%&'*+/=?^_`{|}~-"}.find(c) != std::string_view::npos;
}

bool isValidLocalPart(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || isAtext(c); });
}

bool isValidLabel(std::string_view label) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(),
                       [](char c) { return isAlpha(c) || isDigit(c) || c == '-'; });
}

bool isValidDomain(std::string_view domain) {
    std::size_t labels = 0;
    std::string_view last;
    while (true) {
        const auto dot = domain.find('.');
        last = domain.substr(0, dot);
        if (!isValidLabel(last)) {
            return false;
        }
        ++labels;
        if (dot == std::string_view::npos) {
            break;
        }
        domain.remove_prefix(dot + 1);
    }
    // An all-digit top-level label means an IP address or a typo, never a real domain.
    return labels >= 2 && !std::all_of(last.begin(), last.end(), isDigit);
}

}  // namespace

std::variant<std::string, FieldProblem> normalisePhone(std::string_view text) {
    std::string compact;
    for (const char c : text) {
        if (std::string_view{" -./()\t"}.find(c) != std::string_view::npos) {
            continue;
        }
        if (!isDigit(c) && !(c == '+' && compact.empty())) {
            return FieldProblem{"invalid_characters",
                                "a phone number holds digits, and '+' only at the start"};
        }
        compact.push_back(c);
    }
    if (compact.empty()) {
        return FieldProblem{"required", "the phone number is required"};
    }
    if (compact.starts_with("00")) {
        compact.replace(0, 2, "+");
    }
    if (!compact.starts_with('+')) {
        if (!isGreekNationalNumber(compact)) {
            return FieldProblem{"invalid_greek_number",
                                "a Greek number has ten digits: 69… for a mobile, 2… for a "
                                "landline; add the country code for a foreign one"};
        }
        return "+30" + compact;
    }
    const std::string_view digits = std::string_view{compact}.substr(1);
    if (digits.starts_with("30")) {
        if (!isGreekNationalNumber(digits.substr(2))) {
            return FieldProblem{"invalid_greek_number",
                                "after +30 come ten digits: 69… for a mobile, 2… for a "
                                "landline"};
        }
        return compact;
    }
    if (digits.size() < 8 || digits.size() > 15 || digits.front() == '0') {
        return FieldProblem{"invalid_international_number",
                            "an international number is '+', the country code and the number: "
                            "8 to 15 digits in all"};
    }
    return compact;
}

std::variant<std::string, FieldProblem> normaliseEmail(std::string_view text) {
    text = trim(text);
    if (text.empty()) {
        return FieldProblem{"required", "the e-mail address is required"};
    }
    if (text.size() > 254) {
        return FieldProblem{"too_long", "an e-mail address has at most 254 characters"};
    }
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return FieldProblem{"non_ascii",
                            "use an address with Latin letters only (no Greek or accented "
                            "letters)"};
    }
    const auto at = text.find('@');
    if (at == std::string_view::npos) {
        return FieldProblem{"missing_at", "an e-mail address needs an '@', as in name@example.gr"};
    }
    if (text.find('@', at + 1) != std::string_view::npos) {
        return FieldProblem{"too_many_at", "an e-mail address has only one '@'"};
    }
    const std::string_view local = text.substr(0, at);
    if (!isValidLocalPart(local)) {
        return FieldProblem{"invalid_local_part",
                            "the part before '@' may hold letters, digits and . _ - + (not two "
                            "dots in a row, nor a dot at either end), 64 characters at most"};
    }
    std::string domain{text.substr(at + 1)};
    if (!isValidDomain(domain)) {
        return FieldProblem{"invalid_domain",
                            "the part after '@' must be a domain such as example.gr"};
    }
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return std::string{local} + '@' + domain;
}

}  // namespace kep::cases
