// Tests of the SQLite wrapper (shared/db/Database.h) on real files: open modes and pragmas,
// binding every type, errors and their codes, transactions that commit or leave nothing behind.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/Database.h"

using kep::db::Database;
using kep::db::Error;
using kep::db::OpenMode;
using kep::db::OpenOptions;
using kep::db::Transaction;

Q_DECLARE_METATYPE(OpenMode)
Q_DECLARE_METATYPE(Transaction::Kind)
Q_DECLARE_METATYPE(std::vector<std::uint8_t>)

class tst_Database : public QObject {
    Q_OBJECT

private slots:
    void init();

    void openCreatesFileInExistingFolder();
    void openFailsClearlyWhenFolderIsMissing();
    void openModes_data();
    void openModes();
    void pragmasAreApplied_data();
    void pragmasAreApplied();

    void bindsIntegers_data();
    void bindsIntegers();
    void bindsReal();
    void bindsText_data();
    void bindsText();
    void defaultStringViewBindsEmptyText();
    void bindsBlob_data();
    void bindsBlob();
    void bindsNullAndOptional();
    void namedParameters_data();
    void namedParameters();
    void unknownNamedParameterThrows();
    void stepAndResetReuseTheStatement();
    void readingWithoutRowThrows();
    void prepareRefusesMoreThanOneStatement();
    void execRunsSeveralStatements();
    void lastInsertRowIdAndChanges();
    void movedDatabaseKeepsWorking();

    void errorsCarryCodes_data();
    void errorsCarryCodes();
    void constraintViolationsAreDetected_data();
    void constraintViolationsAreDetected();
    void errorMessagesHoldNoBoundValues();
    void busyIsDetected();

    void transactionCommits();
    void transactionRollsBackOnDestruction();
    void failingStatementLeavesNothingHalfWritten();
    void transactionKinds_data();
    void transactionKinds();

private:
    std::string file(const char* name) const {
        return QDir(dir_->path()).filePath(name).toStdString();
    }
    Database freshDatabase();
    std::unique_ptr<QTemporaryDir> dir_;
};

void tst_Database::init() {
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
}

Database tst_Database::freshDatabase() {
    auto db = Database::open(file("test.db"));
    db.exec("CREATE TABLE value_store(id INTEGER PRIMARY KEY, v)");
    return db;
}

// ---- open --------------------------------------------------------------------------------

void tst_Database::openCreatesFileInExistingFolder() {
    const std::string path = file("desk.db");
    auto db = Database::open(path);
    QCOMPARE(db.path(), path);
    QVERIFY(db.handle() != nullptr);
    QVERIFY(QFile::exists(QString::fromStdString(path)));
}

void tst_Database::openFailsClearlyWhenFolderIsMissing() {
    const std::string missing = file("no-such-folder");
    try {
        Database::open(missing + "/desk.db");
        QFAIL("open succeeded in a missing folder");
    } catch (const Error& error) {
        QCOMPARE(error.code(), SQLITE_CANTOPEN);
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(QString::fromStdString(missing)), error.what());
        QVERIFY2(message.contains("does not exist"), error.what());
    }
    QVERIFY(!QDir(QString::fromStdString(missing)).exists());
}

void tst_Database::openModes_data() {
    QTest::addColumn<OpenMode>("mode");
    QTest::addColumn<bool>("fileExists");
    QTest::addColumn<bool>("opens");
    QTest::addColumn<bool>("writable");

    QTest::newRow("create, new file") << OpenMode::ReadWriteCreate << false << true << true;
    QTest::newRow("create, existing") << OpenMode::ReadWriteCreate << true << true << true;
    QTest::newRow("read-write, existing") << OpenMode::ReadWrite << true << true << true;
    QTest::newRow("read-write, missing") << OpenMode::ReadWrite << false << false << false;
    QTest::newRow("read-only, existing") << OpenMode::ReadOnly << true << true << false;
    QTest::newRow("read-only, missing") << OpenMode::ReadOnly << false << false << false;
}

