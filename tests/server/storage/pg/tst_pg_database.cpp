// kep::db on PostgreSQL (storage/pg/PgDatabase) against ctest's throw-away cluster: what only
// that back-end has to prove — SQLSTATEs mapped onto kep::db's codes, values read from their
// text form, a failed transaction never reported as committed, migrate() on kep_schema_version,
// a connection whose session ends under it coming back outside a transaction only, and
// statements prepared on the server once per connection (PgPreparedStatements).
// What both back-ends share is tested on both by tests/shared/db.
#include "storage/pg/PgDatabase.h"

#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "PgSessionEnd.h"
#include "PgTestSchema.h"
#include "db/Database.h"
#include "storage/pg/PgErrors.h"
#include "storage/pg/PgMigrate.h"
#include "storage/pg/PgPreparedStatements.h"

using kep::db::Database;
using kep::db::Error;
using kep::db::Migration;
using kep::db::Transaction;
using kep::test::PgTestSchema;

Q_DECLARE_METATYPE(std::optional<std::vector<std::uint8_t>>)

namespace {

Database openIn(const PgTestSchema& schema, const kep::db::OpenOptions& options = {}) {
    auto db = kep::server::pg::openDatabase(kep::test::testPgDsn(), options);
    auto path = db.prepare("SELECT set_config('search_path', ?1, false)");
    path.bind(1, schema.name());
    path.step();
    return db;
}

// The schema named in the DSN itself, as a session setting that a reconnection keeps.
Database openKeepingSchema(const PgTestSchema& schema) {
    return kep::server::pg::openDatabase(kep::test::testPgDsn() +
                                         " options='-csearch_path=" + schema.name() + "'");
}

std::int64_t scalar(Database& db, const char* sql) {
    auto statement = db.prepare(sql);
    statement.step();
    return statement.int64(0);
}

// The server's own account of this session's kep::db statements: how many are prepared.
std::int64_t preparedCount(Database& db) {
    auto count = db.prepare(
        "SELECT count(*) FROM pg_prepared_statements WHERE starts_with(name, 'kep_db_')");
    count.step();
    return count.int64(0);
}

// How many times the server ran the statement prepared from `sql` (PostgreSQL's text, $N);
// -1 when it is not prepared on this session.
std::int64_t runsOfPrepared(Database& db, const char* sql) {
    auto runs = db.prepare(
        "SELECT generic_plans + custom_plans FROM pg_prepared_statements WHERE statement = ?1");
    runs.bind(1, sql);
    return runs.step() ? runs.int64(0) : -1;
}

// The message of the Error that running `sql` in a transaction throws, and that the
// transaction is then failed.
std::string failureInTransaction(Database& db, const char* sql) {
    Transaction transaction(db);
    std::string message;
    try {
        db.prepare(sql).run();
    } catch (const Error& error) {
        message = error.what();
    }
    try {
        transaction.commit();
        return "the failed transaction committed";
    } catch (const Error&) {
        return message;
    }
}

const Migration kSchema[] = {
    {1, "0001_office", "CREATE TABLE office(id BIGINT PRIMARY KEY, name TEXT NOT NULL);"},
    {2, "0002_case_file",
     "CREATE TABLE case_file(id TEXT PRIMARY KEY,"
     " office_id BIGINT NOT NULL REFERENCES office(id));"},
};

}  // namespace

