// How identity stores a secret it must recognise but never keep (one-time enrolment codes, API
// keys): the lowercase hex SHA-256, looked up by index so no byte of the secret is compared.
#pragma once

#include <string>
#include <string_view>

namespace kep::server::identity {

std::string secretDigest(std::string_view secret);

}  // namespace kep::server::identity
