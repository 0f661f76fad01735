#include "auth/PasswordPolicy.h"

#include "auth/BreachedPasswords.h"
#include "shared/domain/TextFold.h"
#include "shared/domain/Utf8.h"

#include <algorithm>

namespace kep::auth {
namespace {

PasswordCheck refuse(PasswordRefusal refusal, std::string message) {
    return {refusal, std::move(message)};
}

}  // namespace

PasswordCheck checkNewPassword(std::string_view password, std::string_view username) {
    const auto codePoints = kep::domain::utf8::decodeStrict(password);
    if (!codePoints) {
        return refuse(PasswordRefusal::InvalidUtf8, "The password is not valid UTF-8 text.");
    }
    if (codePoints->size() < kMinPasswordCodePoints) {
        return refuse(PasswordRefusal::TooShort, "The password must be at least " +
                                                     std::to_string(kMinPasswordCodePoints) +
                                                     " characters long.");
    }
    if (codePoints->size() > kMaxPasswordCodePoints) {
        return refuse(PasswordRefusal::TooLong, "The password must be at most " +
                                                    std::to_string(kMaxPasswordCodePoints) +
                                                    " characters long.");
    }
    if (std::all_of(codePoints->begin(), codePoints->end(),
                    [&](char32_t c) { return c == codePoints->front(); })) {
        return refuse(PasswordRefusal::OneRepeatedCharacter,
                      "The password must not be one character repeated.");
    }
    if (!username.empty() &&
        kep::domain::foldForSearch(username) == kep::domain::foldForSearch(password)) {
        return refuse(PasswordRefusal::SameAsUsername, "The password must not be the username.");
    }
    if (isBreachedPassword(password)) {
        return refuse(PasswordRefusal::Breached,
                      "This password appears in lists of breached passwords; choose another.");
    }
    return {};
}

}  // namespace kep::auth
