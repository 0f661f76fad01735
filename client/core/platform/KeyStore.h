// Where the workstation's private key is kept. Today a file with owner-only access in the data
// folder (FileKeyStore); the operating systems' key stores (Windows CNG with the TPM, PKCS#11 on
// Linux) are later work, and come as further implementations of this same interface.
#pragma once

#include <QByteArray>
#include <QString>

#include <stdexcept>

namespace kep::desk {

// The key could not be stored or read. The message names the place, never the key.
class KeyStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class KeyStore {
public:
    virtual ~KeyStore() = default;
    virtual bool hasKey() const = 0;
    // The PEM key; throws KeyStoreError if there is none or it cannot be read.
    virtual QByteArray loadKey() const = 0;
    // Replaces the key, whole or not at all; throws KeyStoreError.
    virtual void storeKey(const QByteArray& pem) = 0;
    virtual void removeKey() = 0;
    // The file shared/net's TLS client reads the key from (it takes a path, not key material).
    virtual QString tlsKeyFile() const = 0;
};

// The key as a PEM file, mode 0600, written atomically.
class FileKeyStore final : public KeyStore {
public:
    explicit FileKeyStore(QString path);
    bool hasKey() const override;
    QByteArray loadKey() const override;
    void storeKey(const QByteArray& pem) override;
    void removeKey() override;
    QString tlsKeyFile() const override { return path_; }

private:
    QString path_;
};

}  // namespace kep::desk
