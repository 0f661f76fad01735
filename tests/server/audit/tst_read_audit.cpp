// ReadAudit, the group commit of the reads' audit entries: a caller returns only once its entries
// are durable; callers that arrive while a commit runs share the next one; a failed commit is an
// error to every caller in it (who then sends no data) and the next batch tries again; an invalid
// entry is refused before it can fail anyone else's batch; stop() writes what is queued; and a
// route turns the failure into 503 audit_unavailable.
#include "AuditTestLog.h"
#include "api/ReadAuditing.h"
#include "audit/ReadAudit.h"
#include "http/HttpError.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

using kep::audit::AuditEntry;
using kep::server::audit::AuditUnavailable;
using kep::server::audit::ReadAudit;
using kep::test::AuditTestStore;
using kep::test::syntheticAuditEntry;

namespace {

std::int64_t rowCount(kep::db::Database& db) {
    auto count = db.prepare("SELECT count(*) FROM audit_entry");
    count.step();
    return count.int64(0);
}

// A commit that holds the first batch until released, and counts what it wrote.
struct HeldCommit {
    std::promise<void> release;
    std::shared_future<void> released{release.get_future().share()};
    std::atomic<int> entries{0};
    std::atomic<int> batches{0};

    ReadAudit::Commit function() {
        return [this](std::span<const AuditEntry> batch) {
            if (batches++ == 0) {
                released.wait();
            }
            entries += static_cast<int>(batch.size());
        };
    }
};

}  // namespace

class tst_ReadAudit : public QObject {
    Q_OBJECT

private slots:
    void callersWaitingOnACommitShareTheNext_data() {
        QTest::addColumn<int>("waiting");
        QTest::newRow("2 callers") << 2;
        QTest::newRow("16 callers") << 16;
        QTest::newRow("64 callers") << 64;
    }

    void callersWaitingOnACommitShareTheNext() {
        QFETCH(int, waiting);
        HeldCommit commit;
        ReadAudit reads(commit.function());
        auto first =
            std::async(std::launch::async, [&reads] { reads.record({syntheticAuditEntry(0)}); });
        QTRY_COMPARE(commit.batches.load(), 1);  // the first commit is running, and held
        std::vector<std::future<void>> others;
        for (int i = 1; i <= waiting; ++i) {
            others.push_back(std::async(std::launch::async,
                                        [&reads, i] { reads.record({syntheticAuditEntry(i)}); }));
        }
        QTRY_COMPARE(reads.queuedEntries(), static_cast<std::size_t>(waiting));
        // None of them returns before its entry is written.
        QCOMPARE(others.front().wait_for(std::chrono::milliseconds(100)),
                 std::future_status::timeout);
        commit.release.set_value();
        first.get();
        for (auto& other : others) {
            other.get();
        }
        QCOMPARE(commit.entries.load(), waiting + 1);
        QCOMPARE(commit.batches.load(), 2);  // all those who waited: one commit
        QCOMPARE(reads.commits(), std::uint64_t{2});
    }

    void concurrentReadsShareFsyncsOnARealStore() {
        AuditTestStore store;
        const auto reads = ReadAudit::overConnection(store.databasePath());
        constexpr int kThreads = 16;
        constexpr int kEach = 40;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&reads, t] {
                for (int i = 0; i < kEach; ++i) {
                    reads->record({syntheticAuditEntry(t * kEach + i)});
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        std::lock_guard lock(store.store().mutex());
        QCOMPARE(rowCount(store.db()), std::int64_t{kThreads * kEach});
        QVERIFY2(
            reads->commits() < std::uint64_t{kThreads * kEach},
            qPrintable(
                QString("%1 commits for %2 reads").arg(reads->commits()).arg(kThreads * kEach)));
    }

    void aFailedCommitFailsItsCallersAndTheNextOneWrites() {
        std::atomic<int> calls{0};
        std::atomic<int> written{0};
        ReadAudit reads([&](std::span<const AuditEntry> batch) {
            if (calls++ == 0) {
                throw std::runtime_error("disk full");
            }
            written += static_cast<int>(batch.size());
        });
        QVERIFY_THROWS_EXCEPTION(AuditUnavailable, reads.record({syntheticAuditEntry(1)}));
        QCOMPARE(written.load(), 0);
        reads.record({syntheticAuditEntry(2), syntheticAuditEntry(3)});
        QCOMPARE(written.load(), 2);
    }

    // What a route does with that error: 503, and none of the data it was about to send.
    void aRouteAnswers503WhenItsReadCannotBeAudited() {
        ReadAudit reads([](std::span<const AuditEntry>) { throw std::runtime_error("disk full"); });
        try {
            kep::server::api::auditBeforeAnswer(reads, {syntheticAuditEntry(1)});
            QFAIL("the read was let through");
        } catch (const kep::http::HttpError& error) {
            QCOMPARE(error.status(), 503);
            QCOMPARE(error.code(), std::string("audit_unavailable"));
        }
    }

    void anInvalidEntryIsRefusedBeforeItIsQueued() {
        std::atomic<int> calls{0};
        ReadAudit reads([&](std::span<const AuditEntry>) { ++calls; });
        auto entry = syntheticAuditEntry(1);
        entry.recordId = "ΑΦΜ 123456789";  // personal data has no place in an entry
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reads.record({entry}));
        QCOMPARE(calls.load(), 0);
        QCOMPARE(reads.commits(), std::uint64_t{0});
    }

    void stopWritesWhatIsQueuedAndRefusesLaterReads() {
        HeldCommit commit;
        auto reads = std::make_unique<ReadAudit>(commit.function());
        auto first =
            std::async(std::launch::async, [&reads] { reads->record({syntheticAuditEntry(0)}); });
        QTRY_COMPARE(commit.batches.load(), 1);
        auto queued =
            std::async(std::launch::async, [&reads] { reads->record({syntheticAuditEntry(1)}); });
        QTRY_COMPARE(reads->queuedEntries(), std::size_t{1});
        auto stopping = std::async(std::launch::async, [&reads] { reads->stop(); });
        commit.release.set_value();
        stopping.get();
        first.get();
        queued.get();  // written before the flusher stopped
        QCOMPARE(commit.entries.load(), 2);
        QVERIFY_THROWS_EXCEPTION(AuditUnavailable, reads->record({syntheticAuditEntry(2)}));
    }
};

QTEST_GUILESS_MAIN(tst_ReadAudit)
#include "tst_read_audit.moc"
