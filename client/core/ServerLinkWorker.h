// The server link's half that lives on the worker thread: it owns the transport and the session
// token, makes the blocking calls (and the slow key and verifier work), and reports back only
// through signals (queued to the UI).
#pragma once

#include "ApiReply.h"
#include "ServerTransport.h"
#include "UserSession.h"
#include "WorkstationEnrolment.h"

#include <QList>
#include <QObject>

namespace kep::desk {

class WorkstationCredential;

class ServerLinkWorker : public QObject {
    Q_OBJECT
public:
    // `credential` may be null (no enrolment possible); it must outlive the worker.
    ServerLinkWorker(TransportFactory factory, WorkstationCredential* credential);
    ~ServerLinkWorker() override;

    void checkHealth();
    void signIn(const QString& username, QString password);
    void signOut();
    void enrol(const QString& code, const QString& hostname);
    void call(int ticket, const QByteArray& method, const QByteArray& target,
              const QByteArray& body, const QByteArray& contentType);

    // The worker's transport for other objects on this thread (the catalogue sync): each call
    // goes to the transport of the moment, which enrolment replaces. Sends no session token.
    ServerTransport& sharedTransport() { return shared_; }

signals:
    void healthChecked(const kep::desk::ServerHealth& health);
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);
    // Made from the password the server has just accepted, before signedIn.
    void offlineVerifierReady(const kep::desk::UserSession& session, const QString& verifier);
    void directoryReceived(const QList<kep::desk::DirectoryUser>& users);
    void enrolled(const kep::desk::WorkstationEnrolled& workstation);
    void enrolmentFailed(const kep::desk::EnrolmentFailure& failure);
    void replied(int ticket, const kep::desk::ApiReply& reply);

private:
    class SharedTransport : public ServerTransport {
    public:
        explicit SharedTransport(ServerLinkWorker& worker) : worker_(worker) {}
        HttpReply send(const QByteArray& method, const QByteArray& target,
                       const QByteArray& jsonBody, const QByteArray& bearerToken) override {
            return worker_.transport()->send(method, target, jsonBody, bearerToken);
        }

    private:
        ServerLinkWorker& worker_;
    };

    ServerTransport* transport();  // created on first use, on this thread
    void fetchDirectory();
    void reportUnreachable(const QString& detail);

    TransportFactory factory_;
    WorkstationCredential* credential_;
    std::unique_ptr<ServerTransport> transport_;
    QByteArray token_;  // memory only, never written anywhere
    SharedTransport shared_{*this};
};

}  // namespace kep::desk
