#include "shared/identity/PasswordHash.h"

#include "shared/identity/PhcString.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace kep::identity {

std::string hashPassword(std::string_view password, const Argon2Parameters& a) {
    std::vector<std::uint8_t> salt(a.saltBytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        throw std::runtime_error("password hashing: the random generator failed");
    }
    std::string encoded(argon2_encodedlen(a.iterations, a.memoryKiB, a.parallelism, a.saltBytes,
                                          a.tagBytes, Argon2_id),
                        '\0');
    const int rc = argon2id_hash_encoded(a.iterations, a.memoryKiB, a.parallelism, password.data(),
                                         password.size(), salt.data(), salt.size(), a.tagBytes,
                                         encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        throw std::runtime_error(std::string("password hashing: ") + argon2_error_message(rc));
    }
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verifyPassword(std::string_view phc, std::string_view password) {
    const auto parsed = parseArgon2idPhc(phc);
    if (!parsed) {
        return false;
    }
    std::vector<std::uint8_t> tag(parsed->tag.size());
    const int rc = argon2id_hash_raw(parsed->iterations, parsed->memoryKiB, parsed->parallelism,
                                     password.data(), password.size(), parsed->salt.data(),
                                     parsed->salt.size(), tag.data(), tag.size());
    if (rc != ARGON2_OK) {
        // Out of memory or a library fault: not an answer about the password, so not "false".
        throw std::runtime_error(std::string("password verification: ") + argon2_error_message(rc));
    }
    return CRYPTO_memcmp(tag.data(), parsed->tag.data(), tag.size()) == 0;
}

bool needsRehash(std::string_view phc) {
    const auto parsed = parseArgon2idPhc(phc);
    if (!parsed) {
        return true;
    }
    const Argon2Parameters& a = kCurrentArgon2;
    return parsed->memoryKiB < a.memoryKiB || parsed->iterations < a.iterations ||
           parsed->salt.size() < a.saltBytes || parsed->tag.size() < a.tagBytes;
}

}  // namespace kep::identity
