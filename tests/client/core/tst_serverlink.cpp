// ServerLink: network calls run off the calling thread and come back as queued signals; health
// online/offline, sign-in outcomes, a network fault, sign-out (told to the server), enrolment,
// the offline verifier and the user directory, and authenticated calls.
#include "../support/FakeServerTransport.h"
#include "../support/TestCertificateAuthority.h"
#include "ServerLink.h"
#include "WorkstationCredential.h"
#include "storage/PasswordVerifier.h"

#include <QTemporaryDir>

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

#include <stdexcept>

using namespace kep::desk;
using kep::desk::test::FakeServer;
using kep::desk::test::TestCertificateAuthority;

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
        QVERIFY(server.targets.contains("/api/v1/auth/login"));

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

    void onlineSignInGivesAVerifierAndReadsTheDirectory() {
        FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray& target, const QByteArray& body) {
            if (target == "/api/v1/auth/login") {
                const QJsonObject request = QJsonDocument::fromJson(body).object();
                return request.value("password").toString() == "correct horse battery"
                           ? FakeServer::clerkSignedIn()
                           : FakeServer::error(401, "invalid_credentials");
            }
            if (target == "/api/v1/directory/users") {
                const QJsonArray users{QJsonObject{{"id", "u-7"},
                                                   {"username", "gone.clerk"},
                                                   {"displayName", "x"},
                                                   {"role", "clerk"},
                                                   {"disabled", true}}};
                return FakeServer::json(200, {{"users", users}});
            }
            return FakeServer::healthy();
        };
        ServerLink link(server.factory());
        QSignalSpy verifier(&link, &ServerLink::offlineVerifierReady);
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        QSignalSpy directory(&link, &ServerLink::directoryReceived);
        link.signIn("clerk.demo", "correct horse battery");
        QVERIFY(directory.wait(10000));
        QCOMPARE(verifier.count(), 1);
        QCOMPARE(signedIn.count(), 1);
        const QString phc = verifier.first().at(1).toString();
        QVERIFY(phc.startsWith("$argon2id$"));
        QVERIFY(storage::matchesPasswordVerifier(phc, "correct horse battery"));
        const auto users = directory.first().at(0).value<QList<DirectoryUser>>();
        QCOMPARE(users.size(), 1);
        QVERIFY(users.first().disabled);
        QCOMPARE(server.tokens.last(), QByteArray("synthetic-token"));

        // Each health tick while signed in asks again.
        link.checkHealth();
        QVERIFY(directory.wait(5000));
        QCOMPARE(server.count("/api/v1/directory/users"), 2);
    }

    void signOutTellsTheServerOnce() {
        FakeServer server;
        server.acceptOnly("clerk.demo", "correct horse battery");
        ServerLink link(server.factory());
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        link.signIn("clerk.demo", "correct horse battery");
        QVERIFY(signedIn.wait(10000));
        link.signOut();
        QTRY_COMPARE(server.count("/api/v1/auth/logout"), 1);
        QCOMPARE(server.tokens.last(), QByteArray("synthetic-token"));
        // Signed out, nobody to log out: no second call, and no token on later requests.
        link.signOut();
        link.checkHealth();
        QTRY_COMPARE(server.count("/healthz"), 1);
        QCOMPARE(server.count("/api/v1/auth/logout"), 1);
        QVERIFY(server.tokens.last().isEmpty());
    }

    void signOutAtQuitStillReachesTheServer() {
        FakeServer server;
        server.acceptOnly("clerk.demo", "correct horse battery");
        {
            ServerLink link(server.factory());
            QSignalSpy signedIn(&link, &ServerLink::signedIn);
            link.signIn("clerk.demo", "correct horse battery");
            QVERIFY(signedIn.wait(10000));
            link.signOut();
        }  // destroyed at once, as when the desk quits
        QCOMPARE(server.count("/api/v1/auth/logout"), 1);
    }

    void enrolmentStoresTheCertificateAndRenewsTheTransport() {
        QTemporaryDir dir;
        WorkstationCredential credential(std::make_unique<FileKeyStore>(dir.filePath("key.pem")),
                                         dir.filePath("workstation.pem"));
        TestCertificateAuthority ca;
        FakeServer server;
        server.handler = [&ca](const QByteArray&, const QByteArray& target,
                               const QByteArray& body) {
            if (target == "/api/v1/devices/enrol") {
                return FakeServer::json(201, ca.enrolmentAnswer(body));
            }
            return FakeServer::healthy();
        };
        ServerLink link(server.factory(), &credential);
        link.checkHealth();
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        link.enrol("ABCD-EFGH-JKLM", "counter-3");
        QVERIFY(enrolled.wait(10000));
        const auto result = enrolled.first().at(0).value<WorkstationEnrolled>();
        QCOMPARE(result.officeCode, QString("0101"));
        QCOMPARE(result.officeName, QString::fromUtf8("ΚΕΠ Δοκιμών"));
        QVERIFY(result.certificateNotAfter > QDateTime::currentDateTimeUtc());
        QVERIFY(credential.isEnrolled());
        const QJsonObject request = QJsonDocument::fromJson(server.bodies.last()).object();
        QCOMPARE(request.value("code").toString(), QString("ABCD-EFGH-JKLM"));
        QCOMPARE(request.value("hostname").toString(), QString("counter-3"));
        QVERIFY(request.value("csr").toString().startsWith("-----BEGIN CERTIFICATE REQUEST"));
        QVERIFY(!server.bodies.last().contains("PRIVATE KEY"));  // the key never leaves
        // The next request goes through a new transport, which presents the certificate.
        const int before = server.transportsMade;
        link.checkHealth();
        QTRY_COMPARE(server.transportsMade.load(), before + 1);
    }

    void enrolmentRefusals_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("reason");
        using R = EnrolmentFailure::Reason;
        QTest::newRow("invalid code") << 403 << "enrolment_code_invalid" << int(R::InvalidCode);
        QTest::newRow("invalid csr") << 400 << "invalid_csr" << int(R::InvalidRequest);
        QTest::newRow("rate limited") << 429 << "too_many_attempts" << int(R::RateLimited);
        QTest::newRow("other") << 500 << "internal" << int(R::Refused);
        QTest::newRow("network") << 0 << "" << int(R::Unreachable);
    }
    void enrolmentRefusals() {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, reason);
        QTemporaryDir dir;
        WorkstationCredential credential(std::make_unique<FileKeyStore>(dir.filePath("key.pem")),
                                         dir.filePath("workstation.pem"));
        FakeServer server;
        server.handler = [=](auto&&...) -> HttpReply {
            if (status == 0) {
                throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
            }
            return FakeServer::error(status, code, "5");
        };
        ServerLink link(server.factory(), &credential);
        QSignalSpy failed(&link, &ServerLink::enrolmentFailed);
        link.enrol("ABCD-EFGH-JKLM", "counter-3");
        QVERIFY(failed.wait(10000));
        QCOMPARE(int(failed.first().at(0).value<EnrolmentFailure>().reason), reason);
        QVERIFY(!credential.isEnrolled());
        QVERIFY(!QFile::exists(dir.filePath("key.pem")));
    }

    void enrolmentWithoutACredentialPlaceFails() {
        FakeServer server;
        server.handler = [](auto&&...) { return FakeServer::healthy(); };
        ServerLink link(server.factory());
        QSignalSpy failed(&link, &ServerLink::enrolmentFailed);
        link.enrol("ABCD-EFGH-JKLM", "counter-3");
        QVERIFY(failed.wait(5000));
        QCOMPARE(int(failed.first().at(0).value<EnrolmentFailure>().reason),
                 int(EnrolmentFailure::Reason::LocalFault));
        QVERIFY(server.targets.isEmpty());
    }

    void callsCarryTheSessionAndComeBackByTicket() {
        FakeServer server;
        server.handler = [](const QByteArray& method, const QByteArray& target, const QByteArray&) {
            if (target == "/api/v1/auth/login") {
                return FakeServer::clerkSignedIn();
            }
            return FakeServer::json(method == "GET" ? 200 : 201, {{"target", QString(target)}});
        };
        ServerLink link(server.factory());
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        link.signIn("clerk.demo", "any password here");
        QVERIFY(signedIn.wait(10000));
        QSignalSpy replied(&link, &ServerLink::replied);
        const int first = link.call("GET", "/api/v1/offices");
        const int second = link.call("POST", "/api/v1/offices", "{}");
        QVERIFY(first != second);
        QTRY_COMPARE(replied.count(), 2);
        QCOMPARE(replied.at(0).at(0).toInt(), first);
        QCOMPARE(replied.at(0).at(1).value<ApiReply>().status, 200);
        QCOMPARE(replied.at(1).at(0).toInt(), second);
        QCOMPARE(replied.at(1).at(1).value<ApiReply>().status, 201);
        QCOMPARE(server.tokens.last(), QByteArray("synthetic-token"));
    }
};

QTEST_GUILESS_MAIN(tst_ServerLink)
#include "tst_serverlink.moc"