void tst_Database::openModes() {
    QFETCH(OpenMode, mode);
    QFETCH(bool, fileExists);
    QFETCH(bool, opens);
    QFETCH(bool, writable);

    const std::string path = file("modes.db");
    if (fileExists) {
        auto db = Database::open(path);
        db.exec("CREATE TABLE value_store(id INTEGER PRIMARY KEY, v)");
    }
    std::optional<Database> db;
    try {
        db.emplace(Database::open(path, {.mode = mode}));
    } catch (const Error& error) {
        QVERIFY2(!opens, error.what());
        QCOMPARE(error.code() & 0xff, SQLITE_CANTOPEN);
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
        return;
    }
    QVERIFY(opens);
    if (!fileExists) {
        db->exec("CREATE TABLE value_store(id INTEGER PRIMARY KEY, v)");
    }
    try {
        db->prepare("INSERT INTO value_store(v) VALUES (1)").run();
        QVERIFY(writable);
    } catch (const Error& error) {
        QVERIFY2(!writable, error.what());
        QCOMPARE(error.code() & 0xff, SQLITE_READONLY);
    }
}

void tst_Database::pragmasAreApplied_data() {
    QTest::addColumn<bool>("wal");
    QTest::addColumn<bool>("synchronousFull");
    QTest::addColumn<bool>("foreignKeys");
    QTest::addColumn<bool>("secureDelete");
    QTest::addColumn<int>("busyTimeoutMs");
    QTest::addColumn<QString>("journalMode");
    QTest::addColumn<int>("synchronous");  // 1 NORMAL, 2 FULL

    QTest::newRow("defaults") << true << true << true << false << 5000 << "wal" << 2;
    QTest::newRow("secure delete") << true << true << true << true << 250 << "wal" << 2;
    QTest::newRow("relaxed") << false << false << false << false << 0 << "delete" << 1;
}

void tst_Database::pragmasAreApplied() {
    QFETCH(bool, wal);
    QFETCH(bool, synchronousFull);
    QFETCH(bool, foreignKeys);
    QFETCH(bool, secureDelete);
    QFETCH(int, busyTimeoutMs);
    QFETCH(QString, journalMode);
    QFETCH(int, synchronous);

    OpenOptions options;
    options.wal = wal;
    options.synchronousFull = synchronousFull;
    options.foreignKeys = foreignKeys;
    options.secureDelete = secureDelete;
    options.busyTimeoutMs = busyTimeoutMs;
    auto db = Database::open(file("pragmas.db"), options);

    auto read = [&](const char* pragma) {
        auto statement = db.prepare(std::string("PRAGMA ") + pragma);
        [&] { QVERIFY(statement.step()); }();
        return statement.text(0);
    };
    QCOMPARE(QString::fromStdString(read("journal_mode")), journalMode);
    QCOMPARE(std::stoi(read("synchronous")), synchronous);
    QCOMPARE(read("foreign_keys") == "1", foreignKeys);
    QCOMPARE(read("secure_delete") == "1", secureDelete);
    QCOMPARE(std::stoi(read("busy_timeout")), busyTimeoutMs);
}

// ---- binding and reading ------------------------------------------------------------------

void tst_Database::bindsIntegers_data() {
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("negative") << qint64(-1);
    QTest::newRow("above 32 bits") << (qint64(1) << 40);
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << std::numeric_limits<qint64>::min();
}

void tst_Database::bindsIntegers() {
    QFETCH(qint64, value);
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(v) VALUES (?1)").bind(1, std::int64_t{value}).run();
    auto select = db.prepare("SELECT v, typeof(v) FROM value_store");
    QVERIFY(select.step());
    QCOMPARE(select.int64(0), value);
    QCOMPARE(select.text(1), std::string("integer"));
    QCOMPARE(select.optionalInt64(0), std::optional<std::int64_t>(value));
    QVERIFY(!select.step());
}

void tst_Database::bindsReal() {
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(v) VALUES (?1)").bind(1, 2.5e-7).run();
    auto select = db.prepare("SELECT v, typeof(v) FROM value_store");
    QVERIFY(select.step());
    QCOMPARE(select.real(0), 2.5e-7);
    QCOMPARE(select.text(1), std::string("real"));
}

