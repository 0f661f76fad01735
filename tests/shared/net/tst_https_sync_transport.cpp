// HttpsSyncTransport against scripted TLS peers: what goes on the wire, and how every kind of
// failure comes back as the TransportError the sync engine expects (never as an exception).
#include "LoopbackPeers.h"
#include "ScriptedTlsPeer.h"
#include "TestPki.h"
#include "net/HttpsSyncTransport.h"
#include "shared/sync/SyncProtocol.h"

#include <QTest>

#include <csignal>
#include <thread>

using kep::sync::TransportError;
using kep::test::PeerConnection;
using kep::test::ScriptedTlsPeer;

Q_DECLARE_METATYPE(std::string)

namespace {

constexpr auto kTimeout = std::chrono::milliseconds(400);
const kep::domain::Uuid kOpId = *kep::domain::Uuid::parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

std::string answer(int status, std::string_view body) {
    return "HTTP/1.1 " + std::to_string(status) +
           " X\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

kep::sync::PushRequest onePush() {
    kep::sync::OutboxOp op;
    op.opId = kOpId;
    op.deviceId = "desk-1";
    op.deviceSeq = 1;
    op.kind = kep::sync::OpKind::Create;
    op.entity = {"case", "c-1"};
    op.bucket = "office:0101";
    op.actor = {"u-1", kep::cases::ActorRole::Clerk};
    op.fields = {{"notes", "x"}};
    return {kep::sync::kProtocolVersion, "desk-1", {op}};
}

std::string pushAnswer(std::size_t results) {
    kep::sync::PushResponse response;
    for (std::size_t i = 0; i < results; ++i) {
        response.results.push_back({kOpId, 1, kep::sync::OpOutcome::Applied, {}, {}, 1});
    }
    response.lastAppliedSeq = 1;
    return kep::sync::encode(response);
}

std::string pullAnswer(const std::string& bucket) {
    kep::sync::PullResponse response;
    response.bucket = bucket;
    response.changes.push_back({3, {"case", "c-1"}, 1, {{"notes", "x"}}, false});
    response.cursor = 3;
    return kep::sync::encode(response);
}

QString kindName(TransportError::Kind kind) {
    switch (kind) {
        case TransportError::Kind::Unreachable:
            return "unreachable";
        case TransportError::Kind::Timeout:
            return "timeout";
        case TransportError::Kind::Refused:
            return "refused";
        case TransportError::Kind::ServerError:
            return "server_error";
        case TransportError::Kind::BadResponse:
            return "bad_response";
    }
    return "?";
}

}  // namespace

class tst_HttpsSyncTransport : public QObject {
    Q_OBJECT

private:
    kep::test::TestPki pki_;

    std::unique_ptr<kep::net::HttpsClient> clientFor(std::uint16_t port) {
        kep::net::TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        return std::make_unique<kep::net::HttpsClient>(
            kep::net::Endpoint{"127.0.0.1", std::to_string(port)}, tls, kTimeout);
    }

private slots:
    void initTestCase() {
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
        // A scripted peer that answers after the client gave up writes to a closed socket.
        std::signal(SIGPIPE, SIG_IGN);
    }

