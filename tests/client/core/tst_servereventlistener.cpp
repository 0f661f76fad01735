// The nudge listener on the server's event WebSocket: catalogue events become signals, other
// messages are ignored, and a lost or refused connection is retried until stop().
#include "ServerEventListener.h"
#include "ServerTransport.h"

#include <QMutex>
#include <QSignalSpy>
#include <QtTest>

#include <deque>

using namespace kep::desk;

namespace {

// Each connection plays the script, then fails as a dropped connection does.
struct ScriptedEvents {
    QMutex mutex;
    std::deque<QByteArray> messages;
    int opened = 0;
    bool refuse = false;

    EventStreamFactory factory() {
        return [this]() -> std::unique_ptr<ServerEventStream> {
            return std::make_unique<Stream>(*this);
        };
    }

    class Stream : public ServerEventStream {
    public:
        explicit Stream(ScriptedEvents& events) : events_(events) {}
        void open() override {
            QMutexLocker lock(&events_.mutex);
            if (events_.refuse) {
                throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
            }
            ++events_.opened;
        }
        std::optional<QByteArray> receive(std::chrono::milliseconds deadline) override {
            QMutexLocker lock(&events_.mutex);
            if (events_.messages.empty()) {
                lock.unlock();
                QThread::msleep(std::min<qint64>(deadline.count(), 20));
                return std::nullopt;
            }
            QByteArray next = events_.messages.front();
            events_.messages.pop_front();
            if (next == "drop") {
                throw TransportError("connection reset by peer");
            }
            return next;
        }

    private:
        ScriptedEvents& events_;
    };
};

}  // namespace

class tst_ServerEventListener : public QObject {
    Q_OBJECT

private slots:
    void catalogueEventsBecomeSignals() {
        ScriptedEvents events;
        events.messages = {R"({"type":"hello","server":"kep-server"})",
                           R"({"type":"catalogue","seq":57})", "not json at all",
                           R"({"type":"catalogue","seq":58})"};
        ServerEventListener listener(events.factory(), std::chrono::milliseconds(10));
        QSignalSpy connected(&listener, &ServerEventListener::connected);
        QSignalSpy changed(&listener, &ServerEventListener::catalogueChanged);
        listener.start();
        QTRY_COMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toLongLong(), 57);
        QCOMPARE(changed.at(1).at(0).toLongLong(), 58);
        QCOMPARE(connected.count(), 1);
    }

    void reconnectsAfterADropAndAfterARefusal() {
        ScriptedEvents events;
        events.refuse = true;
        ServerEventListener listener(events.factory(), std::chrono::milliseconds(10));
        QSignalSpy connected(&listener, &ServerEventListener::connected);
        QSignalSpy disconnected(&listener, &ServerEventListener::disconnected);
        listener.start();
        QTRY_VERIFY(disconnected.count() >= 2);
        QCOMPARE(connected.count(), 0);
        QVERIFY(disconnected.first().at(0).toString().contains("Connection refused"));
        {
            QMutexLocker lock(&events.mutex);
            events.refuse = false;
            events.messages = {"drop"};
        }
        QTRY_VERIFY(connected.count() >= 2);  // connected, dropped, connected again
    }

    void stopsPromptly() {
        ScriptedEvents events;
        auto listener = std::make_unique<ServerEventListener>(events.factory());
        QSignalSpy connected(listener.get(), &ServerEventListener::connected);
        listener->start();
        QTRY_COMPARE(connected.count(), 1);
        QElapsedTimer timer;
        timer.start();
        listener.reset();
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_GUILESS_MAIN(tst_ServerEventListener)
#include "tst_servereventlistener.moc"
