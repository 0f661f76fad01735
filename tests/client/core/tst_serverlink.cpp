// ServerLink: network calls run off the calling thread and come back as queued signals; health
// online/offline, sign-in outcomes, a network fault, and sign-out.
#include "../support/FakeServerTransport.h"
#include "ServerLink.h"

#include <QSignalSpy>
#include <QtTest>

#include <stdexcept>

using namespace kep::desk;
using kep::desk::test::FakeServer;

class tst_ServerLink : public QObject {
    Q_OBJECT

private slots:
    void healthCheckRunsOnTheWorkerThread() {
        FakeServer server;
        server.handler = [](auto&&...) { return FakeServer::healthy(); };
        ServerLink link(server.factory());
        QSignalSpy state(&link, &ServerLink::serverStateChanged);
        QVERIFY(!link.hasHealth());
        link.start(std::chrono::hours(1));
        QVERIFY(state.wait(5000));
        const auto health = state.takeFirst().at(0).value<ServerHealth>();
        QVERIFY(health.online);
        QCOMPARE(health.version, QString("0.1.0"));
        QVERIFY(link.isOnline());
        QVERIFY(link.hasHealth());
        QVERIFY(server.lastThread != nullptr);
        QVERIFY(server.lastThread != QThread::currentThread());
        QCOMPARE(server.targets, QList<QByteArray>{"/healthz"});
    }

    void periodicHealthNoticesAnOutage() {
        FakeServer server;
        std::atomic<bool> down = false;
        server.handler = [&down](auto&&...) -> HttpReply {
            if (down) {
                throw TransportError("connect to 127.0.0.1:1 failed: connection refused");
            }
            return FakeServer::healthy();
        };
        ServerLink link(server.factory());
        QSignalSpy state(&link, &ServerLink::serverStateChanged);
        link.start(std::chrono::milliseconds(50));
        QVERIFY(state.wait(5000));
        QVERIFY(link.isOnline());
        down = true;
        QVERIFY(state.wait(5000));  // only a change is signalled, so this is the outage
        const auto health = state.last().at(0).value<ServerHealth>();
        QVERIFY(!health.online);
        QVERIFY(health.detail.contains("connection refused"));
        QVERIFY(!link.isOnline());
    }

    void signInAccepted() {
        FakeServer server;
        server.acceptOnly("clerk.demo", "correct horse battery");
        ServerLink link(server.factory());
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        QSignalSpy failed(&link, &ServerLink::signInFailed);
        link.signIn("clerk.demo", "correct horse battery");
        QVERIFY(signedIn.wait(5000));
        QCOMPARE(failed.count(), 0);
        const auto session = signedIn.takeFirst().at(0).value<UserSession>();
        QCOMPARE(session.role, QString("clerk"));
        QCOMPARE(session.officeCode, QString("K0001"));
        QVERIFY(link.isSignedIn());
        QCOMPARE(server.targets.last(), QByteArray("/api/v1/auth/login"));

        QSignalSpy signedOut(&link, &ServerLink::signedOut);
        link.signOut();
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!link.isSignedIn());
    }

    void signInRefused_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("wait");
        QTest::newRow("401") << 401 << "invalid_credentials" << QByteArray()
                             << int(SignInFailure::Reason::InvalidCredentials) << 0;
        QTest::newRow("429") << 429 << "rate_limited" << QByteArray("17")
                             << int(SignInFailure::Reason::RateLimited) << 17;
    }
    void signInRefused() {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, reason);
        QFETCH(int, wait);
        FakeServer server;
        server.handler = [=](auto&&...) { return FakeServer::error(status, code, retryAfter); };
        ServerLink link(server.factory());
        QSignalSpy failed(&link, &ServerLink::signInFailed);
        link.signIn("clerk.demo", "wrong password 1");
        QVERIFY(failed.wait(5000));
        const auto failure = failed.takeFirst().at(0).value<SignInFailure>();
        QCOMPARE(int(failure.reason), reason);
        QCOMPARE(failure.retryAfterSeconds, wait);
        QCOMPARE(failure.code, code);
        QVERIFY(!link.isSignedIn());
    }

    void networkDownDuringSignIn() {
        FakeServer server;
        server.handler = [](auto&&...) -> HttpReply {
            throw TransportError("TLS handshake with 127.0.0.1:8443 failed: reset");
        };
        ServerLink link(server.factory());
        QSignalSpy failed(&link, &ServerLink::signInFailed);
        QSignalSpy state(&link, &ServerLink::serverStateChanged);
        link.signIn("clerk.demo", "whatever password");
        QVERIFY(failed.wait(5000));
        QCOMPARE(int(failed.first().at(0).value<SignInFailure>().reason),
                 int(SignInFailure::Reason::Unreachable));
        QTRY_COMPARE(state.count(), 1);  // the failure also tells the UI we are offline
        QVERIFY(!link.isOnline());
    }

    void transportThatCannotBeCreatedReportsOffline() {
        ServerLink link([]() -> std::unique_ptr<ServerTransport> {
            throw TransportError("invalid server settings: bad URL");
        });
        QSignalSpy state(&link, &ServerLink::serverStateChanged);
        link.checkHealth();
        QVERIFY(state.wait(5000));
        const auto health = state.first().at(0).value<ServerHealth>();
        QVERIFY(!health.online);
        QVERIFY(health.detail.contains("bad URL"));
    }
};

QTEST_GUILESS_MAIN(tst_ServerLink)
#include "tst_serverlink.moc"