void tst_Database::bindsText_data() {
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("ascii") << QByteArray("Protocol 12/2024");
    QTest::newRow("greek") << QString("Παπαδοπούλου Ελένη, Άδεια διαμονής").toUtf8();
    QTest::newRow("empty is not null") << QByteArray("");
    QTest::newRow("embedded nul") << QByteArray("a\0b", 3);
}

void tst_Database::bindsText() {
    QFETCH(QByteArray, utf8);
    const std::string text(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(v) VALUES (?1)").bind(1, std::string_view(text)).run();
    auto select = db.prepare("SELECT v, typeof(v), length(CAST(v AS BLOB)) FROM value_store");
    QVERIFY(select.step());
    QVERIFY(!select.isNull(0));
    QCOMPARE(select.text(0), text);
    QCOMPARE(select.text(1), std::string("text"));
    QCOMPARE(select.int64(2), static_cast<std::int64_t>(text.size()));
    QCOMPARE(select.optionalText(0), std::optional<std::string>(text));
}

void tst_Database::defaultStringViewBindsEmptyText() {
    // std::string_view{} has a null data pointer, which SQLite would take for NULL.
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(v) VALUES (?1)").bind(1, std::string_view()).run();
    auto select = db.prepare("SELECT typeof(v) FROM value_store");
    QVERIFY(select.step());
    QCOMPARE(select.text(0), std::string("text"));
}

void tst_Database::bindsBlob_data() {
    QTest::addColumn<std::vector<std::uint8_t>>("bytes");
    std::vector<std::uint8_t> all(256);
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = static_cast<std::uint8_t>(i);
    }
    QTest::newRow("every byte value") << all;
    QTest::newRow("zeros") << std::vector<std::uint8_t>(17, 0);
    QTest::newRow("empty is not null") << std::vector<std::uint8_t>{};
}

void tst_Database::bindsBlob() {
    QFETCH(std::vector<std::uint8_t>, bytes);
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(v) VALUES (?1)").bindBlob(1, bytes).run();
    auto select = db.prepare("SELECT v, typeof(v) FROM value_store");
    QVERIFY(select.step());
    QVERIFY(!select.isNull(0));
    QCOMPARE(select.text(1), std::string("blob"));
    QCOMPARE(select.blob(0), bytes);
}

void tst_Database::bindsNullAndOptional() {
    auto db = freshDatabase();
    auto insert = db.prepare("INSERT INTO value_store(id, v) VALUES (?1, ?2)");
    insert.bind(1, 1).bindNull(2).run();
    insert.bind(1, 2).bind(2, std::optional<std::string>()).run();
    insert.bind(1, 3).bind(2, std::optional<std::string>("Ιωάννης")).run();
    insert.bind(1, 4).bind(2, std::optional<std::int64_t>(42)).run();
    insert.bind(1, 5).bind(2, std::optional<std::int64_t>()).run();

    auto select = db.prepare("SELECT v FROM value_store ORDER BY id");
    const std::vector<std::optional<std::string>> texts = {std::nullopt, std::nullopt, "Ιωάννης",
                                                           "42", std::nullopt};
    for (const auto& expected : texts) {
        QVERIFY(select.step());
        QCOMPARE(select.isNull(0), !expected.has_value());
        QCOMPARE(select.optionalText(0), expected);
    }
    QVERIFY(!select.step());
    auto number = db.prepare("SELECT v FROM value_store WHERE id = 4");
    QVERIFY(number.step());
    QCOMPARE(number.optionalInt64(0), std::optional<std::int64_t>(42));
}

void tst_Database::namedParameters_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("name");
    QTest::newRow(":office") << "SELECT :office"
                             << ":office";
    QTest::newRow("without prefix") << "SELECT :office"
                                    << "office";
    QTest::newRow("@office") << "SELECT @office"
                             << "@office";
    QTest::newRow("$office") << "SELECT $office"
                             << "$office";
}

