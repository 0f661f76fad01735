// The offline verifier of a password: Argon2id in PHC string form, hashed exactly as the server
// hashes its users' passwords (shared/identity/PasswordHash), so that a copied desk.db is as slow
// to attack as the server's own table.
#pragma once

#include <QString>

namespace kep::desk::storage {

struct VerifierParameters {
    quint32 memoryKiB = 19456;
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>" with a fresh 16-byte salt. Throws
// std::runtime_error if libargon2 or the random generator fails.
QString makePasswordVerifier(const QString& password, VerifierParameters parameters = {});

// True when the password matches. False for a wrong password and for a verifier that is not an
// Argon2id PHC string within sane bounds (a damaged row must not make the desk allocate
// gigabytes), and false when libargon2 cannot run. The tags are compared in constant time.
bool matchesPasswordVerifier(const QString& verifier, const QString& password);

}  // namespace kep::desk::storage
