#include "audit/AuditKeys.h"

#include "audit/KeyFile.h"
#include "platform/Files.h"
#include "storage/ServerStore.h"

#include <stdexcept>

namespace kep::server::audit {

namespace {

kep::audit::SigningKey parseKey(const std::string& pem, const std::string& path) {
    try {
        return kep::audit::SigningKey::fromPrivatePem(pem);
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(path + " is not an Ed25519 private key: " + error.what());
    }
}

}  // namespace

kep::audit::SigningKey loadOrCreateSigningKey(const AuditFiles& files,
                                              storage::ServerStore& store) {
    files.createDirectory();
    const auto pem = readOrCreateSecretFile(
        files.signingKey, [] { return kep::audit::SigningKey::generate().privatePem(); });
    auto key = parseKey(pem, files.signingKey);
    const auto publicPem = key.publicPem();
    if (store.meta(kPublicKeyMeta) != publicPem) {
        store.setMeta(kPublicKeyMeta, publicPem);
    }
    return key;
}

std::optional<kep::audit::SigningKey> loadSigningKey(const AuditFiles& files) {
    if (!platform::exists(files.signingKey)) {
        return std::nullopt;
    }
    return parseKey(platform::readFile(files.signingKey), files.signingKey);
}

}  // namespace kep::server::audit