void tst_Database::namedParameters() {
    QFETCH(QString, sql);
    QFETCH(QString, name);
    auto db = freshDatabase();
    auto statement = db.prepare(sql.toStdString());
    const int index = statement.parameterIndex(name.toStdString());
    QCOMPARE(index, 1);
    statement.bind(index, 1038);
    QVERIFY(statement.step());
    QCOMPARE(statement.int64(0), 1038);
}

void tst_Database::unknownNamedParameterThrows() {
    auto db = freshDatabase();
    auto statement = db.prepare("SELECT :office");
    try {
        statement.parameterIndex(":desk");
        QFAIL("an unknown parameter name was accepted");
    } catch (const Error& error) {
        QCOMPARE(error.code(), SQLITE_RANGE);
        QVERIFY2(QString(error.what()).contains(":desk"), error.what());
    }
}

void tst_Database::stepAndResetReuseTheStatement() {
    auto db = freshDatabase();
    auto insert = db.prepare("INSERT INTO value_store(id, v) VALUES (?1, ?2)");
    for (int i = 1; i <= 3; ++i) {
        insert.bind(1, i).bind(2, "row " + std::to_string(i)).run();
    }
    auto select = db.prepare("SELECT v FROM value_store WHERE id >= ?1 ORDER BY id");
    for (int pass = 0; pass < 2; ++pass) {
        select.bind(1, 2);
        QVERIFY(select.step());
        QCOMPARE(select.text(0), std::string("row 2"));
        select.reset();  // mid-way: the next pass starts from the first row again
    }
    // reset() also cleared the binding: id >= NULL matches nothing.
    QVERIFY(!select.step());
    select.reset();
    select.bind(1, 1);
    int rows = 0;
    while (select.step()) {
        ++rows;
    }
    QCOMPARE(rows, 3);
}

void tst_Database::readingWithoutRowThrows() {
    auto db = freshDatabase();
    auto select = db.prepare("SELECT v FROM value_store");
    QCOMPARE(select.columnCount(), 1);
    QVERIFY_THROWS_EXCEPTION(Error, select.text(0));
    QVERIFY(!select.step());
    QVERIFY_THROWS_EXCEPTION(Error, select.int64(0));
    auto one = db.prepare("SELECT 1");
    QVERIFY(one.step());
    QVERIFY_THROWS_EXCEPTION(Error, one.int64(1));
    QVERIFY_THROWS_EXCEPTION(Error, one.int64(-1));
}

void tst_Database::prepareRefusesMoreThanOneStatement() {
    auto db = freshDatabase();
    QVERIFY_THROWS_EXCEPTION(Error, db.prepare("SELECT 1; DELETE FROM value_store"));
    QVERIFY_THROWS_EXCEPTION(Error, db.prepare("   "));
    // A trailing semicolon or comment is still one statement.
    auto one = db.prepare("SELECT 1; -- the count");
    QVERIFY(one.step());
}

void tst_Database::execRunsSeveralStatements() {
    auto db = freshDatabase();
    db.exec(
        "INSERT INTO value_store(v) VALUES ('a');\n"
        "-- a comment between statements\n"
        "INSERT INTO value_store(v) VALUES ('b'); INSERT INTO value_store(v) VALUES ('c');\n"
        "/* trailing comment */");
    auto count = db.prepare("SELECT count(*) FROM value_store");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 3);
}

void tst_Database::lastInsertRowIdAndChanges() {
    auto db = freshDatabase();
    db.prepare("INSERT INTO value_store(id, v) VALUES (41, 'x')").run();
    QCOMPARE(db.lastInsertRowId(), 41);
    db.prepare("INSERT INTO value_store(v) VALUES ('y')").run();
    QCOMPARE(db.lastInsertRowId(), 42);
    db.prepare("UPDATE value_store SET v = 'z'").run();
    QCOMPARE(db.changes(), 2);
}

void tst_Database::movedDatabaseKeepsWorking() {
    auto first = freshDatabase();
    Database second = std::move(first);
    second.prepare("INSERT INTO value_store(v) VALUES (1)").run();
    Database third = Database::open(file("other.db"));
    third = std::move(second);
    QCOMPARE(third.path(), file("test.db"));
    auto count = third.prepare("SELECT count(*) FROM value_store");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 1);
}

