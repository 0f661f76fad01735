// CasePurge on its own connection, on SQLite and (tst_case_purge_pg) on PostgreSQL: one batch is
// one transaction — the rewritten rows, the deleted change and the audit entries commit together
// or not at all — and the deleted change takes its seq by the sync store's rules, at or below
// the high-water mark another connection's pull reads once the purge has committed.
#include "TestServerStore.h"
#include "privacy/CasePurge.h"
#include "storage/DatabaseLocation.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace kep::server::privacy;

namespace {

// Synthetic ΑΦΜ (valid check digit) and an invented surname.
constexpr char kCitizen[] = R"({"kind":"person","afm":"135790242","surname_el":"ΔΟΚΙΜΟΠΟΥΛΟΣ"})";
constexpr char kCaseId[] = "019e0000-0000-7000-8000-000000000001";

std::int64_t single(kep::db::Database& db, const std::string& sql) {
    auto select = db.prepare(sql);
    select.bind(1, kCaseId);
    select.step();
    return select.int64(0);
}

}  // namespace

class tst_CasePurge : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;
    std::unique_ptr<PurgeConnection> connection_;

    std::int64_t caseChanges() {
        return single(connection_->database(),
                      "SELECT count(*) FROM sync_change WHERE entity_id = ?1");
    }
    std::int64_t rowsNamingTheCitizen() {
        return single(connection_->database(),
                      "SELECT count(*) FROM sync_entity WHERE entity_id = ?1 AND state LIKE "
                      "'%135790242%'");
    }

private slots:
    void initTestCase() {
        store_ = database_.createStore();
        // As the server names it: the file, or PostgreSQL's URI.
        connection_ = std::make_unique<PurgeConnection>(
            database_.isPostgres() ? kep::server::storage::postgresLocation(database_.location())
                                   : database_.location());
        // A closed case filed as the sync store files one: its row and its change.
        auto& log = connection_->changeLog();
        const kep::sync::EntityRef ref{"case", kCaseId};
        const kep::sync::FieldMap fields{
            {"citizen", kCitizen}, {"protocol_number", "0101/2026/1"}, {"status", "withdrawn"}};
        kep::sync::EntityRow row{ref, "office:0101", 1, {}};
        for (const auto& [name, value] : fields) {
            row.fields[name] = kep::sync::FieldState{value, 1, {}, "desk-1", "user-1"};
        }
        log.begin();
        log.putEntity(row);
        log.appendChange(
            {"office:0101", kep::sync::Change{0, ref, 1, fields, false}, std::nullopt});
        log.commit();
        QCOMPARE(rowsNamingTheCitizen(), std::int64_t{1});
    }

    // A batch that fails at its last step (an audit entry the log refuses) leaves nothing behind.
    void aFailedBatchLeavesNothing() {
        CasePurge purge(*connection_, dir_.path().toStdString());
        const std::string ids[] = {kCaseId};
        const kep::audit::AuditEntry refused;  // no id, no action: the log refuses it
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 purge.purge(ids, PurgeReason::Erasure, commandLineActor(),
                                             std::chrono::system_clock::now(), {&refused, 1}));
        QCOMPARE(rowsNamingTheCitizen(), std::int64_t{1});
        QCOMPARE(caseChanges(), std::int64_t{1});
        QCOMPARE(single(connection_->database(),
                        "SELECT count(*) FROM privacy_purged WHERE case_id = ?1"),
                 std::int64_t{0});
    }

    void aBatchCommitsEverythingTogether() {
        CasePurge purge(*connection_, dir_.path().toStdString());
        const std::string ids[] = {kCaseId};
        const auto result = purge.purge(ids, PurgeReason::Retention, retentionJobActor(),
                                        std::chrono::system_clock::now());
        QCOMPARE(result.cases, std::size_t{1});
        QCOMPARE(rowsNamingTheCitizen(), std::int64_t{0});
        QCOMPARE(caseChanges(), std::int64_t{2});
        QCOMPARE(single(connection_->database(),
                        "SELECT count(*) FROM audit_entry WHERE action = 'case.purge' AND "
                        "record_id = ?1"),
                 std::int64_t{1});

        // What a pull on another connection sees: the deleted change, at or below the mark.
        auto other = database_.connect();
        const auto deletedSeq =
            single(other, "SELECT max(seq) FROM sync_change WHERE entity_id = ?1 AND deleted = 1");
        QVERIFY(deletedSeq > 0);
        auto& log = connection_->changeLog();
        const auto mark = log.safeHighWaterMark();
        QVERIFY(deletedSeq <= mark);
        const auto pulled = log.changesAfter("office:0101", 0, mark, 10);
        QCOMPARE(pulled.size(), std::size_t{2});
        QVERIFY(pulled.back().deleted);
        QVERIFY(!pulled.front().fields.contains("citizen"));
        if (database_.isPostgres()) {
            // The counters every writer takes seqs and leaves from moved with the purge.
            QCOMPARE(single(other, "SELECT last_seq FROM sync_counter WHERE ?1 <> ''"), deletedSeq);
            QCOMPARE(single(other, "SELECT last_leaf FROM sync_counter WHERE ?1 <> ''"),
                     single(other, "SELECT max(leaf_index) FROM audit_entry WHERE ?1 <> ''"));
        }
        QVERIFY(purge.eraseFreedSpace());
        // Purged already: skipped.
        QCOMPARE(purge
                     .purge(ids, PurgeReason::Retention, retentionJobActor(),
                            std::chrono::system_clock::now())
                     .cases,
                 std::size_t{0});
    }

    void cleanupTestCase() {
        connection_.reset();
        store_.reset();
    }
};

QTEST_GUILESS_MAIN(tst_CasePurge)
#include "tst_case_purge.moc"
