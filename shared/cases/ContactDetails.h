// A citizen's phone number and e-mail address, checked the way a counter needs: Greek numbers
// as people write them, foreign ones in E.164, addresses in the common subset of RFC 5322.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "shared/cases/ValidationIssue.h"

namespace kep::cases {

// Returns the number in E.164 ("+306912345678"). Spaces, hyphens, dots, slashes and brackets
// are ignored; "00" before a country code means "+". A number without a country code is Greek
// and must have ten digits: a mobile (69…) or a landline (2…). With "+30" the same ten digits
// must follow. Any other country code: 8 to 15 digits in all (ITU-T E.164), the first not 0.
// Codes: "required", "invalid_characters", "invalid_greek_number", "invalid_international_number".
std::variant<std::string, FieldProblem> normalisePhone(std::string_view text);

// Returns the address trimmed, with the domain lower-cased (the local part is left as typed:
// RFC 5321 lets a server tell case apart there). Accepted: local@domain, where the local part
// is 1–64 of the RFC 5322 "atext" characters (letters, digits, !#$%&'*+/=?^_`{|}~-) in
// dot-separated runs, and the domain is two or more dot-separated labels of letters, digits and
// inner hyphens (1–63 each), the last one not all digits; 254 characters at most. Quoted local
// parts, comments and IP-address domains are valid RFC 5322 but never seen at a counter, so
// they are refused. Codes: "required", "too_long", "non_ascii" (internationalised addresses are
// not accepted by every authority's mail system), "missing_at", "too_many_at",
// "invalid_local_part", "invalid_domain".
std::variant<std::string, FieldProblem> normaliseEmail(std::string_view text);

}  // namespace kep::cases