// ---- errors -------------------------------------------------------------------------------

void tst_Database::errorsCarryCodes_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("bindIndex");  // 0: bind nothing
    QTest::newRow("syntax") << "SELEC 1" << SQLITE_ERROR << "prepare" << 0;
    QTest::newRow("no such table") << "SELECT * FROM nowhere" << SQLITE_ERROR << "prepare" << 0;
    QTest::newRow("bind out of range") << "SELECT ?1" << SQLITE_RANGE << "bind" << 2;
    QTest::newRow("step: datatype")
        << "INSERT INTO value_store(id) VALUES ('not a rowid')" << SQLITE_MISMATCH << "step" << 0;
}

void tst_Database::errorsCarryCodes() {
    QFETCH(QString, sql);
    QFETCH(int, code);
    QFETCH(QString, operation);
    QFETCH(int, bindIndex);
    auto db = freshDatabase();
    try {
        auto statement = db.prepare(sql.toStdString());
        if (bindIndex != 0) {
            statement.bind(bindIndex, 1);
        }
        statement.run();
        QFAIL("no error");
    } catch (const Error& error) {
        QCOMPARE(error.code() & 0xff, code);
        QVERIFY2(QString(error.what()).startsWith(operation + ":"), error.what());
        QVERIFY(!error.isBusy());
    }
}

void tst_Database::constraintViolationsAreDetected_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("code");
    QTest::newRow("primary key") << "INSERT INTO citizen(id, afm, name, office_id) "
                                    "VALUES (1, '123456783', 'Άννα', 1)"
                                 << SQLITE_CONSTRAINT_PRIMARYKEY;
    QTest::newRow("unique") << "INSERT INTO citizen(id, afm, name, office_id) "
                               "VALUES (2, '090000045', 'Άννα', 1)"
                            << SQLITE_CONSTRAINT_UNIQUE;
    QTest::newRow("not null") << "INSERT INTO citizen(id, afm, name, office_id) "
                                 "VALUES (2, '111111114', NULL, 1)"
                              << SQLITE_CONSTRAINT_NOTNULL;
    QTest::newRow("check") << "INSERT INTO citizen(id, afm, name, office_id) "
                              "VALUES (2, '12', 'Άννα', 1)"
                           << SQLITE_CONSTRAINT_CHECK;
    QTest::newRow("foreign key") << "INSERT INTO citizen(id, afm, name, office_id) "
                                    "VALUES (2, '044444444', 'Άννα', 99)"
                                 << SQLITE_CONSTRAINT_FOREIGNKEY;
}

void tst_Database::constraintViolationsAreDetected() {
    QFETCH(QString, sql);
    QFETCH(int, code);
    auto db = Database::open(file("constraints.db"));
    db.exec(
        "CREATE TABLE office(id INTEGER PRIMARY KEY);"
        "CREATE TABLE citizen(id INTEGER PRIMARY KEY, afm TEXT NOT NULL UNIQUE "
        "CHECK (length(afm) = 9), name TEXT NOT NULL, office_id INTEGER REFERENCES office(id));"
        "INSERT INTO office(id) VALUES (1);"
        "INSERT INTO citizen(id, afm, name, office_id) VALUES (1, '090000045', 'Μαρία', 1);");
    try {
        db.prepare(sql.toStdString()).run();
        QFAIL("the constraint was not enforced");
    } catch (const Error& error) {
        QCOMPARE(error.code(), code);
        QVERIFY(error.isConstraint());
        QVERIFY(!error.isBusy());
    }
    // The connection goes on after a refused statement.
    auto count = db.prepare("SELECT count(*) FROM citizen");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 1);
}

