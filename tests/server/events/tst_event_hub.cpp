// The event hub without a network: peers join and leave while other threads publish, a peer
// that went away without leaving is skipped, and every live peer gets every message once.
#include "events/EventHub.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using kep::server::events::EventHub;

namespace {

class CountingPeer : public kep::http::WebSocketPeer {
public:
    void send(std::string message) override {
        std::lock_guard lock(mutex_);
        received_.push_back(std::move(message));
    }
    std::vector<std::string> received() const {
        std::lock_guard lock(mutex_);
        return received_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> received_;
};

}  // namespace

class tst_EventHub : public QObject {
    Q_OBJECT

private slots:
    void publishReachesJoinedPeersOnly() {
        EventHub hub;
        auto a = std::make_shared<CountingPeer>();
        auto b = std::make_shared<CountingPeer>();
        hub.join(a);
        hub.join(b);
        QCOMPARE(hub.publish("one"), std::size_t(2));
        hub.leave(*a);
        QCOMPARE(hub.publish("two"), std::size_t(1));
        QCOMPARE(a->received(), std::vector<std::string>{"one"});
        QCOMPARE(b->received(), (std::vector<std::string>{"one", "two"}));
    }

    void aPeerGoneWithoutLeavingIsSkipped() {
        EventHub hub;
        auto kept = std::make_shared<CountingPeer>();
        hub.join(kept);
        {
            auto gone = std::make_shared<CountingPeer>();
            hub.join(gone);
        }
        QCOMPARE(hub.size(), std::size_t(1));
        QCOMPARE(hub.publish("x"), std::size_t(1));
    }

    void catalogueNudgeNamesTheSequence() {
        QCOMPARE(kep::server::events::catalogueNudge(42),
                 std::string(R"({"type":"catalogue","seq":42})"));
    }

    // Publishers and joining/leaving sessions on several threads (run it under the asan preset).
    void concurrentJoinLeaveAndPublish() {
        EventHub hub;
        auto steady = std::make_shared<CountingPeer>();
        hub.join(steady);
        constexpr int kPublishers = 3;
        constexpr int kMessages = 300;
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int p = 0; p < kPublishers; ++p) {
            threads.emplace_back([&] {
                for (int i = 0; i < kMessages; ++i) {
                    hub.publish("m");
                }
            });
        }
        std::thread churn([&] {
            while (!stop.load()) {
                auto passing = std::make_shared<CountingPeer>();
                hub.join(passing);
                hub.leave(*passing);
            }
        });
        for (auto& thread : threads) {
            thread.join();
        }
        stop = true;
        churn.join();
        QCOMPARE(steady->received().size(), std::size_t(kPublishers * kMessages));
        QCOMPARE(hub.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(tst_EventHub)
#include "tst_event_hub.moc"
