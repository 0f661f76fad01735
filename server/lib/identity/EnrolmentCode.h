// One-time workstation enrolment codes: twelve characters from an alphabet without look-alikes,
// shown as ABCD-EFGH-JKLM, kept by the server only as a SHA-256 (like session tokens).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::identity {

inline constexpr std::size_t kEnrolmentCodeLength = 12;  // 60 random bits

// A fresh random code, grouped "ABCD-EFGH-JKLM" for reading aloud and typing.
std::string newEnrolmentCode();

// The code as typed, reduced to its twelve characters: case, spaces and dashes are ignored.
// nullopt when it cannot be a code (wrong length or a character outside the alphabet).
std::optional<std::string> normaliseEnrolmentCode(std::string_view typed);

// Lower-case hex SHA-256 of the normalised code: the enrolment_codes table's key.
std::string enrolmentCodeHash(std::string_view normalisedCode);

}  // namespace kep::server::identity
