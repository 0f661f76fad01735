// The nudge WebSocket against a real kep-server: a push by one desk nudges the other desks of
// its office and no desk of another office; an idle WebSocket outlives the server's time limit
// for slow clients, which still cuts an HTTP request that never completes.
#include "SyncTestKit.h"
#include "net/SyncNudgeChannel.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr int kReadTimeoutMs = 2000;  // the server's limit for slow clients, lowered for the test

struct Listener {
    std::unique_ptr<kep::net::WebSocketClient> socket;
    std::unique_ptr<kep::net::SyncNudgeChannel> channel;
};

}  // namespace

class tst_SyncSocket : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> pusher_;  // office 0101
    std::optional<SyncDesk> peer_;    // office 0101
    std::optional<SyncDesk> other_;   // office 0202
    kep::cases::Actor clerk_;
    Listener pusherEars_;
    Listener peerEars_;
    Listener otherEars_;

    Listener listen(SyncDesk& desk) {
        Listener listener;
        listener.socket = std::make_unique<kep::net::WebSocketClient>(
            kep::net::Endpoint::fromUrl(server_.url().toStdString()), kit_->tlsFor(desk));
        listener.channel = std::make_unique<kep::net::SyncNudgeChannel>(*listener.socket);
        listener.channel->open();
        return listener;
    }

    std::int64_t pushOneCase() {
        auto result = pusher_->transport->push(pusher_->batch({pusher_->newCase(clerk_)}));
        if (auto* error = std::get_if<kep::sync::TransportError>(&result)) {
            qWarning("push failed: %s", error->message.c_str());
            return -1;
        }
        return std::get<kep::sync::PushResponse>(result).lastAppliedSeq;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true, {"--read-timeout-ms", QString::number(kReadTimeoutMs)}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&pusher_, "0101"}, {&peer_, "0101"}, {&other_, "0202"}}),
                 qPrintable(kit_->errorString()));
        auto clerk = kit_->actor(*pusher_, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        clerk_ = *clerk;
        pusherEars_ = listen(*pusher_);
        peerEars_ = listen(*peer_);
        otherEars_ = listen(*other_);
    }

    // The gate runs before the upgrade: no certificate, 401 over HTTP.
    void upgradeWithoutCertificateIsRefused() {
        kep::net::TlsOptions anonymous;
        anonymous.caFile = server_.caFile().toStdString();
        kep::net::WebSocketClient socket(kep::net::Endpoint::fromUrl(server_.url().toStdString()),
                                         anonymous);
        kep::net::SyncNudgeChannel channel(socket);
        try {
            channel.open();
            QFAIL("an anonymous upgrade was accepted");
        } catch (const kep::net::NetworkError& error) {
            QVERIFY2(std::string_view(error.what()).find("HTTP 401") != std::string_view::npos,
                     error.what());
        }
    }

    // The other desk of the office hears of the push; the pusher and office 0202 do not.
    void pushNudgesOnlyTheOfficesOtherDesks() {
        QElapsedTimer clock;
        clock.start();
        QVERIFY(pushOneCase() > 0);
        const auto nudge = peerEars_.channel->next(std::chrono::seconds(5));
        QVERIFY2(nudge, "no nudge reached the office's other desk");
        QCOMPARE(nudge->bucket, peer_->bucket());
        QVERIFY(nudge->upTo > 0);
        qInfo("push to nudge: %lld ms", static_cast<long long>(clock.elapsed()));
        // What the nudge announces is there to pull.
        auto pulled = kep::test::pullOnce(*peer_->transport, peer_->bucket(), 0);
        QVERIFY(pulled);
        QVERIFY(pulled->cursor >= nudge->upTo);
        QVERIFY(!pulled->changes.empty());

        QVERIFY(!otherEars_.channel->next(std::chrono::milliseconds(700)));
        QVERIFY(!pusherEars_.channel->next(std::chrono::milliseconds(300)));
    }

    // An open WebSocket with nothing to say outlives the slow-client limit several times over.
    void idleWebSocketSurvivesTheSlowClientLimit() {
        QVERIFY(!peerEars_.channel->next(std::chrono::milliseconds(kReadTimeoutMs * 3)));
        QVERIFY(peerEars_.channel->isOpen());
        QVERIFY(pushOneCase() > 0);
        const auto nudge = peerEars_.channel->next(std::chrono::seconds(5));
        QVERIFY2(nudge, "the idle WebSocket was closed");
        QCOMPARE(nudge->bucket, peer_->bucket());
    }

    // …while an HTTP request that never completes is cut at the limit.
    void incompleteHttpRequestIsCut() {
        QProcess client;
        client.start("openssl",
                     {"s_client", "-quiet", "-connect", QString("127.0.0.1:%1").arg(server_.port()),
                      "-CAfile", server_.caFile()});
        QVERIFY(client.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        client.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // no blank line: unfinished
        QVERIFY2(client.waitForFinished(kReadTimeoutMs * 4),
                 "the server kept an incomplete request open");
        QVERIFY2(clock.elapsed() >= kReadTimeoutMs / 2,
                 qPrintable(QString("cut after %1 ms").arg(clock.elapsed())));
        QVERIFY(client.readAllStandardOutput().isEmpty());  // no answer to half a request
    }

    void cleanupTestCase() {
        for (auto* ears : {&pusherEars_, &peerEars_, &otherEars_}) {
            if (ears->channel) {
                ears->channel->close();
            }
        }
        QCOMPARE(server_.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncSocket)
#include "tst_sync_socket.moc"
