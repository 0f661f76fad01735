// The workstation key in the operating system's key store through qtkeychain (Windows
// Credential Manager, a Secret Service on Linux), so that it never lies in a file on the disk.
#pragma once

#include "platform/KeyStore.h"

#include <QByteArray>
#include <QString>

#include <mutex>
#include <optional>

namespace kep::desk {

// One entry per data folder: service "kep-desk", key `entry` (the data folder's key file path,
// so a tour's folder and the real one never share a key). The key is read once and kept in
// memory, so that the TLS client on a worker thread never waits for the key store.
class KeychainKeyStore final : public KeyStore {
public:
    explicit KeychainKeyStore(QString entry);
    bool hasKey() const override;
    QByteArray loadKey() const override;
    void storeKey(const QByteArray& pem) override;
    void removeKey() override;
    QString tlsKeyFile() const override { return {}; }

    static constexpr const char* kService = "kep-desk";

private:
    // Reads the entry into the cache when it has not been read yet.
    const QByteArray& cached() const;

    QString entry_;
    mutable std::mutex mutex_;
    mutable std::optional<QByteArray> cache_;  // empty array: the store has no key
};

}  // namespace kep::desk
