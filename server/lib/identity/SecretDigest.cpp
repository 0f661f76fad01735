#include "identity/SecretDigest.h"

#include <openssl/sha.h>

#include <array>

namespace kep::server::identity {

std::string secretDigest(std::string_view secret) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), digest.data());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : digest) {
        hex += kHex[b >> 4];
        hex += kHex[b & 0x0f];
    }
    return hex;
}

}  // namespace kep::server::identity
