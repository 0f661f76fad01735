#include "ServerLinkWorker.h"

#include "ServerReplies.h"
#include "WorkstationCredential.h"
#include "storage/PasswordVerifier.h"

#include <stdexcept>

namespace kep::desk {

ServerLinkWorker::ServerLinkWorker(TransportFactory factory, WorkstationCredential* credential)
    : factory_(std::move(factory))
    , credential_(credential) {}

ServerLinkWorker::~ServerLinkWorker() {
    token_.fill('\0');
}

ServerTransport* ServerLinkWorker::transport() {
    if (!transport_) {
        transport_ = factory_();
    }
    return transport_.get();
}

void ServerLinkWorker::reportUnreachable(const QString& detail) {
    emit healthChecked(ServerHealth{false, {}, detail});
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
    // While someone is signed in online, each tick also asks who has been disabled.
    if (health.online && !token_.isEmpty()) {
        fetchDirectory();
    }
}

void ServerLinkWorker::fetchDirectory() {
    try {
        const auto users =
            readDirectoryReply(transport()->send("GET", "/api/v1/directory/users", {}, token_));
        if (users) {
            emit directoryReceived(*users);
        }
    } catch (const std::exception&) {
        // The next health tick reports the outage and tries again.
    }
}

void ServerLinkWorker::signIn(const QString& username, QString password) {
    QByteArray body = signInRequestBody(username, password);
    HttpReply reply;
    try {
        reply = transport()->send("POST", "/api/v1/auth/login", body, {});
    } catch (const std::exception& e) {
        body.fill('\0');
        password.fill(QChar(u'\0'));
        SignInFailure failure;
        failure.reason = SignInFailure::Reason::Unreachable;
        failure.detail = QString::fromUtf8(e.what());
        emit signInFailed(failure);
        reportUnreachable(failure.detail);
        return;
    }
    body.fill('\0');
    auto outcome = readSignInReply(reply, QDateTime::currentDateTimeUtc());
    if (auto* accepted = std::get_if<SignInAccepted>(&outcome)) {
        token_ = std::move(accepted->token);
        // The verifier is made here, off the UI thread (Argon2id takes tens of milliseconds),
        // and the password goes no further.
        QString verifier;
        try {
            verifier = storage::makePasswordVerifier(password);
        } catch (const std::exception&) {
            verifier.clear();  // no offline sign-in for this user until the next online one
        }
        password.fill(QChar(u'\0'));
        if (!verifier.isEmpty()) {
            emit offlineVerifierReady(accepted->session, verifier);
        }
        emit signedIn(accepted->session);
        fetchDirectory();
    } else {
        password.fill(QChar(u'\0'));
        emit signInFailed(std::get<SignInFailure>(outcome));
    }
}

void ServerLinkWorker::signOut() {
    if (!token_.isEmpty()) {
        try {
            // 204 expected; any other answer or none changes nothing here: the token is
            // forgotten either way, and the server ends idle sessions by itself.
            transport()->send("POST", "/api/v1/auth/logout", {}, token_);
        } catch (const std::exception&) {
        }
    }
    token_.fill('\0');
    token_.clear();
}

void ServerLinkWorker::enrol(const QString& code, const QString& hostname) {
    EnrolmentFailure failure;
    failure.reason = EnrolmentFailure::Reason::LocalFault;
    if (!credential_) {
        failure.detail = QStringLiteral("this desk has no place to keep a workstation credential");
        emit enrolmentFailed(failure);
        return;
    }
    std::unique_ptr<PendingEnrolment> pending;
    try {
        pending = WorkstationCredential::newKeyRequest(hostname);
    } catch (const std::exception& e) {
        failure.detail = QString::fromUtf8(e.what());
        emit enrolmentFailed(failure);
        return;
    }
    HttpReply reply;
    try {
        reply = transport()->send("POST", "/api/v1/devices/enrol",
                                  enrolmentRequestBody(code, pending->csrPem, hostname), {});
    } catch (const std::exception& e) {
        failure.reason = EnrolmentFailure::Reason::Unreachable;
        failure.detail = QString::fromUtf8(e.what());
        emit enrolmentFailed(failure);
        reportUnreachable(failure.detail);
        return;
    }
    const auto outcome = readEnrolmentReply(reply, QDateTime::currentDateTimeUtc());
    if (const auto* refused = std::get_if<EnrolmentFailure>(&outcome)) {
        emit enrolmentFailed(*refused);
        return;
    }
    const auto& accepted = std::get<EnrolmentAccepted>(outcome);
    WorkstationEnrolled result;
    try {
        const WorkstationCertificateInfo info =
            credential_->store(*pending, accepted.certificatePem);
        result.deviceId = accepted.deviceId.isEmpty() ? info.deviceId : accepted.deviceId;
        result.officeCode = accepted.officeCode.isEmpty() ? info.officeCode : accepted.officeCode;
        result.officeName = accepted.officeName;
        result.certificateNotAfter = info.notAfter;
    } catch (const std::exception& e) {
        failure.detail = QString::fromUtf8(e.what());
        emit enrolmentFailed(failure);
        return;
    }
    // Every later request, on a new connection, presents the new certificate.
    transport_.reset();
    emit enrolled(result);
}

void ServerLinkWorker::call(int ticket, const QByteArray& method, const QByteArray& target,
                            const QByteArray& body, const QByteArray& contentType) {
    ApiReply answer;
    try {
        const HttpReply reply = transport()->sendContent(method, target, body, contentType, token_);
        answer.status = reply.status;
        answer.body = reply.body;
    } catch (const std::exception& e) {
        answer.networkError = QString::fromUtf8(e.what());
        reportUnreachable(answer.networkError);
    }
    emit replied(ticket, answer);
}

}  // namespace kep::desk
