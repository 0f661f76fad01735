// The desk's connection to kep-server as the UI sees it: health (online/offline, version),
// enrolment, sign-in and sign-out, the user directory and authenticated API calls, with every
// blocking network call on a worker thread and results as queued signals.
#pragma once

#include "ApiReply.h"
#include "ServerTransport.h"
#include "UserSession.h"
#include "WorkstationEnrolment.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <chrono>

namespace kep::desk {

class ServerLinkWorker;
class WorkstationCredential;

class ServerLink : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kHealthInterval{15000};

    // `credential` (may be null: enrol() then fails) must outlive the link; the worker thread
    // stores the certificate in it when enrolment succeeds.
    explicit ServerLink(TransportFactory factory, WorkstationCredential* credential = nullptr,
                        QObject* parent = nullptr);
    ~ServerLink() override;  // runs the calls already queued, then stops the worker thread

    // Starts periodic health checks (one immediately, then every interval).
    void start(std::chrono::milliseconds healthInterval = kHealthInterval);

    bool hasHealth() const { return healthReported_; }  // false until the first check answers
    bool isOnline() const { return health_.online; }
    const ServerHealth& health() const { return health_; }
    bool isSignedIn() const { return signedIn_; }  // online sessions only

    // An authenticated call (the session's bearer token, the workstation certificate); the
    // answer comes as replied(ticket, …) with the returned ticket.
    int call(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody = {});
    // The same with a body of another media type (an authority's result PDF).
    int callWithContent(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                        const QByteArray& contentType);

    // For objects that make their own calls on the worker thread (the catalogue sync): moves
    // `object` there; the caller keeps ownership and must delete it before the link goes.
    void moveToWorker(QObject* object);
    // The worker's transport, to be used ONLY on the worker thread by objects moved there.
    ServerTransport& workerTransport();

public slots:
    void checkHealth();  // on demand, besides the timer
    void signIn(const QString& username, const QString& password);
    void signOut();  // tells the server (POST /api/v1/auth/logout) when signed in online
    // Makes a key and CSR here and asks the server for a certificate with a one-time code.
    void enrol(const QString& code, const QString& hostname);

signals:
    // Emitted after the first check, then whenever online/offline or the version changes.
    void serverStateChanged(const kep::desk::ServerHealth& health);
    // After every health check, changed or not: the beat for work done while online.
    void healthTicked(const kep::desk::ServerHealth& health);
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);
    void signedOut();
    // After an accepted online sign-in, before signedIn: what offline sign-in will check.
    void offlineVerifierReady(const kep::desk::UserSession& session, const QString& verifier);
    // After each online sign-in and each health tick while signed in online.
    void directoryReceived(const QList<kep::desk::DirectoryUser>& users);
    void enrolled(const kep::desk::WorkstationEnrolled& workstation);
    void enrolmentFailed(const kep::desk::EnrolmentFailure& failure);
    void replied(int ticket, const kep::desk::ApiReply& reply);

private:
    void onHealthChecked(const ServerHealth& health);

    QThread thread_;
    ServerLinkWorker* worker_;  // lives on thread_, deleted there when it finishes
    QTimer healthTimer_;
    ServerHealth health_;
    bool signedIn_ = false;
    bool healthReported_ = false;
    int nextTicket_ = 1;
};

}  // namespace kep::desk
