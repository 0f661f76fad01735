// Group commit on PostgreSQL (issue 10, PgCommitGroup): pushes that wait while another is in the
// group's transaction join it and share its COMMIT; a failed push is dropped alone; and no push
// returns before its rows are committed, under many concurrent desks.
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

#include "DeskFilings.h"
#include "PgTestSchema.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/PgCommitGroup.h"

using kep::server::pg::Params;
using kep::server::sync::PgCommitGroup;
using kep::sync::Change;
using kep::sync::LoggedChange;
using kep::test::filing;
using kep::test::PgTestSchema;

namespace {

const std::string kBucket = "office:0101";
constexpr std::int64_t kNow = kep::test::kFilingClock;

LoggedChange change(const std::string& id) {
    return {kBucket, Change{0, {"case", id}, 1, {{"status", "submitted"}}, false}, std::nullopt};
}

std::int64_t count(kep::server::pg::Connection& db, const char* sql) {
    return db.query(sql).int64(0, 0);
}

kep::sync::WriteAuthority anyBucket() {
    kep::sync::WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
    return authority;
}

}  // namespace

class tst_PgCommitGroup : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster); }

    // While one push holds the group's transaction, the others wait for it; all of them then
    // commit together: one COMMIT for every push, each change in the log once, seqs dense.
    void waitingPushesShareOneCommit_data() {
        QTest::addColumn<int>("joiners");
        QTest::newRow("one") << 1;
        QTest::newRow("seven") << 7;
    }
    void waitingPushesShareOneCommit() {
        QFETCH(int, joiners);
        PgTestSchema schema;
        auto connection = schema.connect();
        auto check = schema.connect();
        PgCommitGroup group(connection);
        auto first = group.member();
        first->begin();
        first->appendChange(change("first"));

        std::atomic<int> returned{0};
        std::vector<std::jthread> others;
        for (int i = 0; i < joiners; ++i) {
            others.emplace_back([&, i] {
                auto member = group.member();
                member->begin();
                member->appendChange(change("joiner-" + std::to_string(i)));
                member->commit();
                ++returned;
            });
        }
        QTRY_COMPARE(group.waiting(), joiners);
        std::jthread committer([&] {
            first->commit();
            ++returned;
        });
        QTRY_COMPARE(returned.load(), joiners + 1);
        QCOMPARE(group.commits(), std::uint64_t{1});
        QCOMPARE(group.pushesCommitted(), static_cast<std::uint64_t>(joiners + 1));
        QCOMPARE(count(check, "SELECT count(*) FROM sync_change"), std::int64_t{joiners + 1});
        QCOMPARE(count(check, "SELECT max(seq) FROM sync_change"), std::int64_t{joiners + 1});
    }

    // A push that fails inside a group (an audit entry that is not well formed) leaves nothing,
    // while the push it shared the transaction with commits, and the seqs stay dense.
    void aFailedPushIsDroppedAlone() {
        PgTestSchema schema;
        auto connection = schema.connect();
        auto check = schema.connect();
        PgCommitGroup group(connection);
        auto kept = group.member();
        kept->begin();
        kept->appendChange(change("kept"));

        std::atomic<bool> refused{false};
        std::jthread failing([&] {
            auto member = group.member();
            member->begin();
            member->appendChange(change("dropped"));
            kep::audit::AuditEntry malformed;
            malformed.entryId = "not a uuid";
            try {
                member->appendAudit(std::span(&malformed, 1));
            } catch (const std::invalid_argument&) {
                refused = true;
            }
            member->rollback();
        });
        QTRY_COMPARE(group.waiting(), 1);
        kept->commit();  // waits for the failing push to leave the turn, then commits
        failing.join();
        QVERIFY(refused);
        QCOMPARE(group.commits(), std::uint64_t{1});

        auto next = group.member();
        next->begin();
        QCOMPARE(next->appendChange(change("next")), std::int64_t{2});
        next->commit();
        const auto ids = check.query("SELECT entity_id FROM sync_change ORDER BY seq");
        QCOMPARE(ids.rows(), 2);
        QCOMPARE(ids.text(0, 0), std::string{"kept"});
        QCOMPARE(ids.text(1, 0), std::string{"next"});
        QCOMPARE(count(check, "SELECT count(*) FROM audit_entry"), std::int64_t{0});
    }

    // Many desks pushing at once through SyncServerCore, each on its own thread and member: when
    // push() returns, another connection already sees the device's sequence (acknowledged only
    // after COMMIT); at the end every op is in the log, the results and the audit log, once, and
    // fewer COMMITs than pushes were made.
    void concurrentDesksAreAckedOnlyWhenCommitted() {
        constexpr int kDesks = 12;
        constexpr int kPushes = 15;
        constexpr int kOps = 3;
        PgTestSchema schema;
        auto connection = schema.connect();
        PgCommitGroup group(connection);
        std::atomic<int> notYetCommitted{0};
        std::vector<std::exception_ptr> errors(kDesks);
        {
            std::vector<std::jthread> desks;
            for (int d = 0; d < kDesks; ++d) {
                desks.emplace_back([&, d] {
                    try {
                        auto check = schema.connect();
                        auto member = group.member();
                        kep::sync::SyncServerCore core(*member, anyBucket(), [] { return kNow; });
                        kep::domain::UuidV7Generator ids;
                        const std::string device = "grp-desk-" + std::to_string(d + 1);
                        for (int p = 0; p < kPushes; ++p) {
                            const auto response =
                                core.push(device, filing(device, p * kOps, kOps, ids));
                            const auto stored = check.query(
                                "SELECT last_applied_seq FROM sync_device WHERE device_id = $1",
                                Params().add(device));
                            if (stored.rows() != 1 ||
                                stored.int64(0, 0) != response.lastAppliedSeq) {
                                ++notYetCommitted;
                            }
                        }
                    } catch (...) {
                        errors[d] = std::current_exception();
                    }
                });
            }
        }
        for (const auto& error : errors) {
            if (error) {
                std::rethrow_exception(error);
            }
        }
        QCOMPARE(notYetCommitted.load(), 0);
        auto check = schema.connect();
        constexpr std::int64_t kTotal = kDesks * kPushes * kOps;
        QCOMPARE(count(check, "SELECT count(*) FROM sync_change"), kTotal);
        QCOMPARE(count(check, "SELECT max(seq) FROM sync_change"), kTotal);
        QCOMPARE(count(check, "SELECT count(*) FROM sync_result"), kTotal);
        QCOMPARE(count(check, "SELECT max(result_no) FROM sync_result"), kTotal);
        QCOMPARE(count(check, "SELECT count(*) FROM audit_entry"), kTotal);
        QCOMPARE(count(check, "SELECT max(leaf_index) FROM audit_entry"), kTotal);
        QCOMPARE(group.pushesCommitted(), static_cast<std::uint64_t>(kDesks * kPushes));
        QVERIFY2(group.commits() < static_cast<std::uint64_t>(kDesks * kPushes),
                 "no two pushes shared a COMMIT");
    }
};

QTEST_GUILESS_MAIN(tst_PgCommitGroup)
#include "tst_pg_commit_group.moc"
