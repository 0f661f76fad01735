// Tests of kep::db::migrate() and of kep_add_migrations(), on each back-end (DbTestBackend.h):
// each step whole or not at all, refusals of newer databases and broken numbering, and SQL files
// embedded byte for byte.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "DbTestBackend.h"
#include "db/Database.h"
#include "db/DatabaseDriver.h"

namespace kep::db::test {
std::span<const kep::db::Migration> embeddedMigrations();  // generated from migrations/
}

using kep::db::Database;
using kep::db::Error;
using kep::db::Migration;
using kep::db::test::Backend;
using kep::db::test::TestDatabase;

namespace {

// Office, case, then a column added to the case: the shape of a real schema history.
const Migration kSchema[] = {
    {1, "0001_office", "CREATE TABLE office(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
    {2, "0002_case_file",
     "CREATE TABLE case_file(id TEXT PRIMARY KEY,"
     " office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE);"},
    {3, "0003_case_status",
     "ALTER TABLE case_file ADD COLUMN status TEXT NOT NULL DEFAULT 'filed';"},
};

// Versions as given, each creating table t<version>.
struct Numbered {
    explicit Numbered(const std::vector<int>& versions) {
        for (int version : versions) {
            names.push_back("000" + std::to_string(version) + "_t");
            sqls.push_back("CREATE TABLE t" + std::to_string(version) + "_" +
                           std::to_string(names.size()) + "(x INTEGER);");
        }
        for (std::size_t i = 0; i < versions.size(); ++i) {
            list.push_back({versions[i], names[i], sqls[i]});
        }
    }
    std::vector<std::string> names;
    std::vector<std::string> sqls;
    std::vector<Migration> list;
};

}  // namespace

class tst_Migrations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();