    // Each answer of the server, and each way of getting none, as the engine sees it.
    void pushOutcomes_data() {
        QTest::addColumn<std::string>("reply");  // empty: close without answering
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<QString>("expected");  // "ok" or a kind
        QTest::addColumn<QString>("mentions");
        QTest::newRow("answered") << answer(200, pushAnswer(1)) << 0 << "ok"
                                  << "";
        QTest::newRow("forbidden")
            << answer(403, R"({"error":{"code":"wrong_device","message":"not yours"}})") << 0
            << "refused"
            << "wrong_device";
        QTest::newRow("bad request")
            << answer(400, R"({"error":{"code":"unsupported_protocol","message":"accepted: 1"}})")
            << 0 << "refused"
            << "accepted: 1";
        QTest::newRow("store busy")
            << answer(503, R"({"error":{"code":"store_busy"}})") << 0 << "server_error"
            << "store_busy";
        QTest::newRow("internal error") << answer(500, "not json") << 0 << "server_error"
                                        << "HTTP 500";
        QTest::newRow("undecodable") << answer(200, "{\"protocol\":1}") << 0 << "bad_response"
                                     << "push response";
        QTest::newRow("results do not match the ops")
            << answer(200, pushAnswer(2)) << 0 << "bad_response"
            << "results";
        QTest::newRow("closed before answering") << std::string() << 0 << "unreachable"
                                                 << "";
        QTest::newRow("no answer in time") << answer(200, pushAnswer(1)) << 1200 << "timeout"
                                           << "timed out";
    }
    void pushOutcomes() {
        QFETCH(std::string, reply);
        QFETCH(int, delayMs);
        QFETCH(QString, expected);
        QFETCH(QString, mentions);
        std::string received;
        ScriptedTlsPeer peer(pki_.server().certFile.toStdString(),
                             pki_.server().keyFile.toStdString(),
                             [&](int, PeerConnection& connection) {
                                 received = connection.readHttpRequest();
                                 std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
                                 if (!reply.empty()) {
                                     connection.write(reply);
                                 }
                             });
        auto client = clientFor(peer.port());
        kep::net::HttpsSyncTransport transport(*client);
        const auto request = onePush();
        const auto result = transport.push(request);
        QVERIFY(received.starts_with("POST /api/v1/sync/push HTTP/1.1\r\n"));
        QVERIFY(received.ends_with(kep::sync::encode(request)));
        if (expected == "ok") {
            QVERIFY(std::holds_alternative<kep::sync::PushResponse>(result));
            QCOMPARE(std::get<kep::sync::PushResponse>(result).results.size(), std::size_t(1));
            return;
        }
        QVERIFY(std::holds_alternative<TransportError>(result));
        const auto& error = std::get<TransportError>(result);
        QCOMPARE(kindName(error.kind), expected);
        QVERIFY2(error.message.find(mentions.toStdString()) != std::string::npos,
                 error.message.c_str());
    }

    void nobodyListeningIsUnreachable() {
        auto client = clientFor(kep::test::freeLoopbackPort());
        kep::net::HttpsSyncTransport transport(*client);
        const auto result = transport.push(onePush());
        QVERIFY(std::holds_alternative<TransportError>(result));
        QCOMPARE(kindName(std::get<TransportError>(result).kind), QString("unreachable"));
    }

    // The pull's target carries the protocol, bucket, cursor and limit; the answer must be
    // for the bucket asked.
    void pullTargetAndBucket_data() {
        QTest::addColumn<std::string>("answeredBucket");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the bucket asked") << std::string("office:0101") << "ok";
        QTest::newRow("another bucket") << std::string("office:0202") << "bad_response";
    }
    void pullTargetAndBucket() {
        QFETCH(std::string, answeredBucket);
        QFETCH(QString, expected);
        std::string received;
        ScriptedTlsPeer peer(pki_.server().certFile.toStdString(),
                             pki_.server().keyFile.toStdString(),
                             [&](int, PeerConnection& connection) {
                                 received = connection.readHttpRequest();
                                 connection.write(answer(200, pullAnswer(answeredBucket)));
                             });
        auto client = clientFor(peer.port());
        kep::net::HttpsSyncTransport transport(*client);
        const auto result = transport.pull({kep::sync::kProtocolVersion, "office:0101", 2, 10});
        QVERIFY2(received.starts_with("GET /api/v1/sync/pull?protocol=" +
                                      std::to_string(kep::sync::kProtocolVersion) +
                                      "&bucket=office:0101&cursor=2&limit=10 HTTP/1.1\r\n"),
                 received.c_str());
        if (expected == "ok") {
            QVERIFY(std::holds_alternative<kep::sync::PullResponse>(result));
            QCOMPARE(std::get<kep::sync::PullResponse>(result).cursor, std::int64_t(3));
        } else {
            QVERIFY(std::holds_alternative<TransportError>(result));
            QCOMPARE(kindName(std::get<TransportError>(result).kind), expected);
        }
    }

    // A bucket name that could not be a bucket is not even sent.
    void malformedBucketIsNotSent() {
        auto client = clientFor(kep::test::freeLoopbackPort());
        kep::net::HttpsSyncTransport transport(*client);
        const auto result = transport.pull({kep::sync::kProtocolVersion, "office:01&x=1", 0, 10});
        QVERIFY(std::holds_alternative<TransportError>(result));
        QCOMPARE(kindName(std::get<TransportError>(result).kind), QString("refused"));
    }
};

QTEST_GUILESS_MAIN(tst_HttpsSyncTransport)
#include "tst_https_sync_transport.moc"
