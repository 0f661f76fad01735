// One problem found in what a clerk typed: the stable field name the UI flags, a stable code it
// translates, and an English message. Field names and codes are part of the desk–server contract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kep::cases {

struct ValidationIssue {
    std::string field;    // "afm", "email", "representative.surname_el", …
    std::string code;     // "required", "check_digit_mismatch", "invalid_characters", …
    std::string message;  // English; never repeats the value itself (no personal data in logs)

    friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

using ValidationIssues = std::vector<ValidationIssue>;

// What a single-field check returns when the value is wrong; the caller adds the field name.
struct FieldProblem {
    std::string_view code;
    std::string_view message;

    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

}  // namespace kep::cases
