// AdministrationClient over the server link: each action goes to its route with the session
// token, and each answer comes back as its typed signal, or as failed() with the reason.
#include "../../support/FakeServerTransport.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::admin;
using kep::desk::test::FakeServer;

class tst_AdministrationClient : public QObject {
    Q_OBJECT

    // A manager signed in at a fake server that answers each route as the contract says.
    struct Desk {
        FakeServer server;
        std::unique_ptr<ServerLink> link;
        std::unique_ptr<AdministrationClient> client;

        Desk() {
            server.handler = [](const QByteArray& method, const QByteArray& target,
                                const QByteArray& body) -> HttpReply {
                if (target == "/api/v1/auth/login") {
                    return FakeServer::clerkSignedIn();
                }
                if (target == "/api/v1/offices" && method == "GET") {
                    return FakeServer::json(
                        200, {{"offices", QJsonArray{QJsonObject{
                                              {"code", "0101"}, {"name", "A"}, {"region", "R"}}}}});
                }
                if (target == "/api/v1/users?office=0101") {
                    return FakeServer::json(
                        200, {{"users", QJsonArray{QJsonObject{{"id", "u1"},
                                                               {"username", "clerk.a"},
                                                               {"role", "clerk"},
                                                               {"disabled", false}}}}});
                }
                if (target == "/api/v1/users" && method == "POST") {
                    return QJsonDocument::fromJson(body)
                                       .object()
                                       .value("password")
                                       .toString()
                                       .size() < 12
                               ? FakeServer::error(400, "weak_password")
                               : FakeServer::json(201, {{"user", QJsonObject{{"id", "u2"}}}});
                }
                if (target == "/api/v1/users/u1/disable" || target == "/api/v1/devices/d1/revoke") {
                    return FakeServer::json(200, {});
                }
                if (target == "/api/v1/offices/0101/enrolment-codes") {
                    return FakeServer::json(
                        201, {{"code", "ABCD-EFGH-JKLM"}, {"expiresAt", "2030-01-05T08:00:00Z"}});
                }
                if (target == "/api/v1/devices?office=0101") {
                    return FakeServer::json(
                        200, {{"devices",
                               QJsonArray{QJsonObject{
                                   {"id", "d1"}, {"office", "0101"}, {"hostname", "counter-1"}}}}});
                }
                if (target == "/api/v1/offices/0999/enrolment-codes") {
                    return FakeServer::error(403, "forbidden");
                }
                return FakeServer::healthy();
            };
            link = std::make_unique<ServerLink>(server.factory());
            client = std::make_unique<AdministrationClient>(*link);
            QSignalSpy signedIn(link.get(), &ServerLink::signedIn);
            link->signIn("manager.demo", "synthetic password");
            signedIn.wait(10000);
        }
    };

private slots:
    void everyActionReachesItsRoute() {
        Desk desk;
        QSignalSpy offices(desk.client.get(), &AdministrationClient::officesListed);
        QSignalSpy users(desk.client.get(), &AdministrationClient::usersListed);
        QSignalSpy added(desk.client.get(), &AdministrationClient::userAdded);
        QSignalSpy changed(desk.client.get(), &AdministrationClient::userChanged);
        QSignalSpy code(desk.client.get(), &AdministrationClient::enrolmentCodeIssued);
        QSignalSpy devices(desk.client.get(), &AdministrationClient::devicesListed);
        QSignalSpy revoked(desk.client.get(), &AdministrationClient::deviceRevoked);
        QSignalSpy failed(desk.client.get(), &AdministrationClient::failed);
        desk.client->listOffices();
        desk.client->listUsers("0101");
        desk.client->addUser({"new.clerk", "New Clerk", "clerk", "0101", "a long enough one"});
        desk.client->setUserDisabled("u1", true);
        desk.client->issueEnrolmentCode("0101");
        desk.client->listDevices("0101");
        desk.client->revokeDevice("d1");
        QTRY_COMPARE(revoked.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(offices.count(), 1);
        QCOMPARE(users.first().at(0).value<QList<User>>().first().username, QString("clerk.a"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(code.first().at(0).value<IssuedEnrolmentCode>().code, QString("ABCD-EFGH-JKLM"));
        QCOMPARE(devices.first().at(0).value<QList<Device>>().first().hostname,
                 QString("counter-1"));
        // Every administration call carried the session token.
        for (qsizetype i = 1; i < desk.server.targets.size(); ++i) {
            if (desk.server.targets[i] != "/healthz" &&
                !desk.server.targets[i].startsWith("/api/v1/directory")) {
                QCOMPARE(desk.server.tokens[i], QByteArray("synthetic-token"));
            }
        }
    }

    void refusalsComeBackWithTheirReason_data() {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("weak password") << 0 << 400 << "weak_password";
        QTest::newRow("other office") << 1 << 403 << "forbidden";
    }
    void refusalsComeBackWithTheirReason() {
        QFETCH(int, action);
        QFETCH(int, status);
        QFETCH(QString, code);
        Desk desk;
        QSignalSpy failed(desk.client.get(), &AdministrationClient::failed);
        if (action == 0) {
            desk.client->addUser({"new.clerk", "New Clerk", "clerk", "0101", "short"});
        } else {
            desk.client->issueEnrolmentCode("0999");
        }
        QVERIFY(failed.wait(5000));
        const auto failure = failed.first().at(0).value<AdminFailure>();
        QCOMPARE(failure.status, status);
        QCOMPARE(failure.code, code);
    }

    void noNetworkIsAFailureWithoutStatus() {
        FakeServer server;
        server.handler = [](auto&&...) -> HttpReply {
            throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
        };
        ServerLink link(server.factory());
        AdministrationClient client(link);
        QSignalSpy failed(&client, &AdministrationClient::failed);
        client.listOffices();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<AdminFailure>().status, 0);
        QVERIFY(failed.first().at(0).value<AdminFailure>().message.contains("Connection refused"));
    }
};

QTEST_GUILESS_MAIN(tst_AdministrationClient)
#include "tst_administrationclient.moc"
