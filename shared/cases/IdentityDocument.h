// The number of the document a citizen shows at the counter: the Greek police identity card, or
// a passport / national ID card of another country, checked for shape and normalised for storage.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "shared/cases/ValidationIssue.h"

namespace kep::cases {

// Greek identity card ("ΑΒ 123456"): one or two letters, then six or seven digits. Spaces and
// hyphens are dropped, letters upper-cased, and Latin letters that look like Greek ones (A B E
// Z H I K M N O P T Y X, what a clerk types with the keyboard in Latin) become those Greek
// letters, so "ab-123456", "AB123456" and "ΑΒ 123456" are all stored as "ΑΒ123456". Codes:
// "required", "invalid_format", "wrong_script" (a Latin letter with no Greek look-alike).
std::variant<std::string, FieldProblem> normaliseGreekIdCardNumber(std::string_view text);

// A passport or foreign national ID number: 5 to 20 letters A–Z or digits once spaces and
// hyphens are dropped and letters upper-cased (ICAO 9303 numbers are 9 characters; national
// ID numbers vary). Codes: "required", "invalid_characters", "invalid_length".
std::variant<std::string, FieldProblem> normaliseTravelDocumentNumber(std::string_view text);

}  // namespace kep::cases
