// The server link's half that lives on the worker thread: it owns the transport and the session
// token, makes the blocking calls, and reports back only through signals (queued to the UI).
#pragma once

#include "ServerTransport.h"
#include "UserSession.h"

#include <QObject>

namespace kep::desk {

class ServerLinkWorker : public QObject {
    Q_OBJECT
public:
    explicit ServerLinkWorker(TransportFactory factory);
    ~ServerLinkWorker() override;

    void checkHealth();
    void signIn(const QString& username, QString password);
    void signOut();

signals:
    void healthChecked(const kep::desk::ServerHealth& health);
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);

private:
    ServerTransport* transport();  // created on first use, on this thread

    TransportFactory factory_;
    std::unique_ptr<ServerTransport> transport_;
    QByteArray token_;  // memory only, never written anywhere
};

}  // namespace kep::desk
