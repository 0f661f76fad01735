// Names as written on identity documents, in Greek and in Latin letters: what characters they
// may hold, how long they may be, and the tidy form stored (trimmed, single spaces).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shared/cases/ValidationIssue.h"

namespace kep::cases {

enum class NameScript { Greek, Latin };

inline constexpr std::size_t kMinNameLetters = 2;
inline constexpr std::size_t kMaxNameCharacters = 50;  // code points

// Trims spaces at both ends and collapses runs of spaces inside to one.
std::string normalisePersonName(std::string_view name);

// Checks a normalised name. Allowed: letters of the script (Greek: with tonos and dialytika;
// Latin: A–Z and the accented letters of Latin-1, Extended-A/B and Extended Additional, so
// "Müller", "Łukasz", "Nguyễn", "Ștefan"), combining accents after a letter, and single
// spaces, hyphens and apostrophes (' or ’) between letters. Codes: "required", "too_short"
// (fewer than kMinNameLetters letters), "too_long", "wrong_script" (a letter of the other
// script: the keyboard was in the wrong layout), "invalid_characters", "invalid_format" (a
// separator at either end or two in a row).
std::optional<FieldProblem> checkPersonName(std::string_view name, NameScript script);

}  // namespace kep::cases
