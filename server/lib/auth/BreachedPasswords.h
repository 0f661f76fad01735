// The bundled list of commonly breached passwords (resources/auth/common-passwords.txt), embedded
// into kep_auth at build time so the server needs no data file to refuse them.
#pragma once

#include <cstddef>
#include <string_view>

namespace kep::auth {

// True when the password is on the list, ignoring case and accents (kep::domain::foldForSearch
// on both sides), so "PASSWORD1234" and "contrasena" are caught as well.
bool isBreachedPassword(std::string_view password);

// How many distinct entries the embedded list holds (the tests check it arrived whole).
std::size_t breachedPasswordCount();

}  // namespace kep::auth
