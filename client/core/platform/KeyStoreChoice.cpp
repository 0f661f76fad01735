#include "platform/KeyStore.h"
#include "platform/KeychainKeyStore.h"

namespace kep::desk {

std::unique_ptr<KeyStore> chooseKeyStore(const QString& keyFile, bool keychainAvailable) {
    auto file = std::make_unique<FileKeyStore>(keyFile);
    if (file->hasKey() || !keychainAvailable) {
        return file;
    }
    return std::make_unique<KeychainKeyStore>(keyFile);
}

}  // namespace kep::desk
