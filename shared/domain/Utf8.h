// UTF-8 decoding and encoding for the text rules of the domain (search folding, phonetic keys).
// Invalid input never throws: each maximal ill-formed subsequence decodes to U+FFFD.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kep::domain::utf8 {

inline constexpr char32_t kReplacement = U'\uFFFD';

// Decodes the code point that starts at text[pos] and advances pos past it. Ill-formed input
// (stray continuation bytes, truncated sequences, overlong forms, surrogates, values above
// U+10FFFF) yields kReplacement and advances by the maximal ill-formed subpart, as the Unicode
// Standard (§3.9, "U+FFFD substitution of maximal subparts") and the WHATWG decoder do, so a
// broken byte never swallows the valid characters after it.
char32_t decode(std::string_view text, std::size_t& pos) noexcept;

// The code points of well-formed UTF-8 only (RFC 3629), or nullopt at the first ill-formed
// byte: for rules where two different byte strings must never count as one text (passwords,
// usernames), which decode()'s repair would allow. A literal U+FFFD in the input is accepted.
std::optional<std::u32string> decodeStrict(std::string_view text);

// Appends the UTF-8 encoding of cp (which must be a scalar value) to out.
void append(std::string& out, char32_t cp);

}  // namespace kep::domain::utf8
