#include "WorkstationCredential.h"

#include "net/WorkstationKey.h"
#include "platform/DeskFiles.h"

#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <chrono>

namespace kep::desk {

namespace {

WorkstationCertificateInfo infoFrom(const net::WorkstationCertificate& certificate) {
    WorkstationCertificateInfo info;
    info.subject = QString::fromStdString(certificate.subject);
    // RFC 2253 one-line form, e.g. "CN=device:0190…,O=0101".
    for (const QString& part : info.subject.split(u',')) {
        if (part.startsWith(QLatin1String("CN=device:"))) {
            info.deviceId = part.mid(10);
        } else if (part.startsWith(QLatin1String("O="))) {
            info.officeCode = part.mid(2);
        }
    }
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(certificate.notAfter.time_since_epoch())
            .count();
    info.notAfter = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    return info;
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw CredentialError(
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()).toStdString());
    }
    return file.readAll();
}

}  // namespace

PendingEnrolment::~PendingEnrolment() {
    privateKeyPem.fill('\0');
}

WorkstationCredential::WorkstationCredential(std::unique_ptr<KeyStore> keys,
                                             QString certificateFile)
    : keys_(std::move(keys))
    , certificateFile_(std::move(certificateFile)) {}

std::unique_ptr<PendingEnrolment> WorkstationCredential::newKeyRequest(const QString& hostname) {
    try {
        net::WorkstationKeyRequest request = net::makeWorkstationKeyRequest(hostname.toStdString());
        auto pending = std::make_unique<PendingEnrolment>();
        pending->privateKeyPem = QByteArray::fromStdString(request.privateKeyPem);
        pending->csrPem = QByteArray::fromStdString(request.csrPem);
        std::fill(request.privateKeyPem.begin(), request.privateKeyPem.end(), '\0');
        return pending;
    } catch (const net::WorkstationKeyError& e) {
        throw CredentialError(e.what());
    }
}

WorkstationCertificateInfo WorkstationCredential::store(const PendingEnrolment& pending,
                                                        const QByteArray& certificatePem) {
    WorkstationCertificateInfo info;
    try {
        info = infoFrom(net::checkWorkstationCredential(pending.privateKeyPem.toStdString(),
                                                        certificatePem.toStdString()));
    } catch (const net::WorkstationKeyError& e) {
        throw CredentialError(e.what());
    }
    try {
        keys_->storeKey(pending.privateKeyPem);
    } catch (const KeyStoreError& e) {
        throw CredentialError(e.what());
    }
    QString error;
    if (!writeFileAtomically(certificateFile_, certificatePem, FileAccess::OwnerAndGroup, &error)) {
        throw CredentialError(error.toStdString());
    }
    return info;
}

bool WorkstationCredential::isEnrolled(QString* problem) const {
    QString ignored;
    QString& why = problem ? *problem : ignored;
    if (!keys_->hasKey() || !QFile::exists(certificateFile_)) {
        why = QStringLiteral("this workstation is not enrolled");
        return false;
    }
    try {
        QByteArray key = keys_->loadKey();
        const auto checked = net::checkWorkstationCredential(
            key.toStdString(), readFile(certificateFile_).toStdString());
        key.fill('\0');
        Q_UNUSED(checked);
        return true;
    } catch (const std::exception& e) {
        why = QString::fromUtf8(e.what());
        return false;
    }
}

std::optional<WorkstationCertificateInfo> WorkstationCredential::certificate() const {
    try {
        return infoFrom(net::readWorkstationCertificate(readFile(certificateFile_).toStdString()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::function<QByteArray()> WorkstationCredential::tlsKeySource() const {
    if (!keys_->tlsKeyFile().isEmpty()) {
        return {};
    }
    const KeyStore* keys = keys_.get();
    return [keys]() -> QByteArray {
        try {
            return keys->hasKey() ? keys->loadKey() : QByteArray();
        } catch (const KeyStoreError&) {
            return {};
        }
    };
}

void WorkstationCredential::forget() {
    QFile::remove(certificateFile_);
    keys_->removeKey();
}

}  // namespace kep::desk
