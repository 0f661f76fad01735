// Protocol-number blocks leased by two server processes at once on one database, on SQLite and
// (tst_lease_blocks_pg) on PostgreSQL, where the writers' advisory lock stands in for
// SQLite's one writer: every block answered is the office's next, none overlaps another.
#include "TestServerStore.h"
#include "leases/ProtocolNumberLeases.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

using kep::server::leases::ProtocolNumberLeases;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2026}, November, day{27}};

}  // namespace

class tst_LeaseBlocks : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;

private slots:
    void initTestCase() { store_ = database_.createStore(); }

    void blocksFollowEachOther() {
        ProtocolNumberLeases leases(*store_);
        const auto first = leases.lease("0101", 2026, 50, "desk-1", kToday, system_clock::now());
        const auto second = leases.lease("0101", 2026, 10, "", kToday, system_clock::now());
        const auto elsewhere = leases.lease("0202", 2026, 5, "desk-2", kToday, system_clock::now());
        QVERIFY(first.ok() && second.ok() && elsewhere.ok());
        QCOMPARE(first.block->first, 1u);
        QCOMPARE(first.block->last, 50u);
        QCOMPARE(second.block->first, 51u);
        QCOMPARE(elsewhere.block->first, 1u);
        QVERIFY(!leases.lease("0101", 2031, 5, "desk-1", kToday, system_clock::now()).ok());
        auto recorded = store_->database().prepare(
            "SELECT count(*) FROM protocol_leases WHERE office_code = ?1");
        recorded.bind(1, "0101");
        QVERIFY(recorded.step());
        QCOMPARE(recorded.int64(0), std::int64_t{2});
    }

    // Two processes (a store each) lease for one office at the same time.
    void twoProcessesNeverHandOutOneNumberTwice() {
        constexpr int kLeasesEach = 40;
        std::mutex mutex;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks;
        int failures = 0;
        std::vector<std::thread> processes;
        for (int p = 0; p < 2; ++p) {
            processes.emplace_back([&, p] {
                try {
                    const auto store = database_.openStore();
                    ProtocolNumberLeases leases(*store);
                    for (int i = 0; i < kLeasesEach; ++i) {
                        const auto result =
                            leases.lease("0303", 2026, 1 + (i + p) % 7, "desk-" + std::to_string(p),
                                         kToday, system_clock::now());
                        std::lock_guard lock(mutex);
                        if (result.ok()) {
                            blocks.emplace_back(result.block->first, result.block->last);
                        } else {
                            ++failures;
                        }
                    }
                } catch (const std::exception&) {
                    std::lock_guard lock(mutex);
                    ++failures;
                }
            });
        }
        for (auto& process : processes) {
            process.join();
        }
        QCOMPARE(failures, 0);
        QCOMPARE(blocks.size(), std::size_t{2 * kLeasesEach});
        std::sort(blocks.begin(), blocks.end());
        std::uint32_t next = 1;
        for (const auto& [first, last] : blocks) {
            QCOMPARE(first, next);  // contiguous: no gap, no overlap
            next = last + 1;
        }
    }
};

QTEST_GUILESS_MAIN(tst_LeaseBlocks)
#include "tst_lease_blocks.moc"