void tst_Database::errorMessagesHoldNoBoundValues() {
    auto db = Database::open(file("privacy.db"));
    db.exec("CREATE TABLE citizen(afm TEXT PRIMARY KEY, name TEXT NOT NULL)");
    auto insert = db.prepare("INSERT INTO citizen(afm, name) VALUES (?1, ?2)");
    insert.bind(1, "090000045").bind(2, "Κωνσταντίνα Γεωργίου").run();
    try {
        insert.bind(1, "090000045").bind(2, "Κωνσταντίνα Γεωργίου").run();
        QFAIL("duplicate accepted");
    } catch (const Error& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("INSERT INTO citizen"), error.what());  // names the statement
        QVERIFY2(message.contains("UNIQUE constraint failed"), error.what());  // SQLite's reason
        QVERIFY2(!message.contains("090000045"), error.what());
        QVERIFY2(!message.contains(QString("Κωνσταντίνα")), error.what());
    }
}

void tst_Database::busyIsDetected() {
    auto writer = freshDatabase();
    auto other = Database::open(file("test.db"), {.busyTimeoutMs = 0});
    Transaction holding(writer);
    try {
        Transaction second(other);
        QFAIL("two writers at once");
    } catch (const Error& error) {
        QVERIFY2(error.isBusy(), error.what());
        QVERIFY(!error.isConstraint());
    }
}

// ---- transactions -------------------------------------------------------------------------

void tst_Database::transactionCommits() {
    auto db = freshDatabase();
    auto reader = Database::open(file("test.db"));
    auto count = [&] {
        auto statement = reader.prepare("SELECT count(*) FROM value_store");
        statement.step();
        return statement.int64(0);
    };
    Transaction transaction(db);
    db.prepare("INSERT INTO value_store(v) VALUES ('filed')").run();
    QCOMPARE(count(), 0);  // not visible to others before the commit
    transaction.commit();
    QCOMPARE(count(), 1);
}

void tst_Database::transactionRollsBackOnDestruction() {
    auto db = freshDatabase();
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO value_store(v) VALUES ('never committed')").run();
    }
    auto count = db.prepare("SELECT count(*) FROM value_store");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 0);
    // The connection is out of the transaction: a new one can begin.
    Transaction next(db);
    next.commit();
}

void tst_Database::failingStatementLeavesNothingHalfWritten() {
    auto db = Database::open(file("case.db"));
    db.exec(
        "CREATE TABLE case_file(id TEXT PRIMARY KEY, status TEXT NOT NULL);"
        "CREATE TABLE outbox(seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, op TEXT NOT NULL)");
    auto fileCase = [&](const char* id, const std::optional<std::string>& op) {
        Transaction transaction(db);
        db.prepare("INSERT INTO case_file(id, status) VALUES (?1, 'filed')").bind(1, id).run();
        db.prepare("INSERT INTO outbox(case_id, op) VALUES (?1, ?2)").bind(1, id).bind(2, op).run();
        transaction.commit();
    };
    fileCase("0190d2a4-7c1e-7000-8000-000000000001", "file");
    // The outbox row fails (op is NULL): the case row written before it must go too.
    QVERIFY_THROWS_EXCEPTION(Error, fileCase("0190d2a4-7c1e-7000-8000-000000000002", std::nullopt));

    auto cases = db.prepare("SELECT count(*) FROM case_file");
    QVERIFY(cases.step());
    QCOMPARE(cases.int64(0), 1);
    auto ops = db.prepare("SELECT count(*) FROM outbox");
    QVERIFY(ops.step());
    QCOMPARE(ops.int64(0), 1);
}

void tst_Database::transactionKinds_data() {
    QTest::addColumn<Transaction::Kind>("kind");
    QTest::addColumn<bool>("locksWritersOut");
    QTest::newRow("immediate") << Transaction::Kind::Immediate << true;
    QTest::newRow("deferred") << Transaction::Kind::Deferred << false;
}

void tst_Database::transactionKinds() {
    QFETCH(Transaction::Kind, kind);
    QFETCH(bool, locksWritersOut);
    auto db = freshDatabase();
    auto other = Database::open(file("test.db"), {.busyTimeoutMs = 0});
    Transaction transaction(db, kind);
    bool otherCouldWrite = true;
    try {
        other.prepare("INSERT INTO value_store(v) VALUES ('other')").run();
    } catch (const Error& error) {
        QVERIFY2(error.isBusy(), error.what());
        otherCouldWrite = false;
    }
    QCOMPARE(otherCouldWrite, !locksWritersOut);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
