#include "platform/DeskFiles.h"
#include "platform/KeyStore.h"

#include <QFile>

namespace kep::desk {

FileKeyStore::FileKeyStore(QString path) : path_(std::move(path)) {}

bool FileKeyStore::hasKey() const {
    return QFile::exists(path_);
}

QByteArray FileKeyStore::loadKey() const {
    QFile file(path_);
    if (!file.open(QIODevice::ReadOnly)) {
        throw KeyStoreError(QStringLiteral("cannot read the workstation key %1: %2")
                                .arg(path_, file.errorString())
                                .toStdString());
    }
    return file.readAll();
}

void FileKeyStore::storeKey(const QByteArray& pem) {
    QString error;
    if (!writeFileAtomically(path_, pem, FileAccess::OwnerOnly, &error)) {
        throw KeyStoreError(error.toStdString());
    }
}

void FileKeyStore::removeKey() {
    QFile::remove(path_);
}

}  // namespace kep::desk
