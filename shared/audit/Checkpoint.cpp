#include "shared/audit/Checkpoint.h"

#include "shared/audit/UtcMillis.h"
#include "shared/identity/Base64.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <array>
#include <charconv>
#include <stdexcept>

namespace kep::audit {
namespace {

constexpr std::size_t kSignatureBytes = 64;  // Ed25519, RFC 8032

using KeyHandle = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioHandle = std::unique_ptr<BIO, decltype(&BIO_free_all)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

BioHandle memoryBio(std::string_view pem) {
    if (pem.size() > static_cast<std::size_t>(INT32_MAX)) {
        return {nullptr, &BIO_free_all};
    }
    return {BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free_all};
}

// A failed parse leaves reasons in OpenSSL's per-thread queue; drop them so that they are not
// reported later by unrelated code on this thread.
KeyHandle onlyEd25519(EVP_PKEY* key) {
    ERR_clear_error();
    KeyHandle handle(key, &EVP_PKEY_free);
    if (handle && EVP_PKEY_get_base_id(handle.get()) != EVP_PKEY_ED25519) {
        handle.reset();
    }
    return handle;
}

KeyHandle publicKeyFromPem(std::string_view pem) {
    const BioHandle bio = memoryBio(pem);
    return onlyEd25519(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::string pemOf(EVP_PKEY* key, bool withPrivate) {
    const BioHandle bio(BIO_new(BIO_s_mem()), &BIO_free_all);
    const int written = !bio          ? 0
                        : withPrivate ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr,
                                                                 0, nullptr, nullptr)
                                      : PEM_write_bio_PUBKEY(bio.get(), key);
    char* data = nullptr;
    const long size = written == 1 ? BIO_get_mem_data(bio.get(), &data) : 0;
    if (size <= 0) {
        ERR_clear_error();
        throw std::runtime_error("cannot write the audit key as PEM");
    }
    return {data, static_cast<std::size_t>(size)};
}

std::uint64_t sizeFromText(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    // One text per number: no sign, no leading zeros, nothing after the digits.
    if (error != std::errc{} || end != text.data() + text.size() ||
        (text.size() > 1 && text.front() == '0')) {
        throw std::invalid_argument("checkpoint line: the tree size is not a decimal number");
    }
    return value;
}

}  // namespace

std::string signedText(const Checkpoint& checkpoint) {
    return "kep.audit.checkpoint.v1\n" + std::to_string(checkpoint.treeSize) + "\n" +
           toHex(checkpoint.root) + "\n" + checkpoint.at + "\n";
}

std::string toLine(const Checkpoint& checkpoint) {
    return std::to_string(checkpoint.treeSize) + " " + toHex(checkpoint.root) + " " +
           checkpoint.at + " " + identity::encodeBase64Unpadded(checkpoint.signature);
}

Checkpoint checkpointFromLine(std::string_view line) {
    std::array<std::string_view, 4> parts;
    std::size_t count = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t space = line.find(' ', start);
        if (count == parts.size()) {
            throw std::invalid_argument("checkpoint line: more than four parts");
        }
        parts[count++] = line.substr(start, space - start);
        if (space == std::string_view::npos) {
            break;
        }
        start = space + 1;
    }
    if (count != parts.size()) {
        throw std::invalid_argument(
            "checkpoint line: expected four parts (size, root, time, signature) separated by "
            "single spaces");
    }
    Checkpoint checkpoint;
    checkpoint.treeSize = sizeFromText(parts[0]);
    const auto root = hashFromHex(parts[1]);
    if (!root || toHex(*root) != parts[1]) {
        throw std::invalid_argument("checkpoint line: the root is not 64 lowercase hex digits");
    }
    checkpoint.root = *root;
    if (!isUtcMillis(parts[2])) {
        throw std::invalid_argument("checkpoint line: the time is not UTC to the millisecond");
    }
    checkpoint.at = std::string(parts[2]);
    auto signature = identity::decodeBase64Unpadded(parts[3]);
    if (!signature || signature->size() != kSignatureBytes) {
        throw std::invalid_argument(
            "checkpoint line: the signature is not 64 bytes of unpadded base64");
    }
    checkpoint.signature = std::move(*signature);
    return checkpoint;
}

struct SigningKey::Key {
    KeyHandle pkey;
};

SigningKey::SigningKey(std::unique_ptr<Key> key) : key_(std::move(key)) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::generate() {
    KeyHandle pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free);
    if (!pkey) {
        ERR_clear_error();
        throw std::runtime_error("cannot generate an Ed25519 audit key");
    }
    return SigningKey(std::make_unique<Key>(Key{std::move(pkey)}));
}

SigningKey SigningKey::fromPrivatePem(std::string_view pem) {
    const BioHandle bio = memoryBio(pem);
    KeyHandle pkey =
        onlyEd25519(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!pkey) {
        throw std::invalid_argument("the audit signing key is not an Ed25519 private key in PEM");
    }
    return SigningKey(std::make_unique<Key>(Key{std::move(pkey)}));
}

std::string SigningKey::privatePem() const {
    return pemOf(key_->pkey.get(), true);
}

std::string SigningKey::publicPem() const {
    return pemOf(key_->pkey.get(), false);
}

std::vector<std::uint8_t> SigningKey::sign(std::string_view message) const {
    // Ed25519 hashes the message itself (PureEdDSA): the digest argument must be NULL.
    const DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::vector<std::uint8_t> signature(kSignatureBytes);
    std::size_t length = signature.size();
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key_->pkey.get()) != 1 ||
        EVP_DigestSign(context.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        length != kSignatureBytes) {
        ERR_clear_error();
        throw std::runtime_error("Ed25519 signing failed");
    }
    return signature;
}

void SigningKey::signCheckpoint(Checkpoint& checkpoint) const {
    // A time in another form would sign a text, and write a line, that no reader accepts.
    if (!isUtcMillis(checkpoint.at)) {
        throw std::invalid_argument("checkpoint: the time is not UTC to the millisecond");
    }
    checkpoint.signature = sign(signedText(checkpoint));
}

bool verifySignature(std::string_view publicPem, std::string_view message,
                     std::span<const std::uint8_t> signature) {
    if (signature.size() != kSignatureBytes) {
        return false;
    }
    const KeyHandle pkey = publicKeyFromPem(publicPem);
    const DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool valid =
        pkey && context &&
        EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, pkey.get()) == 1 &&
        EVP_DigestVerify(context.get(), signature.data(), signature.size(),
                         reinterpret_cast<const unsigned char*>(message.data()),
                         message.size()) == 1;
    ERR_clear_error();
    return valid;
}

bool verifyCheckpoint(std::string_view publicPem, const Checkpoint& checkpoint) {
    return verifySignature(publicPem, signedText(checkpoint), checkpoint.signature);
}

}  // namespace kep::audit
