// PostgreSQL's migrations (storage/pg/PgMigrate): applied once, in order, each in its own
// transaction — a failing one leaves nothing of itself — recorded in kep_schema_version, refused on
// a newer database, and applied once when several processes start at the same time.
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

#include "PgTestSchema.h"
#include "storage/pg/PgMigrate.h"

using kep::server::pg::Connection;
using kep::server::pg::Params;
using kep::server::pg::PgError;
using kep::test::PgTestSchema;

namespace {

bool tableExists(Connection& db, const char* name) {
    return db.query("SELECT to_regclass($1) IS NOT NULL", Params().add(name)).boolean(0, 0);
}

}  // namespace

class tst_PgMigrate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster);
        QVERIFY(!kep::server::pg::migrations().empty());
    }

    void appliesEachMigrationOnce() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = schema.connect();
        const auto all = kep::server::pg::migrations();
        QCOMPARE(kep::server::pg::schemaVersion(db), 0);
        QCOMPARE(kep::server::pg::migrate(db), static_cast<int>(all.size()));
        QCOMPARE(kep::server::pg::schemaVersion(db), all.back().version);
        QCOMPARE(kep::server::pg::migrate(db), 0);
        for (const char* table :
             {"sync_counter", "sync_device", "sync_entity", "sync_case_history", "sync_change",
              "sync_result", "sync_result_reason", "audit_entry"}) {
            QVERIFY2(tableExists(db, table), table);
        }
        const auto counter = db.query("SELECT count(*), max(last_seq) FROM sync_counter");
        QCOMPARE(counter.int64(0, 0), std::int64_t{1});
        QCOMPARE(counter.int64(0, 1), std::int64_t{0});
    }

    void aFailingMigrationLeavesNothingOfItself() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = schema.connect();
        const kep::db::Migration steps[] = {
            {1, "0001_first", "CREATE TABLE first_step (x bigint)"},
            {2, "0002_broken", "CREATE TABLE second_step (x bigint); SELECT no_such_function()"},
        };
        QVERIFY_THROWS_EXCEPTION(PgError, kep::server::pg::migrate(db, steps));
        QVERIFY(!db.inTransaction());
        QCOMPARE(kep::server::pg::schemaVersion(db), 1);
        QVERIFY(tableExists(db, "first_step"));
        QVERIFY(!tableExists(db, "second_step"));
    }

    void refusesANewerDatabase() {
        PgTestSchema schema;
        auto db = schema.connect();
        db.query("INSERT INTO kep_schema_version (version, name) VALUES ($1, $2)",
                 Params().add(99).add("0099_from_a_later_release"));
        QVERIFY_THROWS_EXCEPTION(PgError, kep::server::pg::migrate(db));
    }

    // Three kep-server processes starting at once on an empty database.
    void concurrentStartsApplyItOnce() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        std::atomic<int> applied{0};
        std::atomic<int> failures{0};
        std::vector<std::thread> starts;
        for (int i = 0; i < 3; ++i) {
            starts.emplace_back([&] {
                try {
                    auto db = schema.connect();
                    applied += kep::server::pg::migrate(db);
                } catch (const std::exception&) {
                    ++failures;
                }
            });
        }
        for (auto& start : starts) {
            start.join();
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(applied.load(), static_cast<int>(kep::server::pg::migrations().size()));
        auto db = schema.connect();
        QCOMPARE(db.query("SELECT count(*) FROM kep_schema_version").int64(0, 0),
                 static_cast<std::int64_t>(kep::server::pg::migrations().size()));
    }
};

QTEST_GUILESS_MAIN(tst_PgMigrate)
#include "tst_pg_migrate.moc"