class tst_PgDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster); }

    void dialectIsPostgres() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        QVERIFY(db.dialect() == kep::db::Dialect::Postgres);
        QVERIFY(db.handle() == nullptr);
        QVERIFY(!db.fileHasMoved());
        auto sqlite = Database::open(":memory:");
        QVERIFY_THROWS_EXCEPTION(Error, db.backupInto(sqlite));
    }

    void openFailsClearlyWithoutThePassword() {
        try {
            kep::server::pg::openDatabase(
                "host=/tmp/kep-no-such-cluster port=1 user=kep password=Ke9-secret dbname=kep");
            QFAIL("connected to a cluster that does not exist");
        } catch (const Error& error) {
            QCOMPARE(error.code(), SQLITE_CANTOPEN);
            QVERIFY2(QString(error.what()).contains("cannot connect"), error.what());
            QVERIFY2(!QString(error.what()).contains("Ke9-secret"), error.what());
        }
    }

    void blobsAndNullsRoundTrip_data() {
        QTest::addColumn<std::optional<std::vector<std::uint8_t>>>("bytes");
        std::vector<std::uint8_t> all(256);
        for (std::size_t i = 0; i < all.size(); ++i) {
            all[i] = static_cast<std::uint8_t>(255 - i);
        }
        QTest::newRow("every byte value") << std::optional(all);
        QTest::newRow("NUL bytes") << std::optional(std::vector<std::uint8_t>(5, 0));
        QTest::newRow("empty is not null") << std::optional(std::vector<std::uint8_t>{});
        QTest::newRow("null") << std::optional<std::vector<std::uint8_t>>();
    }

    void blobsAndNullsRoundTrip() {
        QFETCH(std::optional<std::vector<std::uint8_t>>, bytes);
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE attachment(id BIGINT PRIMARY KEY, body BYTEA, note TEXT)");
        auto insert = db.prepare("INSERT INTO attachment(id, body, note) VALUES (?1, ?2, ?3)");
        insert.bind(1, 1).bind(3, std::optional<std::string>());
        if (bytes) {
            insert.bindBlob(2, *bytes);
        } else {
            insert.bindNull(2);
        }
        insert.run();
        auto select = db.prepare("SELECT body, note, body IS NULL FROM attachment");
        QVERIFY(select.step());
        QCOMPARE(select.isNull(0), !bytes.has_value());
        QCOMPARE(select.blob(0), bytes.value_or(std::vector<std::uint8_t>{}));
        const auto& expected = bytes.value_or(std::vector<std::uint8_t>{});
        QCOMPARE(select.text(0), std::string(expected.begin(), expected.end()));
        QVERIFY(select.isNull(1));
        QCOMPARE(select.optionalText(1), std::optional<std::string>());
        QCOMPARE(select.int64(2), bytes ? 0 : 1);
        QVERIFY(!select.step());
    }

    void readsValuesFromTheirTextForm_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("integer");
        QTest::addColumn<double>("real");
        QTest::newRow("bigint") << "SELECT CAST(-9223372036854775808 AS BIGINT)"
                                << std::numeric_limits<qint64>::min() << -9.223372036854775808e18;
        QTest::newRow("boolean true") << "SELECT 1 = 1" << qint64(1) << 1.0;
        QTest::newRow("boolean false") << "SELECT 1 = 2" << qint64(0) << 0.0;
        QTest::newRow("numeric sum of integers")
            << "SELECT sum(x) FROM (VALUES (CAST(2 AS BIGINT)), (3)) AS v(x)" << qint64(5) << 5.0;
        QTest::newRow("numeric with a zero fraction")
            << "SELECT CAST(12 AS NUMERIC(6, 3))" << qint64(12) << 12.0;
        QTest::newRow("null") << "SELECT CAST(NULL AS BIGINT)" << qint64(0) << 0.0;
    }

    void readsValuesFromTheirTextForm() {
        QFETCH(QString, sql);
        QFETCH(qint64, integer);
        QFETCH(double, real);
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        auto select = db.prepare(sql.toStdString());
        QVERIFY(select.step());
        QCOMPARE(select.int64(0), integer);
        QCOMPARE(select.real(0), real);
    }

    void readsSpecialReals() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        auto select = db.prepare(
            "SELECT CAST(?1 AS DOUBLE PRECISION), CAST(?2 AS DOUBLE PRECISION), "
            "CAST(?3 AS DOUBLE PRECISION)");
        select.bind(1, std::nan("")).bind(2, -INFINITY).bind(3, 0.1);
        QVERIFY(select.step());
        QVERIFY(std::isnan(select.real(0)));
        QCOMPARE(select.real(1), -INFINITY);
        QCOMPARE(select.real(2), 0.1);  // shortest round-trip text, both ways
    }

    void aValueOfTheWrongKindNamesTheColumnNotTheValue_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("asInteger");
        QTest::newRow("text read as integer") << "SELECT ?1 AS citizen_afm" << true;
        QTest::newRow("text read as real") << "SELECT ?1 AS citizen_afm" << false;
        QTest::newRow("fraction read as integer")
            << "SELECT CAST(?1 AS TEXT) || '.5' AS citizen_afm" << true;
    }

    void aValueOfTheWrongKindNamesTheColumnNotTheValue() {
        QFETCH(QString, sql);
        QFETCH(bool, asInteger);
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        auto select = db.prepare(sql.toStdString());
        select.bind(1, asInteger && sql.contains(".5") ? "090000045" : "ΑΦΜ 090000045");
        QVERIFY(select.step());
        try {
            if (asInteger) {
                select.int64(0);
            } else {
                select.real(0);
            }
            QFAIL("a value that is no number was read as one");
        } catch (const Error& error) {
            QCOMPARE(error.code(), SQLITE_MISMATCH);
            QVERIFY2(QString(error.what()).contains("column citizen_afm"), error.what());
            QVERIFY2(!QString(error.what()).contains("090000045"), error.what());
        }
    }

    void dataErrorsHoldNoBoundValues() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE citizen(amka BIGINT)");
        auto insert = db.prepare("INSERT INTO citizen(amka) VALUES (?1)");
        insert.bind(1, "01017001234x");
        try {
            insert.run();
            QFAIL("text stored in a bigint column");
        } catch (const Error& error) {
            QCOMPARE(error.code(), SQLITE_MISMATCH);
            QCOMPARE(error.sqlState(), std::string("22P02"));
            QVERIFY2(!QString(error.what()).contains("01017001234"), error.what());
        }
    }

    void sqlStatesMapOntoCodes_data() {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("busy");
        QTest::addColumn<bool>("constraint");
        QTest::newRow("serialization failure") << "40001" << SQLITE_BUSY << true << false;
        QTest::newRow("deadlock") << "40P01" << SQLITE_BUSY << true << false;
        QTest::newRow("lock not available (lock_timeout)")
            << "55P03" << SQLITE_BUSY << true << false;
        QTest::newRow("unique") << "23505" << SQLITE_CONSTRAINT_UNIQUE << false << true;
        QTest::newRow("not null") << "23502" << SQLITE_CONSTRAINT_NOTNULL << false << true;
        QTest::newRow("foreign key") << "23503" << SQLITE_CONSTRAINT_FOREIGNKEY << false << true;
        QTest::newRow("check") << "23514" << SQLITE_CONSTRAINT_CHECK << false << true;
        QTest::newRow("exclusion") << "23P01" << SQLITE_CONSTRAINT << false << true;
        QTest::newRow("invalid text") << "22P02" << SQLITE_MISMATCH << false << false;
        QTest::newRow("read-only transaction") << "25006" << SQLITE_READONLY << false << false;
        QTest::newRow("connection lost") << "" << SQLITE_IOERR << false << false;
        QTest::newRow("undefined table") << "42P01" << SQLITE_ERROR << false << false;
    }

    void sqlStatesMapOntoCodes() {
        QFETCH(QString, state);
        QFETCH(int, code);
        QFETCH(bool, busy);
        QFETCH(bool, constraint);
        const Error error = kep::server::pg::databaseError(state.toStdString(), "pg: test");
        QCOMPARE(error.code(), code);
        QCOMPARE(error.isBusy(), busy);
        QCOMPARE(error.isConstraint(), constraint);
        QCOMPARE(QString::fromStdString(error.sqlState()), state);
    }

    // A lock wait that times out is busy, and leaves no transaction open behind the throw. (The
    // lock is the database's: tests in other schemas of the cluster take it too, so nothing here
    // waits on it with a short timeout expecting to get it.)
    void aTimedOutWriterIsBusyAndLeavesNoTransaction() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto holder = openIn(schema);
        auto waiter = openIn(schema, {.busyTimeoutMs = 50});
        Transaction holding(holder);
        try {
            Transaction second(waiter);
            QFAIL("two writers at once");
        } catch (const Error& error) {
            QVERIFY2(error.isBusy(), error.what());
            QCOMPARE(error.sqlState(), std::string("55P03"));
        }
        QVERIFY(!waiter.inTransaction());
        QCOMPARE(scalar(waiter, "SELECT 1"), 1);  // the connection goes on
        holding.commit();
    }

    void aFailedTransactionIsNeverReportedCommitted() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        {
            Transaction transaction(db);
            db.prepare("INSERT INTO office(id) VALUES (1)").run();
            QVERIFY_THROWS_EXCEPTION(Error, db.prepare("INSERT INTO office(id) VALUES (1)").run());
            try {
                transaction.commit();
                QFAIL("the failed transaction was reported committed");
            } catch (const Error& error) {
                QVERIFY2(QString(error.what()).contains("rolled back"), error.what());
            }
        }
        QVERIFY(!db.inTransaction());
        QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 0);
    }

    // A store's connection outlives its session: the statement that finds it gone fails (an
    // I/O error to kep::db), the next runs on a new session with the same settings.
    void aStoreComesBackAfterItsSessionEnds() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openKeepingSchema(schema);
        db.exec("CREATE TABLE attachment(id BIGINT PRIMARY KEY, body BYTEA)");
        const std::vector<std::uint8_t> body{0x00, 0xff, 0x5c};
        auto insert = db.prepare("INSERT INTO attachment(id, body) VALUES (?1, ?2)");
        insert.bind(1, 1).bindBlob(2, body).run();
        kep::test::endPgSession(scalar(db, "SELECT pg_backend_pid()"));
        try {
            scalar(db, "SELECT count(*) FROM attachment");
            QFAIL("a statement ran on an ended session");
        } catch (const Error& error) {
            QCOMPARE(error.code(), SQLITE_IOERR);
        }
        insert.bind(1, 2).bindBlob(2, body).run();  // a statement prepared before, run again
        auto read = db.prepare("SELECT body FROM attachment ORDER BY id");
        QVERIFY(read.step() && read.blob(0) == body);  // bytea_output = 'hex' again
        QVERIFY(read.step() && read.blob(0) == body);
    }

    // A writer's BEGIN (and its lock) on a session that had ended goes again on a new one.
    void aTransactionBegunOnAnEndedSessionRuns() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openKeepingSchema(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        kep::test::endPgSession(scalar(db, "SELECT pg_backend_pid()"));
        {
            Transaction transaction(db);
            db.prepare("INSERT INTO office(id) VALUES (1)").run();
            transaction.commit();
        }
        QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 1);
    }

    // Inside a transaction nothing reconnects: every statement fails until the caller rolls
    // back, and what it wrote is gone.
    void aTransactionLostWithItsSessionIsRolledBackNotResumed() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openKeepingSchema(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        {
            Transaction transaction(db);
            db.prepare("INSERT INTO office(id) VALUES (1)").run();
            kep::test::endPgSession(scalar(db, "SELECT pg_backend_pid()"));
            QVERIFY_THROWS_EXCEPTION(Error, db.prepare("INSERT INTO office(id) VALUES (2)").run());
            QVERIFY(db.inTransaction());
            try {
                scalar(db, "SELECT 1");
                QFAIL("a statement ran in a lost transaction");
            } catch (const Error& error) {
                QCOMPARE(error.sqlState(), std::string("08003"));
            }
            QVERIFY_THROWS_EXCEPTION(Error, transaction.commit());
        }
        QVERIFY(!db.inTransaction());
        QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 0);
    }

    void statementRunsAgainAfterItsLastRow() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        auto select = db.prepare("SELECT ?1 + 1");
        select.bind(1, 41);
        QVERIFY(select.step());
        QCOMPARE(select.int64(0), 42);
        QVERIFY(!select.step());
        QVERIFY(select.step());  // as sqlite3_step() after SQLITE_DONE: a fresh run
        QCOMPARE(select.int64(0), 42);
    }

    // Pure: the cache's keys and bound, without a cluster.
    void preparedStatementKeysTellBlobTypesApart() {
        using kep::server::pg::PreparedStatements;
        const std::string sql = "INSERT INTO attachment(id, body) VALUES ($1, $2)";
        const std::vector<unsigned> inferred{0, 0};
        const std::vector<unsigned> blob{0, 17};
        QCOMPARE(PreparedStatements::keyOf(sql, inferred), sql);
        QVERIFY(PreparedStatements::keyOf(sql, blob) != sql);
        PreparedStatements cache;
        cache.setLimit(1);
        const std::string first = cache.nextName();
        QVERIFY(first.starts_with("kep_db_"));
        cache.remember(PreparedStatements::keyOf(sql, inferred), first);
        QCOMPARE(*cache.find(sql), first);
        QVERIFY(cache.find(PreparedStatements::keyOf(sql, blob)) == nullptr);
        QVERIFY(cache.nextName().empty());  // full
        QCOMPARE(cache.forgetAll(), std::vector<std::string>{first});
        QVERIFY(cache.find(sql) == nullptr);
        const std::string second = cache.nextName();
        QVERIFY(!second.empty() && second != first);  // never given twice
    }

    // An identity look-up run by three requests is prepared once and run three times by name.
    void aStatementIsPreparedOnceAndRunByName() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY, code TEXT NOT NULL)");
        db.prepare("INSERT INTO office(id, code) VALUES (1, 'KEP-001')").run();
        QCOMPARE(runsOfPrepared(db, "SELECT id FROM office WHERE code = $1"), -1);
        const std::int64_t before = preparedCount(db);  // with both counts' own texts
        for (int request = 0; request < 3; ++request) {
            auto lookup = db.prepare("SELECT id FROM office WHERE code = ?1");
            lookup.bind(1, "KEP-001");
            QVERIFY(lookup.step());
            QCOMPARE(lookup.int64(0), 1);
        }
        QCOMPARE(runsOfPrepared(db, "SELECT id FROM office WHERE code = $1"), 3);
        QCOMPARE(preparedCount(db), before + 1);
        // Not a planned statement: run unnamed, never kept.
        QCOMPARE(runsOfPrepared(db,
                                "CREATE TABLE office(id BIGINT PRIMARY KEY, code TEXT NOT "
                                "NULL)"),
                 -1);
    }

    // The same text with a blob and with NULL bound: two prepared forms, each value right.
    void aBlobAndANullBoundToOneTextBothRoundTrip() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE attachment(id BIGINT PRIMARY KEY, body BYTEA)");
        const std::vector<std::uint8_t> body{0x00, 0xff, 0x5c};
        auto insert = db.prepare("INSERT INTO attachment(id, body) VALUES (?1, ?2)");
        insert.bind(1, 1).bindBlob(2, body).run();
        insert.bind(1, 2).bindNull(2).run();
        insert.bind(1, 3).bindBlob(2, body).run();
        auto read = db.prepare("SELECT body FROM attachment ORDER BY id");
        QVERIFY(read.step() && read.blob(0) == body);
        QVERIFY(read.step() && read.isNull(0));
        QVERIFY(read.step() && read.blob(0) == body);
    }

    // Dynamic SQL (an IN-list of every length) fills the cache up to its bound, then runs
    // unnamed, with the same results.
    void textsBeyondTheBoundRunUnnamed() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        const std::int64_t start = preparedCount(db);  // the count itself among them
        kep::server::pg::setPreparedStatementLimit(db, static_cast<std::size_t>(start) + 2);
        std::string list = "1";
        for (int length = 1; length <= 6; ++length) {
            const std::string sql =
                "SELECT count(*) FROM generate_series(1, 10) AS n(v) WHERE v IN (" + list + ")";
            QCOMPARE(scalar(db, sql.c_str()), length);
            list += ',';
            list += std::to_string(length + 1);
        }
        QCOMPARE(preparedCount(db), start + 2);
        kep::server::pg::setPreparedStatementLimit(db, 0);
        const std::int64_t full = preparedCount(db);
        QCOMPARE(scalar(db, "SELECT 7 WHERE 1 IN (1, 2, 3, 4, 5, 6, 7, 8)"), 7);
        QCOMPARE(preparedCount(db), full);
    }

    // A PREPARE that fails inside a transaction fails it, with the very Error that running the
    // text unnamed gives; the text is not remembered, and runs once it is right.
    void aFailedPrepareReportsAsAnUnnamedRun() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        const char* wrong = "SELECT region FROM office WHERE id = ?1";
        const std::string prepared = failureInTransaction(db, wrong);
        QVERIFY2(prepared.starts_with("step: column \"region\" does not exist ["),
                 prepared.c_str());
        kep::server::pg::setPreparedStatementLimit(db, 0);
        QCOMPARE(QString::fromStdString(failureInTransaction(db, wrong)),
                 QString::fromStdString(prepared));
        kep::server::pg::setPreparedStatementLimit(
            db, kep::server::pg::PreparedStatements::kDefaultLimit);
        QVERIFY(!db.inTransaction());
        db.exec("ALTER TABLE office ADD COLUMN region TEXT");
        auto right = db.prepare(wrong);
        right.bind(1, 1);
        QVERIFY(!right.step());
        QCOMPARE(runsOfPrepared(db, "SELECT region FROM office WHERE id = $1"), 1);
    }

    // A column added under a prepared SELECT *: the statement is prepared again, never
    // "cached plan must not change result type"; by exec() or by a statement alike.
    void aSchemaChangeForgetsPreparedStatements() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openIn(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        db.prepare("INSERT INTO office(id) VALUES (1)").run();
        const auto columns = [&db] {
            auto all = db.prepare("SELECT * FROM office");
            return all.step() ? all.columnCount() : -1;
        };
        QCOMPARE(columns(), 1);
        db.exec("ALTER TABLE office ADD COLUMN code TEXT");
        QCOMPARE(columns(), 2);
        db.prepare("ALTER TABLE office ADD COLUMN region TEXT").run();
        QCOMPARE(columns(), 3);
    }

    // A session that ends takes its prepared statements with it: the same texts are prepared
    // again on the new session when next run.
    void preparedStatementsComeBackWithANewSession() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        auto db = openKeepingSchema(schema);
        db.exec("CREATE TABLE office(id BIGINT PRIMARY KEY)");
        auto insert = db.prepare("INSERT INTO office(id) VALUES (?1)");
        insert.bind(1, 1).run();
        QCOMPARE(runsOfPrepared(db, "INSERT INTO office(id) VALUES ($1)"), 1);
        kep::test::endPgSession(scalar(db, "SELECT pg_backend_pid()"));
        QVERIFY_THROWS_EXCEPTION(Error, scalar(db, "SELECT 1"));
        insert.bind(1, 2).run();
        QCOMPARE(runsOfPrepared(db, "INSERT INTO office(id) VALUES ($1)"), 1);
        {
            Transaction transaction(db);  // prepared again inside a transaction: it commits
            db.prepare("INSERT INTO office(id) VALUES (?1)").bind(1, 3).run();
            transaction.commit();
        }
        QCOMPARE(runsOfPrepared(db, "INSERT INTO office(id) VALUES ($1)"), 2);
        QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 3);
    }

    void migrateIsIdempotentAndSharesTheVersionTable() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        {
            auto db = openIn(schema);
            QCOMPARE(db.userVersion(), 0);
            QCOMPARE(kep::db::migrate(db, kSchema), 2);
            QCOMPARE(db.userVersion(), 2);
        }
        auto db = openIn(schema);  // the next start
        QCOMPARE(kep::db::migrate(db, kSchema), 0);
        QCOMPARE(db.userVersion(), 2);
        QCOMPARE(scalar(db, "SELECT count(*) FROM kep_schema_version"), 2);
        // storage/pg/PgMigrate reads the same table.
        auto raw = schema.connect();
        QCOMPARE(kep::server::pg::schemaVersion(raw), 2);
        const Migration fewer[] = {kSchema[0]};
        QVERIFY_THROWS_EXCEPTION(Error, kep::db::migrate(db, fewer));
    }

    // Three kep-server processes starting at once: the writer lock lets one apply each step.
    void concurrentMigrationsApplyEachStepOnce() {
        PgTestSchema schema(PgTestSchema::Start::Empty);
        std::atomic<int> applied{0};
        std::atomic<int> failures{0};
        std::vector<std::thread> starts;
        for (int i = 0; i < 3; ++i) {
            starts.emplace_back([&] {
                try {
                    auto db = openIn(schema);
                    applied += kep::db::migrate(db, kSchema);
                } catch (const std::exception&) {
                    ++failures;
                }
            });
        }
        for (auto& start : starts) {
            start.join();
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(applied.load(), 2);
        auto db = openIn(schema);
        QCOMPARE(scalar(db, "SELECT count(*) FROM kep_schema_version"), 2);
    }
};

QTEST_GUILESS_MAIN(tst_PgDatabase)
#include "tst_pg_database.moc"
