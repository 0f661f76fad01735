// The desk's connection to kep-server as the UI sees it: health (online/offline, version) and
// sign-in, with every blocking network call on a worker thread and results as queued signals.
#pragma once

#include "ServerTransport.h"
#include "UserSession.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <chrono>

namespace kep::desk {

class ServerLinkWorker;

class ServerLink : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kHealthInterval{15000};

    explicit ServerLink(TransportFactory factory, QObject* parent = nullptr);
    ~ServerLink() override;  // stops the worker thread, waiting for a call in flight

    // Starts periodic health checks (one immediately, then every interval).
    void start(std::chrono::milliseconds healthInterval = kHealthInterval);

    bool hasHealth() const { return healthReported_; }  // false until the first check answers
    bool isOnline() const { return health_.online; }
    const ServerHealth& health() const { return health_; }
    bool isSignedIn() const { return signedIn_; }

public slots:
    void checkHealth();  // on demand, besides the timer
    void signIn(const QString& username, const QString& password);
    void signOut();

signals:
    // Emitted after the first check, then whenever online/offline or the version changes.
    void serverStateChanged(const kep::desk::ServerHealth& health);
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);
    void signedOut();

private:
    void onHealthChecked(const ServerHealth& health);

    QThread thread_;
    ServerLinkWorker* worker_;  // lives on thread_, deleted there when it finishes
    QTimer healthTimer_;
    ServerHealth health_;
    bool signedIn_ = false;
    bool healthReported_ = false;
};

}  // namespace kep::desk
