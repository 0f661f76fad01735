// Strict UTF-8 decoding for the password rules: lengths are counted in code points, and text
// that is not well-formed UTF-8 is refused rather than repaired.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::auth {

// Code points of well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF); nullopt for anything else. (kep::domain::utf8 repairs instead, which suits search
// but would let two different byte strings count as one password.)
std::optional<std::u32string> decodeUtf8(std::string_view text);

}  // namespace kep::auth
