// What only the PostgreSQL sync store must show beyond the shared contract: the same rows as
// SQLite for the same calls — the audit log's (audit_entry) leaf hashes and dense leaf indices,
// stored results' (sync_result) digests, the case look-up columns — and the append-only rule of
// its audit_entry and sync_result tables.
#include <QTest>

#include <string>
#include <vector>

#include "SyncStoreBackends.h"
#include "shared/domain/Uuid.h"

using namespace kep;
using namespace kep::sync;
using kep::server::pg::PgError;
using kep::test::PgTestSchema;
using kep::test::SyncStoreBackend;

Q_DECLARE_METATYPE(std::vector<std::vector<std::string>>)

namespace {

audit::AuditEntry entry(const std::string& id, const std::string& caseId) {
    return {id,
            "2026-11-27T14:03:05.123Z",
            "user",
            "u-clerk-7",
            "clerk",
            "0101",
            "desk-3",
            "case.read",
            "case",
            caseId,
            "counter_service",
            "ok"};
}

FieldState written(std::string value) {
    return FieldState{std::move(value), 1, {1'750'000'000'000, 0}, "desk-1", "u-clerk-1"};
}

EntityRow caseWithStatus(const std::string& status, const std::string& authority) {
    EntityRow row;
    row.ref = {"case", "c-authority"};
    row.bucket = "office:0101";
    row.version = 1;
    row.fields = {{"status", written(status)}, {"protocol_number", written("0101/2026/7")}};
    if (!authority.empty()) {
        row.fields["authority_id"] = written(authority);
    }
    return row;
}

// Runs the same calls on both stores.
template <typename Calls>
void onBoth(SyncStoreBackend& sqlite, SyncStoreBackend& postgres, Calls calls) {
    for (SyncStoreBackend* backend : {&sqlite, &postgres}) {
        backend->store().begin();
        calls(backend->store());
        backend->store().commit();
    }
}

std::vector<std::string> sqliteColumn(SyncStoreBackend& backend, const char* sql) {
    auto select = backend.database().prepare(sql);
    std::vector<std::string> out;
    while (select.step()) {
        const auto bytes = select.blob(0);
        out.emplace_back(bytes.begin(), bytes.end());
    }
    return out;
}

std::vector<std::string> pgColumn(const PgTestSchema& schema, const char* sql) {
    auto db = schema.connect();
    const auto rows = db.query(sql);
    std::vector<std::string> out;
    for (int i = 0; i < rows.rows(); ++i) {
        if (rows.isNull(i, 0)) {
            out.emplace_back();
            continue;
        }
        const auto bytes = rows.blob(i, 0);
        out.emplace_back(bytes.begin(), bytes.end());
    }
    return out;
}

}  // namespace

