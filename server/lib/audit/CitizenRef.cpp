#include "audit/CitizenRef.h"

#include "audit/KeyFile.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

namespace kep::server::audit {

namespace {

// The part of the HMAC a reference keeps: 128 bits, far beyond any collision among ΑΦΜs.
constexpr std::size_t kReferenceBytes = 16;

std::string randomKeyBytes() {
    CitizenRef::Key key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        throw std::runtime_error("no random bytes for the citizen reference key");
    }
    return std::string(key.begin(), key.end());
}

}  // namespace

CitizenRef CitizenRef::loadOrCreate(const std::filesystem::path& keyFile) {
    const auto bytes = readOrCreateSecretFile(keyFile.string(), randomKeyBytes);
    Key key{};
    if (bytes.size() != key.size()) {
        throw std::runtime_error(keyFile.string() + " is not a citizen reference key (" +
                                 std::to_string(key.size()) + " bytes expected)");
    }
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return CitizenRef(key);
}

std::string CitizenRef::of(std::string_view taxId) const {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
             reinterpret_cast<const unsigned char*>(taxId.data()), taxId.size(), mac,
             &length) == nullptr ||
        length < kReferenceBytes) {
        throw std::runtime_error("HMAC-SHA-256 failed");
    }
    constexpr char kHex[] = "0123456789abcdef";
    std::string reference = "c1:";
    for (std::size_t i = 0; i < kReferenceBytes; ++i) {
        reference.push_back(kHex[mac[i] >> 4U]);
        reference.push_back(kHex[mac[i] & 0x0FU]);
    }
    return reference;
}

}  // namespace kep::server::audit
