#include "ServerLink.h"

#include "ServerLinkWorker.h"

namespace kep::desk {

namespace {
// Registered once so that the types can cross threads in queued connections.
const bool kMetaTypesRegistered = [] {
    qRegisterMetaType<ServerHealth>();
    qRegisterMetaType<UserSession>();
    qRegisterMetaType<SignInFailure>();
    qRegisterMetaType<DirectoryUser>();
    qRegisterMetaType<QList<DirectoryUser>>();
    qRegisterMetaType<WorkstationEnrolled>();
    qRegisterMetaType<EnrolmentFailure>();
    qRegisterMetaType<ApiReply>();
    return true;
}();
}  // namespace

ServerLink::ServerLink(TransportFactory factory, WorkstationCredential* credential, QObject* parent)
    : QObject(parent)
    , worker_(new ServerLinkWorker(std::move(factory), credential)) {
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
    connect(worker_, &ServerLinkWorker::offlineVerifierReady, this,
            &ServerLink::offlineVerifierReady, Qt::QueuedConnection);
    connect(worker_, &ServerLinkWorker::directoryReceived, this, &ServerLink::directoryReceived,
            Qt::QueuedConnection);
    connect(worker_, &ServerLinkWorker::enrolled, this, &ServerLink::enrolled,
            Qt::QueuedConnection);
    connect(worker_, &ServerLinkWorker::enrolmentFailed, this, &ServerLink::enrolmentFailed,
            Qt::QueuedConnection);
    connect(worker_, &ServerLinkWorker::replied, this, &ServerLink::replied, Qt::QueuedConnection);
    connect(&healthTimer_, &QTimer::timeout, this, &ServerLink::checkHealth);
    thread_.start();
}

ServerLink::~ServerLink() {
    healthTimer_.stop();
    // Calls already queued (above all the sign-out's logout at quit) run before the thread
    // stops: quit() alone would drop them.
    if (thread_.isRunning()) {
        QMetaObject::invokeMethod(
            worker_, [] {}, Qt::BlockingQueuedConnection);
    }
    thread_.quit();
    thread_.wait();
}

void ServerLink::start(std::chrono::milliseconds healthInterval) {
    healthTimer_.start(healthInterval);
    checkHealth();
}

void ServerLink::moveToWorker(QObject* object) {
    object->moveToThread(&thread_);
}

ServerTransport& ServerLink::workerTransport() {
    return worker_->sharedTransport();
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

void ServerLink::enrol(const QString& code, const QString& hostname) {
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, code, hostname] { worker->enrol(code, hostname); },
        Qt::QueuedConnection);
}

int ServerLink::call(const QByteArray& method, const QByteArray& target,
                     const QByteArray& jsonBody) {
    return callWithContent(method, target, jsonBody, "application/json");
}

int ServerLink::callWithContent(const QByteArray& method, const QByteArray& target,
                                const QByteArray& body, const QByteArray& contentType) {
    const int ticket = nextTicket_++;
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, ticket, method, target, body, contentType] {
            worker->call(ticket, method, target, body, contentType);
        },
        Qt::QueuedConnection);
    return ticket;
}

void ServerLink::onHealthChecked(const ServerHealth& health) {
    const bool changed =
        !healthReported_ || health.online != health_.online || health.version != health_.version;
    health_ = health;
    healthReported_ = true;
    if (changed) {
        emit serverStateChanged(health_);
    }
    emit healthTicked(health_);
}

}  // namespace kep::desk
