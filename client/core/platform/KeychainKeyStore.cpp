#include "platform/KeychainKeyStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace kep::desk {

namespace {

// qtkeychain's jobs finish by signal: wait for one here, bounded, so a key store that never
// answers fails the call instead of hanging the desk.
bool runJob(QKeychain::Job& job, int timeoutMs) {
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished) {
        loop.exec();
    }
    return finished;
}

constexpr int kTimeoutMs = 10000;

KeyStoreError failure(const QString& what, const QKeychain::Job& job) {
    return KeyStoreError(QStringLiteral("cannot %1 the workstation key in the system key store: %2")
                             .arg(what, job.errorString())
                             .toStdString());
}

}  // namespace

KeychainKeyStore::KeychainKeyStore(QString entry) : entry_(std::move(entry)) {}

const QByteArray& KeychainKeyStore::cached() const {
    if (!cache_) {
        QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
        job.setKey(entry_);
        if (!runJob(job, kTimeoutMs)) {
            throw KeyStoreError("the system key store did not answer");
        }
        if (job.error() == QKeychain::EntryNotFound) {
            cache_ = QByteArray();
        } else if (job.error() != QKeychain::NoError) {
            throw failure(QStringLiteral("read"), job);
        } else {
            cache_ = job.binaryData();
        }
    }
    return *cache_;
}

bool KeychainKeyStore::hasKey() const {
    std::lock_guard lock(mutex_);
    try {
        return !cached().isEmpty();
    } catch (const KeyStoreError&) {
        return false;
    }
}

QByteArray KeychainKeyStore::loadKey() const {
    std::lock_guard lock(mutex_);
    const QByteArray& key = cached();
    if (key.isEmpty()) {
        throw KeyStoreError("the system key store holds no workstation key");
    }
    return key;
}

void KeychainKeyStore::storeKey(const QByteArray& pem) {
    std::lock_guard lock(mutex_);
    QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
    job.setKey(entry_);
    job.setBinaryData(pem);
    if (!runJob(job, kTimeoutMs) || job.error() != QKeychain::NoError) {
        throw failure(QStringLiteral("store"), job);
    }
    cache_ = pem;
}

void KeychainKeyStore::removeKey() {
    std::lock_guard lock(mutex_);
    QKeychain::DeletePasswordJob job(QString::fromLatin1(kService));
    job.setKey(entry_);
    runJob(job, kTimeoutMs);
    cache_ = QByteArray();
}

bool systemKeychainAvailable() {
#ifdef Q_OS_WIN
    return true;
#else
    // No session bus, no Secret Service: decided without asking (and without libsecret trying
    // to start a bus of its own).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        return false;
    }
    QKeychain::ReadPasswordJob probe(QString::fromLatin1(KeychainKeyStore::kService));
    probe.setKey(QStringLiteral("availability-probe"));
    return runJob(probe, 3000) &&
           (probe.error() == QKeychain::NoError || probe.error() == QKeychain::EntryNotFound);
#endif
}

}  // namespace kep::desk
