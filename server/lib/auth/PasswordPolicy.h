// The rules a new password must meet before it is hashed (set by an administrator or changed by
// its user): length in code points, no breached password, not the username, not one repeated key.
#pragma once

#include <string>
#include <string_view>

namespace kep::auth {

inline constexpr std::size_t kMinPasswordCodePoints = 12;
inline constexpr std::size_t kMaxPasswordCodePoints = 128;

enum class PasswordRefusal {
    None,
    InvalidUtf8,
    TooShort,
    TooLong,
    OneRepeatedCharacter,
    SameAsUsername,
    Breached,
};

struct PasswordCheck {
    PasswordRefusal refusal = PasswordRefusal::None;
    std::string message;  // English, for the administrator or user setting the password
    bool accepted() const { return refusal == PasswordRefusal::None; }
};

// Any Unicode is allowed and there are no composition rules (NIST SP 800-63B). The password is
// compared as given: no Unicode normalisation, so "é" typed precomposed and "e"+"◌́" are two
// different passwords, and a length counts the code points actually sent. Case and accents are
// ignored only when comparing with the username and the breached list.
PasswordCheck checkNewPassword(std::string_view password, std::string_view username);

}  // namespace kep::auth
