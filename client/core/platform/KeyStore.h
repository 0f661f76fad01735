// Where the workstation's private key is kept: the operating system's key store when there is
// one (KeychainKeyStore: Windows Credential Manager, a Secret Service on Linux), otherwise a file
// in the data folder that only its owner may read (FileKeyStore). chooseKeyStore() decides.
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
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
    // The file shared/net's TLS client reads the key from; empty when the key never touches
    // the disk (the key store's): then the client is given loadKey()'s PEM in memory.
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

// Where this desk's key goes. A key already in `keyFile` stays there (a desk enrolled before the
// key store appeared keeps working); otherwise the OS key store when `keychainAvailable`, else
// the owner-only file `keyFile`.
std::unique_ptr<KeyStore> chooseKeyStore(const QString& keyFile, bool keychainAvailable);

// Whether the OS offers a key store this process can use, asked at run time: always on Windows
// (Credential Manager); on Linux a Secret Service answering on the session bus (none on a
// machine without a desktop session, none under the tests).
bool systemKeychainAvailable();

}  // namespace kep::desk
