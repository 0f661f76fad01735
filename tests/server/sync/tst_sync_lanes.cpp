// SyncLanePool (server/lib/sync/SyncLanes.h), without a database: lanes made on demand up to the
// limit and lent whole, a store that cannot be made leaving the pool as it was, and a lane's
// permissions gone with the lease that set them.
#include <QTest>

#include <chrono>
#include <future>
#include <optional>
#include <stdexcept>

#include "shared/sync/MemorySyncServerStore.h"
#include "sync/SyncLanes.h"

using kep::server::sync::PushPermissions;
using kep::server::sync::SyncLanePool;

namespace {

std::int64_t fixedClock() {
    return 1'750'000'000'000;
}

SyncLanePool::MakeStore memoryStores(int& made) {
    return [&made] {
        ++made;
        return std::make_shared<kep::sync::MemorySyncServerStore>();
    };
}

}  // namespace

class tst_SyncLanes : public QObject {
    Q_OBJECT

private slots:
    // Two lanes at most: two leases get a store each; a third caller waits until one is given
    // back, and then gets that lane, no new store.
    void lanesAreLentWholeUpToTheLimit() {
        int made = 0;
        SyncLanePool pool(memoryStores(made), 2, fixedClock);
        auto first = pool.lend();
        std::optional<SyncLanePool::Lease> second(pool.lend());
        QVERIFY(&*first != &**second);
        QCOMPARE(made, 2);
        auto third = std::async(std::launch::async, [&] { return &*pool.lend(); });
        QVERIFY(third.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout);
        kep::server::sync::SyncLane* given = &**second;
        second.reset();
        QVERIFY(third.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        QCOMPARE(third.get(), given);
        QCOMPARE(made, 2);
        QCOMPARE(pool.lanes(), std::size_t{2});
    }

    // A lane whose store could not be made (a connection refused) is not counted: the next
    // caller gets a lane.
    void aStoreThatCannotBeMadeLeavesThePoolAsItWas() {
        int attempts = 0;
        SyncLanePool pool(
            [&attempts]() -> std::shared_ptr<kep::sync::SyncServerStore> {
                if (++attempts == 1) {
                    throw std::runtime_error("connection refused");
                }
                return std::make_shared<kep::sync::MemorySyncServerStore>();
            },
            1, fixedClock);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, pool.lend());
        QCOMPARE(pool.lanes(), std::size_t{0});
        auto lane = pool.lend();
        QCOMPARE(pool.lanes(), std::size_t{1});
        QCOMPARE(attempts, 2);
    }

    // The permissions a push set on its lane end with its lease: the next holder of the lane
    // starts with none (its core refuses every bucket until it sets its own).
    void permissionsEndWithTheLease() {
        int made = 0;
        SyncLanePool pool(memoryStores(made), 1, fixedClock);
        const PushPermissions permissions{"office:0101", {"u-clerk-1"}};
        {
            auto lane = pool.lend();
            lane->permissions = &permissions;
        }
        auto lane = pool.lend();
        QVERIFY(lane->permissions == nullptr);
        QCOMPARE(made, 1);
    }
};

QTEST_GUILESS_MAIN(tst_SyncLanes)
#include "tst_sync_lanes.moc"
