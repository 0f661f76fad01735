#include "audit/CheckpointSignatures.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace kep::server::audit {

struct CheckpointSignatures::Key {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey{nullptr, &EVP_PKEY_free};
};

namespace {

constexpr std::size_t kSignatureBytes = 64;

}  // namespace

CheckpointSignatures::CheckpointSignatures(std::string_view publicPem)
    : key_(std::make_unique<Key>()) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(publicPem.data(), static_cast<int>(publicPem.size())), &BIO_free);
    if (bio) {
        key_->pkey.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    }
    if (key_->pkey && EVP_PKEY_get_base_id(key_->pkey.get()) != EVP_PKEY_ED25519) {
        key_->pkey.reset();
    }
}

CheckpointSignatures::~CheckpointSignatures() = default;

bool CheckpointSignatures::verify(const kep::audit::Checkpoint& checkpoint) const {
    if (!key_->pkey || checkpoint.signature.size() != kSignatureBytes) {
        return false;
    }
    const auto text = kep::audit::signedText(checkpoint);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    // Ed25519 is one-shot: no digest is named, the whole message goes to EVP_DigestVerify.
    return context &&
           EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key_->pkey.get()) == 1 &&
           EVP_DigestVerify(context.get(), checkpoint.signature.data(), checkpoint.signature.size(),
                            reinterpret_cast<const unsigned char*>(text.data()), text.size()) == 1;
}

}  // namespace kep::server::audit
