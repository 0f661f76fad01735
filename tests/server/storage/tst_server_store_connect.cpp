// The server store on PostgreSQL (issue 10): ServerStore::connect() applies the PostgreSQL
// schema once, and that schema has SQLite's tables, columns (in SQLite's order) and indices
// under the same names, and keeps SQLite's rules (NOCASE usernames, authority users, the
// append-only audit tables).
#include "TestServerStore.h"
#include "storage/ServerStore.h"
#include "storage/pg/PgMigrate.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>
#include <vector>

using kep::server::storage::ServerStore;
using kep::test::TestServerDatabase;

namespace {

using Columns = std::map<std::string, std::vector<std::string>>;

std::vector<std::string> column0(kep::db::Statement& select) {
    std::vector<std::string> values;
    while (select.step()) {
        values.push_back(select.text(0));
    }
    return values;
}

// Every table of a SQLite database with its columns in order (its own tables left out).
Columns sqliteColumns(kep::db::Database& db) {
    auto tables = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    Columns columns;
    for (const auto& table : column0(tables)) {
        auto select = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
        select.bind(1, table);
        columns[table] = column0(select);
    }
    return columns;
}

Columns postgresColumns(kep::db::Database& db) {
    auto select = db.prepare(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
        "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
        "WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position");
    Columns columns;
    while (select.step()) {
        columns[select.text(0)].push_back(select.text(1));
    }
    return columns;
}

}  // namespace

class tst_ServerStoreConnect : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void connectAppliesThePostgresSchemaOnce() {
        TestServerDatabase database(dir_.path().toStdString(), TestServerDatabase::Start::Empty);
        QVERIFY(database.isPostgres());
        const auto newest = static_cast<int>(kep::server::pg::migrations().size());
        {
            auto store = database.createStore();
            QVERIFY(store->database().dialect() == kep::db::Dialect::Postgres);
            QCOMPARE(store->database().userVersion(), newest);
            QVERIFY(store->isReachable());
            store->setMeta("server_id", "test");
        }
        // A second process: nothing to apply, the rows are there.
        auto again = database.openStore();
        QCOMPARE(again->database().userVersion(), newest);
        QCOMPARE(again->meta("server_id"), std::optional<std::string>("test"));
    }

    // What migrate-to-postgres and every store rely on: the same names in the same order.
    void tablesAndColumnsMatchSqlite() {
        auto sqlite = ServerStore::create(dir_.filePath("schema.db").toStdString());
        TestServerDatabase database(dir_.path().toStdString(), TestServerDatabase::Start::Empty);
        auto postgres = database.createStore();
        const auto expected = sqliteColumns(sqlite->database());
        auto actual = postgresColumns(postgres->database());
        // PostgreSQL's own bookkeeping: the migrations' version, and the one row the
        // PostgreSQL sync store hands its sequence numbers out from.
        for (const char* extra : {"kep_schema_version", "sync_counter"}) {
            QVERIFY2(actual.erase(extra) == 1, extra);
        }
        for (const auto& [table, columns] : expected) {
            const auto found = actual.find(table);
            QVERIFY2(found != actual.end(), ("missing on PostgreSQL: " + table).c_str());
            QVERIFY2(found->second == columns, ("columns differ: " + table).c_str());
        }
        for (const auto& [table, columns] : actual) {
            QVERIFY2(expected.count(table) == 1, ("only on PostgreSQL: " + table).c_str());
        }
    }

    void indicesMatchSqlite() {
        auto sqlite = ServerStore::create(dir_.filePath("indices.db").toStdString());
        TestServerDatabase database(dir_.path().toStdString());
        auto postgres = database.createStore();
        auto named = sqlite->database().prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL");
        auto onPostgres = postgres->database().prepare(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");
        const auto indices = column0(onPostgres);
        const std::set<std::string> present(indices.begin(), indices.end());
        for (const auto& index : column0(named)) {
            QVERIFY2(present.count(index) == 1, ("index missing on PostgreSQL: " + index).c_str());
        }
    }

    void rulesHoldAsOnSqlite_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("username unique without regard to case")
            << "INSERT INTO users (id, username, display_name, role, password_hash, created_at, "
               "username_folded) VALUES ('u2', 'ADMIN', 'x', 'it', 'x', 'now', 'admin2')";
        QTest::newRow("a clerk has an office")
            << "INSERT INTO users (id, username, display_name, role, password_hash, created_at, "
               "username_folded) VALUES ('u3', 'clerk', 'x', 'clerk', 'x', 'now', 'clerk')";
        QTest::newRow("an authority user has an authority")
            << "INSERT INTO users (id, username, display_name, role, password_hash, created_at, "
               "username_folded) VALUES ('u4', 'auth', 'x', 'authority', 'x', 'now', 'auth')";
        QTest::newRow("only an authority user has one")
            << "UPDATE users SET authority_id = '10102' WHERE id = 'u1'";
        QTest::newRow("audit entries are append-only") << "DELETE FROM audit_entry";
        QTest::newRow("checkpoints are append-only") << "UPDATE audit_checkpoint SET at = 'x'";
        QTest::newRow("one catalogue sequence row")
            << "INSERT INTO catalogue_sequence (id, last_seq) VALUES (2, 0)";
        QTest::newRow("one draft per procedure")
            << "INSERT INTO catalogue_versions (procedure_id, version, content_hash, "
               "canonical_json, title_el, title_en, imported_at) VALUES ('p1', 2, "
               "repeat('b', 64), '{}', 't', 't', 'now')";
    }
    void rulesHoldAsOnSqlite() {
        QFETCH(QString, sql);
        TestServerDatabase database(dir_.path().toStdString());
        auto store = database.createStore();
        auto& db = store->database();
        db.exec(
            "INSERT INTO authorities (id, name_el, name_en, created_at) VALUES ('10102', 'Α', "
            "'A', 'now'); INSERT INTO users (id, username, display_name, role, password_hash, "
            "created_at, username_folded) VALUES ('u1', 'admin', 'x', 'it', 'x', 'now', 'admin'); "
            "INSERT INTO audit_checkpoint (tree_size, root, at, signature, frontier) VALUES (1, "
            "decode(repeat('00', 32), 'hex'), 'now', decode(repeat('00', 64), 'hex'), ''); "
            "INSERT INTO audit_entry (leaf_index, entry_id, at, actor_kind, actor_id, role, "
            "office, "
            "workstation, action, record_type, record_id, purpose, outcome, leaf_hash) VALUES (1, "
            "'e1', 'now', 'user', 'a', 'clerk', '0101', 'w', 'case.read', 'case', 'c', 'p', 'ok', "
            "decode(repeat('00', 32), 'hex')); "
            "INSERT INTO catalogue_procedures (id, created_at) VALUES ('p1', 'now'); "
            "INSERT INTO catalogue_versions (procedure_id, version, content_hash, canonical_json, "
            "title_el, title_en, imported_at) VALUES ('p1', 1, repeat('a', 64), '{}', 't', 't', "
            "'now')");
        try {
            db.exec(sql.toStdString());
            QFAIL("PostgreSQL took what SQLite refuses");
        } catch (const kep::db::Error&) {
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerStoreConnect)
#include "tst_server_store_connect.moc"
