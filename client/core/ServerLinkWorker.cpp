#include "ServerLinkWorker.h"

#include "ServerReplies.h"

#include <stdexcept>

namespace kep::desk {

ServerLinkWorker::ServerLinkWorker(TransportFactory factory) : factory_(std::move(factory)) {}

ServerLinkWorker::~ServerLinkWorker() {
    token_.fill('\0');
}

ServerTransport* ServerLinkWorker::transport() {
    if (!transport_) {
        transport_ = factory_();
    }
    return transport_.get();
}

void ServerLinkWorker::checkHealth() {
    ServerHealth health;
    try {
        health = readHealthReply(transport()->send("GET", "/healthz", {}, {}));
    } catch (const std::exception& e) {
        // TransportError above all; anything else must not escape into the event loop either.
        health.online = false;
        health.detail = QString::fromUtf8(e.what());
    }
    emit healthChecked(health);
}

void ServerLinkWorker::signIn(const QString& username, QString password) {
    QByteArray body = signInRequestBody(username, password);
    password.fill(QChar(u'\0'));
    HttpReply reply;
    try {
        reply = transport()->send("POST", "/api/v1/auth/login", body, {});
    } catch (const std::exception& e) {
        body.fill('\0');
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::Unreachable;
        failure.detail = QString::fromUtf8(e.what());
        emit signInFailed(failure);
        emit healthChecked(ServerHealth{false, {}, failure.detail});
        return;
    }
    body.fill('\0');
    auto outcome = readSignInReply(reply, QDateTime::currentDateTimeUtc());
    if (auto* accepted = std::get_if<SignInAccepted>(&outcome)) {
        token_ = std::move(accepted->token);
        emit signedIn(accepted->session);
    } else {
        emit signInFailed(std::get<SignInFailure>(outcome));
    }
}

void ServerLinkWorker::signOut() {
    token_.fill('\0');
    token_.clear();
}

}  // namespace kep::desk
