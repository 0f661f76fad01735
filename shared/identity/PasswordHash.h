// Password storage for desk and server alike: Argon2id in PHC string form, verified in constant
// time, with a check that says when a stored hash should be upgraded to today's parameters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kep::identity {

// The parameters every new hash gets (OWASP's Argon2id minimum: 19 MiB, two passes, one lane).
struct Argon2Parameters {
    std::uint32_t memoryKiB = 19456;
    std::uint32_t iterations = 2;
    std::uint32_t parallelism = 1;
    std::uint32_t saltBytes = 16;
    std::uint32_t tagBytes = 32;
};

inline constexpr Argon2Parameters kCurrentArgon2{};

// Returns "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>" (with `parameters`) and a fresh random
// salt. Throws std::runtime_error if the random generator or libargon2 fails (e.g. out of
// memory, or parameters libargon2 refuses).
std::string hashPassword(std::string_view password,
                         const Argon2Parameters& parameters = kCurrentArgon2);

// True when `password` matches the PHC string. False for a wrong password and for a string that
// is not a well-formed Argon2id PHC string within sane bounds (a corrupt row must not let anyone
// in, nor make the process allocate gigabytes). The tag comparison takes constant time. Throws
// std::runtime_error when libargon2 fails (out of memory): that is no answer about the password.
bool verifyPassword(std::string_view phc, std::string_view password);

// True when the stored hash is weaker than kCurrentArgon2 (or unreadable), so the sign-in code
// re-hashes the password it has just verified.
bool needsRehash(std::string_view phc);

}  // namespace kep::identity
