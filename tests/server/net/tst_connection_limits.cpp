// The connection caps: global and per remote address, released when a connection goes.
#include "net/ConnectionLimits.h"
#include "net/ConnectionRegistry.h"

#include <QTest>

#include <vector>

using kep::server::net::ConnectionLimits;
using kep::server::net::ConnectionRegistry;

namespace {

class RecordingConnection : public kep::server::net::Connection {
public:
    void shutdown() override { ++shutdowns; }
    int shutdowns = 0;
};

}  // namespace

class tst_ConnectionLimits : public QObject {
    Q_OBJECT

private slots:
    void perAddressCapRefusesOnlyThatAddress() {
        ConnectionLimits limits(100, 2);
        auto a1 = limits.tryAcquire("10.0.0.1");
        auto a2 = limits.tryAcquire("10.0.0.1");
        QVERIFY(a1 && a2);
        QVERIFY(!limits.tryAcquire("10.0.0.1"));
        QVERIFY(limits.tryAcquire("10.0.0.2"));
        QCOMPARE(limits.countFor("10.0.0.1"), std::size_t(2));
    }

    void globalCapRefusesEveryone() {
        ConnectionLimits limits(3, 10);
        std::vector<ConnectionLimits::Slot> held;
        for (const char* address : {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
            held.push_back(limits.tryAcquire(address));
            QVERIFY(held.back());
        }
        QVERIFY(!limits.tryAcquire("10.0.0.4"));
        QCOMPARE(limits.total(), std::size_t(3));
    }

    void releasingASlotMakesRoom() {
        ConnectionLimits limits(1, 1);
        {
            auto slot = limits.tryAcquire("10.0.0.1");
            QVERIFY(slot);
            auto moved = std::move(slot);
            QVERIFY(!slot);
            QVERIFY(!limits.tryAcquire("10.0.0.2"));
        }
        QCOMPARE(limits.total(), std::size_t(0));
        QCOMPARE(limits.countFor("10.0.0.1"), std::size_t(0));
        QVERIFY(limits.tryAcquire("10.0.0.2"));
    }

    void registryAsksEveryConnectionAndRefusesNewOnes() {
        ConnectionRegistry registry;
        auto first = std::make_shared<RecordingConnection>();
        auto second = std::make_shared<RecordingConnection>();
        const auto firstId = registry.add(first);
        const auto secondId = registry.add(second);
        QVERIFY(firstId != 0 && secondId != 0 && firstId != secondId);
        registry.shutdownAll();
        QCOMPARE(first->shutdowns, 1);
        QCOMPARE(second->shutdowns, 1);
        QCOMPARE(registry.add(std::make_shared<RecordingConnection>()), std::uint64_t(0));
        QVERIFY(!registry.waitUntilEmpty(std::chrono::steady_clock::now()));
        registry.remove(firstId);
        registry.remove(secondId);
        QVERIFY(registry.waitUntilEmpty(std::chrono::steady_clock::now()));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionLimits)
#include "tst_connection_limits.moc"
