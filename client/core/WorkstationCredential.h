// This workstation's enrolment credential: the private key (in a KeyStore) and the certificate
// the server's CA issued for it (workstation.pem). Enrolled means both are there and belong
// together; every HTTPS request then presents them.
#pragma once

#include "WorkstationEnrolment.h"
#include "platform/KeyStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace kep::desk {

class CredentialError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What the certificate says: the server sets CN=device:<deviceId> and O=<office code>.
struct WorkstationCertificateInfo {
    QString subject;
    QString deviceId;
    QString officeCode;
    QDateTime notAfter;
};

// A key made on the desk and the CSR that asks for its certificate; the key stays in memory
// until the certificate comes back and is stored with it.
struct PendingEnrolment {
    QByteArray privateKeyPem;
    QByteArray csrPem;
    ~PendingEnrolment();  // wipes the key
};

// File operations only, no shared state: it may be used from the server link's worker thread
// (to store) while the UI thread asks isEnrolled().
class WorkstationCredential {
public:
    WorkstationCredential(std::unique_ptr<KeyStore> keys, QString certificateFile);

    // A fresh P-256 key and its CSR (subject CN = hostname). Throws CredentialError.
    static std::unique_ptr<PendingEnrolment> newKeyRequest(const QString& hostname);

    // Checks that the certificate belongs to the pending key, then stores both (key first,
    // certificate last, so that a crash between the two reads as "not enrolled").
    // Throws CredentialError.
    WorkstationCertificateInfo store(const PendingEnrolment& pending,
                                     const QByteArray& certificatePem);

    // Key and certificate present, readable and matching; otherwise *problem says why.
    bool isEnrolled(QString* problem = nullptr) const;
    std::optional<WorkstationCertificateInfo> certificate() const;
    void forget();  // after a revocation: enrol again

    QString certificateFile() const { return certificateFile_; }
    QString tlsKeyFile() const { return keys_->tlsKeyFile(); }
    // When the key is in the OS key store (tlsKeyFile() empty): hands the TLS client the PEM in
    // memory, empty before enrolment. Empty function when the key is a file. Thread-safe; the
    // credential must outlive it.
    std::function<QByteArray()> tlsKeySource() const;

private:
    std::unique_ptr<KeyStore> keys_;
    QString certificateFile_;
};

}  // namespace kep::desk
