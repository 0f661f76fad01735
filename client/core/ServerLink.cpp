#include "ServerLink.h"

#include "ServerLinkWorker.h"

namespace kep::desk {

namespace {
// Registered once so that the types can cross threads in queued connections.
const bool kMetaTypesRegistered = [] {
    qRegisterMetaType<ServerHealth>();
    qRegisterMetaType<UserSession>();
    qRegisterMetaType<SignInFailure>();
    return true;
}();
}  // namespace

ServerLink::ServerLink(TransportFactory factory, QObject* parent)
    : QObject(parent)
    , worker_(new ServerLinkWorker(std::move(factory))) {
    Q_UNUSED(kMetaTypesRegistered);
    thread_.setObjectName(QStringLiteral("kep-server-link"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &ServerLinkWorker::healthChecked, this, &ServerLink::onHealthChecked,
            Qt::QueuedConnection);
    connect(
        worker_, &ServerLinkWorker::signedIn, this,
        [this](const UserSession& session) {
            signedIn_ = true;
            emit signedIn(session);
        },
        Qt::QueuedConnection);
    connect(worker_, &ServerLinkWorker::signInFailed, this, &ServerLink::signInFailed,
            Qt::QueuedConnection);
    connect(&healthTimer_, &QTimer::timeout, this, &ServerLink::checkHealth);
    thread_.start();
}

ServerLink::~ServerLink() {
    healthTimer_.stop();
    thread_.quit();
    thread_.wait();
}

void ServerLink::start(std::chrono::milliseconds healthInterval) {
    healthTimer_.start(healthInterval);
    checkHealth();
}

void ServerLink::checkHealth() {
    QMetaObject::invokeMethod(worker_, &ServerLinkWorker::checkHealth, Qt::QueuedConnection);
}

void ServerLink::signIn(const QString& username, const QString& password) {
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, username, password] { worker->signIn(username, password); },
        Qt::QueuedConnection);
}

void ServerLink::signOut() {
    QMetaObject::invokeMethod(worker_, &ServerLinkWorker::signOut, Qt::QueuedConnection);
    if (signedIn_) {
        signedIn_ = false;
        emit signedOut();
    }
}

void ServerLink::onHealthChecked(const ServerHealth& health) {
    const bool changed =
        !healthReported_ || health.online != health_.online || health.version != health_.version;
    health_ = health;
    healthReported_ = true;
    if (changed) {
        emit serverStateChanged(health_);
    }
}

}  // namespace kep::desk
