// The server's WebSocket heartbeat against a real kep-server: a desk that reads (and so answers
// pings) stays connected indefinitely, while a peer that has gone silent is closed once two pings
// in a row went unanswered — so 3,000 desks behind flaky links do not leave dead sockets behind.
#include "SyncTestKit.h"
#include "net/SyncNudgeChannel.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr int kPingMs = 250;  // lowered from 30 s so the test takes seconds

struct Listener {
    std::unique_ptr<kep::net::WebSocketClient> socket;
    std::unique_ptr<kep::net::SyncNudgeChannel> channel;
};

}  // namespace

class tst_WebSocketHeartbeat : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;

    Listener listen(SyncDesk& desk) {
        Listener listener;
        listener.socket = std::make_unique<kep::net::WebSocketClient>(
            kep::net::Endpoint::fromUrl(server_.url().toStdString()), kit_->tlsFor(desk));
        listener.channel = std::make_unique<kep::net::SyncNudgeChannel>(*listener.socket);
        listener.channel->open();
        return listener;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true, {"--websocket-ping-ms", QString::number(kPingMs)}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
    }

    void silentPeerIsClosedAndReaderStays() {
        auto pusher = kit_->enrolDesk("0101");
        auto reader = kit_->enrolDesk("0101");
        auto silent = kit_->enrolDesk("0101");
        QVERIFY2(pusher && reader && silent, qPrintable(kit_->errorString()));
        auto clerk = kit_->actor(*pusher, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));

        Listener readerEars = listen(*reader);
        Listener silentEars = listen(*silent);  // never read: its pings go unanswered

        // Many ping intervals pass; the reader answers each ping while it waits for a nudge.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < kPingMs * 8) {
            QVERIFY(!readerEars.channel->next(std::chrono::milliseconds(kPingMs)));
        }
        QVERIFY(readerEars.channel->isOpen());

        auto pushed = pusher->transport->push(pusher->batch({pusher->newCase(*clerk)}));
        QVERIFY(std::holds_alternative<kep::sync::PushResponse>(pushed));
        const auto nudge = readerEars.channel->next(std::chrono::seconds(5));
        QVERIFY2(nudge, "the desk that answered its pings was dropped");
        QCOMPARE(nudge->bucket, reader->bucket());

        // The silent peer was closed by the server: no nudge, the connection is gone.
        bool closed = false;
        try {
            (void)silentEars.channel->next(std::chrono::seconds(2));
        } catch (const kep::net::NetworkError&) {
            closed = true;
        }
        QVERIFY2(closed, "the server kept a peer that left two pings unanswered");
        readerEars.channel->close();
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_WebSocketHeartbeat)
#include "tst_websocket_heartbeat.moc"
