// The events WebSocket against a real kep-server: the upgrade passes the request gate before it
// is accepted (no certificate or a revoked one gets 401 as JSON over HTTP, never a socket), an
// enrolled desk is greeted and answered, and a catalogue published by the separate
// `kep-server catalogue publish` process reaches the connected desk as a nudge within seconds.
#include "IdentityTestKit.h"
#include "SampleCatalogue.h"
#include "net/HttpsClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using kep::test::EnrolledWorkstation;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::ServerProcess;

namespace {

constexpr char kOffice[] = "0101";

const kep::test::Headers kUpgrade = kep::test::webSocketUpgrade();

QJsonObject parse(const std::string& text) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

}  // namespace

class tst_EventStream : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;

    std::unique_ptr<kep::net::WebSocketClient> socketFor(const EnrolledWorkstation& desk) {
        kep::net::TlsOptions tls;
        tls.caFile = server_.caFile().toStdString();
        tls.clientCertFile = desk.certFile.toStdString();
        tls.clientKeyFile = desk.keyFile.toStdString();
        return std::make_unique<kep::net::WebSocketClient>(
            kep::net::Endpoint::fromUrl(server_.url().toStdString()), tls);
    }

    // The next message of `type`, skipping others, within `deadline`.
    std::optional<QJsonObject> next(kep::net::WebSocketClient& socket, const QString& type,
                                    std::chrono::milliseconds deadline) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < deadline.count()) {
            const auto message =
                socket.receive(deadline - std::chrono::milliseconds(timer.elapsed()));
            if (message && parse(*message).value("type").toString() == type) {
                return parse(*message);
            }
        }
        return std::nullopt;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
    }

    // Refused before the upgrade: the answer is the gate's, as JSON, and no socket opens.
    void upgradeWithoutCertificateIs401() {
        auto anonymous = kit_->anonymousClient();
        const auto response = anonymous->request("GET", "/api/v1/events", {}, {}, kUpgrade);
        QCOMPARE(response.status, 401);
        QCOMPARE(errorCodeOf(response), QStringLiteral("workstation_required"));
        QVERIFY(response.header("Content-Type").value_or("").find("application/json") !=
                std::string::npos);

        kep::net::TlsOptions tls;
        tls.caFile = server_.caFile().toStdString();
        kep::net::WebSocketClient socket(kep::net::Endpoint::fromUrl(server_.url().toStdString()),
                                         tls);
        QVERIFY_THROWS_EXCEPTION(kep::net::NetworkError, socket.connect("/api/v1/events"));
    }

    void revokedWorkstationCannotUpgrade() {
        const auto desk = kit_->enrolNew(kOffice);
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        QCOMPARE(kit_->command({"revoke-device", "--device", desk->deviceId}), 0);
        const auto response =
            kit_->clientFor(*desk)->request("GET", "/api/v1/events", {}, {}, kUpgrade);
        QCOMPARE(response.status, 401);
        QCOMPARE(errorCodeOf(response), QStringLiteral("workstation_revoked"));
    }

    void enrolledDeskIsGreetedAndAnswered() {
        const auto desk = kit_->enrol(kit_->takeDemoCode(kOffice), "events-desk");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        auto socket = socketFor(*desk);
        socket->connect("/api/v1/events");
        const auto hello = next(*socket, "hello", std::chrono::seconds(5));
        QVERIFY(hello);
        QCOMPARE(hello->value("server").toString(), QStringLiteral("kep-server"));
        socket->send("ping");
        QVERIFY(next(*socket, "pong", std::chrono::seconds(5)));
        socket->close();
    }

    // Two desks connected; another process publishes; both are nudged with the new sequence.
    void publicationByAnotherProcessNudgesEveryDesk() {
        const auto first = kit_->enrolNew(kOffice);
        const auto second = kit_->enrolNew(kOffice);
        QVERIFY2(first && second, qPrintable(kit_->errorString()));
        auto a = socketFor(*first);
        auto b = socketFor(*second);
        a->connect("/api/v1/events");
        b->connect("/api/v1/events");
        QVERIFY(next(*a, "hello", std::chrono::seconds(5)));
        QVERIFY(next(*b, "hello", std::chrono::seconds(5)));

        QTemporaryDir drafts;
        QVERIFY(kep::test::writeFeeChange(drafts.path(), "900002", 175));
        QCOMPARE(kit_->command({"import-mitos", drafts.path() + "/el", drafts.path() + "/en"}), 0);
        QElapsedTimer sincePublish;
        sincePublish.start();
        QCOMPARE(kit_->command({"catalogue", "publish"}), 0);

        const auto nudgeA = next(*a, "catalogue", std::chrono::seconds(10));
        const auto nudgeB = next(*b, "catalogue", std::chrono::seconds(10));
        QVERIFY2(nudgeA && nudgeB, "no catalogue nudge within 10 s of the publication");
        qInfo("nudge arrived %lld ms after publish started", qint64(sincePublish.elapsed()));
        const auto seq = nudgeA->value("seq").toInteger();
        QVERIFY(seq > 0);
        QCOMPARE(nudgeB->value("seq").toInteger(), seq);
        a->close();
        b->close();
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_EventStream)
#include "tst_event_stream.moc"