    void appliesEveryMigrationToFreshDatabase();
    void rerunIsIdempotent();
    void appliesOnlyTheNewOnes();
    void refusesNewerDatabase();
    void refusesBrokenNumbering_data();
    void refusesBrokenNumbering();
    void failingMigrationRollsBackCompletely();
    void migrationFileMayNotEndItsTransaction_data();
    void migrationFileMayNotEndItsTransaction();
    void tableRebuildKeepsChildRows();
    void foreignKeyViolationIsRefused();
    void foreignKeysStayOffWhenOpenedOff();
    void embeddedMigrationsMatchTheFiles();
    void embeddedMigrationsApply();

private:
    Database open(bool foreignKeys = true) {
        kep::db::OpenOptions options;
        options.foreignKeys = foreignKeys;
        return base_->open(options);
    }
    bool sqliteOnly() const { return base_->isSqlite(); }
    // The tables of the schema, leaving out the version's own table on PostgreSQL.
    int tableCount(Database& db) const {
        auto count = db.prepare(base_->pick(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name <> 'kep_schema_version'"));
        count.step();
        return static_cast<int>(count.int64(0));
    }
    bool hasTable(Database& db, const char* name) const {
        auto find =
            db.prepare(base_->pick("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                   "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                                   "current_schema() AND table_name = ?1"));
        find.bind(1, name);
        return find.step();
    }
    static std::int64_t scalar(Database& db, const char* sql) {
        auto statement = db.prepare(sql);
        statement.step();
        return statement.int64(0);
    }
    std::unique_ptr<TestDatabase> base_;
};

// SQLite's foreign-key handling while migrating has no PostgreSQL counterpart to test.
#define SQLITE_ONLY()                                                  \
    do {                                                               \
        if (!sqliteOnly()) {                                           \
            QSKIP("SQLite only: PRAGMA foreign_keys while migrating"); \
        }                                                              \
    } while (false)

void tst_Migrations::initTestCase_data() {
    kep::db::test::addBackendRows();
}

void tst_Migrations::init() {
    QFETCH_GLOBAL(Backend, backend);
    base_ = std::make_unique<TestDatabase>(backend);
}

void tst_Migrations::appliesEveryMigrationToFreshDatabase() {
    auto db = open();
    QCOMPARE(db.userVersion(), 0);
    QCOMPARE(kep::db::migrate(db, kSchema), 3);
    QCOMPARE(db.userVersion(), 3);
    db.exec("INSERT INTO office(id, name) VALUES (7, 'ΚΕΠ Πάτρας')");
    db.prepare("INSERT INTO case_file(id, office_id) VALUES (?1, 7)")
        .bind(1, "0190d2a4-7c1e-7000-8000-000000000001")
        .run();
    auto status = db.prepare("SELECT status FROM case_file");
    QVERIFY(status.step());
    QCOMPARE(status.text(0), std::string("filed"));
}

void tst_Migrations::rerunIsIdempotent() {
    {
        auto db = open();
        QCOMPARE(kep::db::migrate(db, kSchema), 3);
        db.exec("INSERT INTO office(id, name) VALUES (7, 'ΚΕΠ Πάτρας')");
    }
    auto db = open();  // as on the next start of the program
    QCOMPARE(kep::db::migrate(db, kSchema), 0);
    QCOMPARE(db.userVersion(), 3);
    QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 1);
}

void tst_Migrations::appliesOnlyTheNewOnes() {
    auto db = open();
    QCOMPARE(kep::db::migrate(db, std::span(kSchema).first(2)), 2);
    QCOMPARE(db.userVersion(), 2);
    QVERIFY(!hasTable(db, "t3"));
    QCOMPARE(kep::db::migrate(db, kSchema), 1);
    QCOMPARE(db.userVersion(), 3);
}

void tst_Migrations::refusesNewerDatabase() {
    auto db = open();
    {
        // As a later release would have left it.
        kep::db::Transaction later(db);
        db.driver().recordSchemaVersion(7, "0007_later");
        later.commit();
    }
    const Numbered five({1, 2, 3, 4, 5});
    try {
        kep::db::migrate(db, five.list);
        QFAIL("a newer database was accepted");
    } catch (const Error& error) {
        QCOMPARE(QString(error.what()),
                 QString("database schema version 7 is newer than this program (5)"));
    }
    QCOMPARE(db.userVersion(), 7);
    QCOMPARE(tableCount(db), 0);
}

void tst_Migrations::refusesBrokenNumbering_data() {
    QTest::addColumn<std::vector<int>>("versions");
    QTest::newRow("gap") << std::vector<int>{1, 3};
    QTest::newRow("duplicate") << std::vector<int>{1, 1, 2};
    QTest::newRow("not from 1") << std::vector<int>{2, 3};
    QTest::newRow("from 0") << std::vector<int>{0, 1};
    QTest::newRow("out of order") << std::vector<int>{2, 1};
}

void tst_Migrations::refusesBrokenNumbering() {
    QFETCH(std::vector<int>, versions);
    const Numbered numbered(versions);
    auto db = open();
    try {
        kep::db::migrate(db, numbered.list);
        QFAIL("broken numbering was accepted");
    } catch (const Error& error) {
        QVERIFY2(QString(error.what()).contains("without gaps"), error.what());
    }
    // Refused before anything ran, even the steps ahead of the break.
    QCOMPARE(db.userVersion(), 0);
    QCOMPARE(tableCount(db), 0);
}

void tst_Migrations::failingMigrationRollsBackCompletely() {
    const Migration broken[] = {
        kSchema[0],
        {2, "0002_half_done",
         "CREATE TABLE half(x INTEGER); INSERT INTO half VALUES (1);"
         "INSERT INTO office(id, name) VALUES (1, 'ΚΕΠ Λάρισας');"
         "INSERT INTO nowhere VALUES (1);"},
        {3, "0003_never", "CREATE TABLE never(x INTEGER);"},
    };
    auto db = open();
    try {
        kep::db::migrate(db, broken);
        QFAIL("a failing migration was reported as applied");
    } catch (const Error& error) {
        const QString message(error.what());
        QVERIFY2(message.startsWith("migration 0002_half_done: "), error.what());
        QVERIFY2(message.contains(
                     base_->pick("no such table: nowhere", "relation \"nowhere\" does not exist")),
                 error.what());
    }
    QCOMPARE(db.userVersion(), 1);  // the first step stays: it committed on its own
    QVERIFY(hasTable(db, "office"));
    QVERIFY(!hasTable(db, "half"));
    QVERIFY(!hasTable(db, "never"));
    QCOMPARE(scalar(db, "SELECT count(*) FROM office"), 0);

    // Once the file is fixed, the next start applies the rest.
    QCOMPARE(kep::db::migrate(db, kSchema), 2);
    QCOMPARE(db.userVersion(), 3);
}

void tst_Migrations::migrationFileMayNotEndItsTransaction_data() {
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("pgStatement");
    QTest::newRow("COMMIT") << "COMMIT;"
                            << "COMMIT;";
    QTest::newRow("ROLLBACK") << "ROLLBACK;"
                              << "rollback;";
    QTest::newRow("BEGIN") << "BEGIN;"
                           << "/* first */ BEGIN;";
    QTest::newRow("user_version")
        << "PRAGMA user_version = 9;"
        << "INSERT INTO kep_schema_version (version, name) VALUES (9, 'x');";
}

void tst_Migrations::migrationFileMayNotEndItsTransaction() {
    QFETCH(QString, statement);
    QFETCH(QString, pgStatement);
    const std::string sql = "CREATE TABLE early(x INTEGER); " +
                            (sqliteOnly() ? statement : pgStatement).toStdString() +
                            " CREATE TABLE late(x INTEGER);";
    const Migration steps[] = {kSchema[0], {2, "0002_sneaky", sql}};
    auto db = open();
    try {
        kep::db::migrate(db, steps);
        QFAIL("the migration file took over the transaction");
    } catch (const Error& error) {
        QCOMPARE(error.code(), SQLITE_AUTH);
        QVERIFY2(QString(error.what()).contains("migration 0002_sneaky"), error.what());
    }
    QCOMPARE(db.userVersion(), 1);
    QVERIFY(!hasTable(db, "early"));
    QVERIFY(!hasTable(db, "late"));
    // The guard is gone once migrate() returns: the program's own transactions work.
    db.exec("BEGIN; CREATE TABLE after(x INTEGER); COMMIT;");
    QVERIFY(hasTable(db, "after"));
}

void tst_Migrations::tableRebuildKeepsChildRows() {
    SQLITE_ONLY();
    // The create-copy-drop-rename rebuild SQLite needs to change a column: with foreign keys
    // enforced, DROP TABLE office would cascade and delete every case.
    const Migration rebuild[] = {
        kSchema[0],
        kSchema[1],
        kSchema[2],
        {4, "0004_office_code",
         "CREATE TABLE office_new(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
         " code TEXT NOT NULL DEFAULT '');"
         "INSERT INTO office_new(id, name) SELECT id, name FROM office;"
         "DROP TABLE office;"
         "ALTER TABLE office_new RENAME TO office;"},
    };
    auto db = open();
    QCOMPARE(kep::db::migrate(db, std::span(rebuild).first(3)), 3);
    db.exec(
        "INSERT INTO office(id, name) VALUES (7, 'ΚΕΠ Πάτρας');"
        "INSERT INTO case_file(id, office_id) VALUES ('0190d2a4-7c1e-7000-8000-00000000000a', 7);"
        "INSERT INTO case_file(id, office_id) VALUES ('0190d2a4-7c1e-7000-8000-00000000000b', 7);");
    QCOMPARE(kep::db::migrate(db, rebuild), 1);
    QCOMPARE(scalar(db, "SELECT count(*) FROM case_file"), 2);
    QCOMPARE(scalar(db, "SELECT count(*) FROM office WHERE code = ''"), 1);
    QCOMPARE(scalar(db, "PRAGMA foreign_keys"), 1);  // enforced again afterwards
    // ...and enforcement still points at the rebuilt table.
    QVERIFY_THROWS_EXCEPTION(Error,
                             db.exec("INSERT INTO case_file(id, office_id) VALUES ('c', 99)"));
}

void tst_Migrations::foreignKeyViolationIsRefused() {
    const Migration orphan[] = {
        kSchema[0],
        kSchema[1],
        {3, "0003_orphan", "INSERT INTO case_file(id, office_id) VALUES ('c', 99);"},
    };
    auto db = open();
    try {
        kep::db::migrate(db, orphan);
        QFAIL("a migration left a case without its office");
    } catch (const Error& error) {
        QCOMPARE(error.code(), SQLITE_CONSTRAINT_FOREIGNKEY);
        QVERIFY2(QString(error.what()).contains("case_file"), error.what());
    }
    QCOMPARE(db.userVersion(), 2);
    QCOMPARE(scalar(db, "SELECT count(*) FROM case_file"), 0);
    if (sqliteOnly()) {
        QCOMPARE(scalar(db, "PRAGMA foreign_keys"), 1);
    }
}

void tst_Migrations::foreignKeysStayOffWhenOpenedOff() {
    SQLITE_ONLY();
    auto db = open(false);
    QCOMPARE(kep::db::migrate(db, kSchema), 3);
    QCOMPARE(scalar(db, "PRAGMA foreign_keys"), 0);
}

void tst_Migrations::embeddedMigrationsMatchTheFiles() {
    const auto migrations = kep::db::test::embeddedMigrations();
    QCOMPARE(migrations.size(), std::size_t{2});
    const char* names[] = {"0001_create_office", "0002_create_case_file"};
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations[i].version, static_cast<int>(i) + 1);
        QCOMPARE(migrations[i].name, std::string_view(names[i]));
        QFile file(QString(KEP_SOURCE_DIR "/tests/shared/db/migrations/%1.sql").arg(names[i]));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(migrations[i].sql,
                 std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }
    QVERIFY(migrations[0].sql.find(")sql\"") != std::string_view::npos);
}

void tst_Migrations::embeddedMigrationsApply() {
    auto db = open();
    QCOMPARE(kep::db::migrate(db, kep::db::test::embeddedMigrations()), 2);
    auto name = db.prepare("SELECT name FROM office WHERE id = 1");
    QVERIFY(name.step());
    QCOMPARE(QString::fromStdString(name.text(0)), QString("ΚΕΠ Δήμου Αθηναίων )\" )sql\" ;"));
    QVERIFY(hasTable(db, "case_file"));
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
