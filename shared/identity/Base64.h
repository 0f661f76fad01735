// The two base64 forms identity needs, desk and server: unpadded standard base64 (PHC salts, tags)
// and unpadded base64url (session tokens and API keys that travel in HTTP headers).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::identity {

std::string encodeBase64Unpadded(std::span<const std::uint8_t> bytes);
std::string encodeBase64Url(std::span<const std::uint8_t> bytes);

// Strict: refuses padding, characters outside the alphabet, and non-zero bits in the last
// character's unused tail (so every byte string has exactly one accepted text form).
std::optional<std::vector<std::uint8_t>> decodeBase64Unpadded(std::string_view text);
std::optional<std::vector<std::uint8_t>> decodeBase64Url(std::string_view text);

}  // namespace kep::identity