class tst_PgSyncServerStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster); }

    // The point of one canonical encoding: the same entries give the same leaves on both
    // back-ends, a repeated entry id is kept once, and leaf indices stay dense from 1.
    void auditLeavesAreTheSameAsOnSqlite() {
        SyncStoreBackend sqlite("sqlite");
        SyncStoreBackend postgres("postgres");
        domain::UuidV7Generator ids;
        std::vector<audit::AuditEntry> first;
        for (int i = 0; i < 5; ++i) {
            first.push_back(entry(ids.next().toString(), "c" + std::to_string(i)));
        }
        first.push_back(first[1]);  // twice in one push
        std::vector<audit::AuditEntry> second{first[3], entry(ids.next().toString(), "c9")};
        onBoth(sqlite, postgres, [&](SyncServerStore& s) { s.appendAudit(first); });
        onBoth(sqlite, postgres, [&](SyncServerStore& s) { s.appendAudit(second); });

        QCOMPARE(postgres.store().safeHighWaterMark(), std::int64_t{0});  // not a change
        auto db = postgres.pgSchema().connect();
        const auto rows = db.query("SELECT leaf_index FROM audit_entry ORDER BY leaf_index");
        QCOMPARE(rows.rows(), 6);
        for (int i = 0; i < rows.rows(); ++i) {
            QCOMPARE(rows.int64(i, 0), std::int64_t{i + 1});
        }
        const auto sqliteLeaves =
            sqliteColumn(sqlite, "SELECT leaf_hash FROM audit_entry ORDER BY leaf_index");
        QCOMPARE(sqliteLeaves.size(), std::size_t{6});
        QCOMPARE(
            pgColumn(postgres.pgSchema(), "SELECT leaf_hash FROM audit_entry ORDER BY leaf_index"),
            sqliteLeaves);
        QCOMPARE(pgColumn(postgres.pgSchema(),
                          "SELECT convert_to(entry_id, 'UTF8') FROM audit_entry "
                          "ORDER BY leaf_index"),
                 sqliteColumn(sqlite, "SELECT entry_id FROM audit_entry ORDER BY leaf_index"));
    }

    void aBadEntryWritesNothing() {
        SyncStoreBackend postgres("postgres");
        domain::UuidV7Generator ids;
        std::vector<audit::AuditEntry> entries{entry(ids.next().toString(), "c1"),
                                               entry("not-a-uuid", "c2")};
        postgres.store().begin();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, postgres.store().appendAudit(entries));
        postgres.store().rollback();
        QVERIFY(pgColumn(postgres.pgSchema(), "SELECT leaf_hash FROM audit_entry").empty());
    }

    // One push's results, byte for byte: the digest covers the op and the changes it caused.
    void storedResultsAreTheSameAsOnSqlite() {
        SyncStoreBackend sqlite("sqlite");
        SyncStoreBackend postgres("postgres");
        domain::UuidV7Generator ids;
        const domain::Uuid applied = ids.next();
        const domain::Uuid rejected = ids.next();
        onBoth(sqlite, postgres, [&](SyncServerStore& s) {
            s.appendChange({"office:0101",
                            Change{0, {"case", "c1"}, 1, {{"status", "submitted"}}, false},
                            applied});
            s.putResult("desk-1", 1, StoredResult{applied, OpOutcome::Applied, "", 1});
            s.putResult("desk-1", 2,
                        StoredResult{rejected, OpOutcome::Rejected, "bucket_forbidden", {}});
            s.setLastAppliedSeq("desk-1", 2);
        });
        const auto sqliteDigests =
            sqliteColumn(sqlite, "SELECT entry_sha256 FROM sync_result ORDER BY result_no");
        QCOMPARE(sqliteDigests.size(), std::size_t{2});
        QCOMPARE(pgColumn(postgres.pgSchema(),
                          "SELECT entry_sha256 FROM sync_result ORDER BY result_no"),
                 sqliteDigests);
    }

    // Each inner list is one transaction's writes of one case: status and authority.
    void lookUpColumnsAreTheSameAsOnSqlite_data() {
        using Batches = std::vector<std::vector<std::string>>;
        QTest::addColumn<Batches>("batches");  // "status/authority" or "status"
        QTest::newRow("forwarded, then rejected") << Batches{{"forwarded/auth-1"}, {"rejected"}};
        QTest::newRow("forwarded and rejected in one push")
            << Batches{{"forwarded/auth-1", "rejected"}};
        QTest::newRow("submitted, then rejected") << Batches{{"submitted"}, {"rejected"}};
        QTest::newRow("forwarded, then back to submitted and rejected in one push")
            << Batches{{"forwarded/auth-1"}, {"submitted", "rejected"}};
        QTest::newRow("withdrawn twice after forwarding")
            << Batches{{"forwarded/auth-2"}, {"withdrawn", "withdrawn"}};
    }
    void lookUpColumnsAreTheSameAsOnSqlite() {
        using Batches = std::vector<std::vector<std::string>>;
        QFETCH(Batches, batches);
        SyncStoreBackend sqlite("sqlite");
        SyncStoreBackend postgres("postgres");
        for (const auto& batch : batches) {
            onBoth(sqlite, postgres, [&](SyncServerStore& s) {
                for (const std::string& write : batch) {
                    const auto slash = write.find('/');
                    s.putEntity(
                        caseWithStatus(write.substr(0, slash),
                                       slash == std::string::npos ? "" : write.substr(slash + 1)));
                }
            });
        }
        const auto onSqlite = sqliteColumn(
            sqlite,
            "SELECT coalesce(status, '') || '|' || coalesce(protocol_number, '') || '|' "
            "|| coalesce(authority_id, '') FROM sync_entity");
        QCOMPARE(onSqlite.size(), std::size_t{1});
        QCOMPARE(pgColumn(postgres.pgSchema(),
                          "SELECT convert_to(coalesce(status, '') || '|' || "
                          "coalesce(protocol_number, '') || '|' || coalesce(authority_id, ''), "
                          "'UTF8') FROM sync_entity"),
                 onSqlite);
    }

    void auditAndResultsAreAppendOnly_data() {
        QTest::addColumn<QString>("statement");
        QTest::newRow("update an entry") << "UPDATE audit_entry SET outcome = 'denied'";
        QTest::newRow("delete an entry") << "DELETE FROM audit_entry";
        QTest::newRow("truncate the log") << "TRUNCATE audit_entry";
        QTest::newRow("update a result") << "UPDATE sync_result SET outcome = 2";
        QTest::newRow("delete a result") << "DELETE FROM sync_result";
        QTest::newRow("truncate the results") << "TRUNCATE sync_result CASCADE";
    }
    void auditAndResultsAreAppendOnly() {
        QFETCH(QString, statement);
        SyncStoreBackend postgres("postgres");
        domain::UuidV7Generator ids;
        const domain::Uuid op = ids.next();
        postgres.store().begin();
        postgres.store().putResult("desk-1", 1, StoredResult{op, OpOutcome::Rejected, "no", {}});
        std::vector<audit::AuditEntry> entries{entry(ids.next().toString(), "c1")};
        postgres.store().appendAudit(entries);
        postgres.store().commit();

        auto db = postgres.pgSchema().connect();
        QVERIFY_THROWS_EXCEPTION(PgError, db.exec(statement.toStdString()));
        QCOMPARE(db.query("SELECT count(*) FROM audit_entry").int64(0, 0), std::int64_t{1});
        QCOMPARE(db.query("SELECT count(*) FROM sync_result").int64(0, 0), std::int64_t{1});
    }
};

QTEST_GUILESS_MAIN(tst_PgSyncServerStore)
#include "tst_pg_sync_server_store.moc"
