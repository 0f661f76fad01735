// The PostgreSQL layer against a real throw-away cluster (scripts/pg-cluster, started by ctest):
// bound parameters of every kind round-trip exactly, errors carry SQLSTATE, a failed transaction
// never reports a commit, NOTIFY reaches another connection, and a connection whose session ends
// under it comes back outside a transaction, never inside one.
#include "PgSessionEnd.h"
#include "PgTestSchema.h"
#include "storage/pg/CopyText.h"
#include "storage/pg/PgConnection.h"

#include <QTest>

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

using kep::server::pg::Connection;
using kep::server::pg::Params;
using kep::server::pg::PgError;
using kep::server::pg::Transaction;

using kep::test::endPgSession;
using kep::test::testPgDsn;

namespace {

std::int64_t backendOf(Connection& db) {
    return db.query("SELECT pg_backend_pid()").int64(0, 0);
}

std::int64_t probeRows(Connection& db) {
    return db.query("SELECT count(*) FROM pg_layer_probe").int64(0, 0);
}

}  // namespace

class tst_PgConnection : public QObject {
    Q_OBJECT

private:
    std::string dsn_;

private slots:
    void initTestCase() {
        dsn_ = testPgDsn();
        // The cluster is part of the test command: its absence is a failure, never a skip.
        QVERIFY2(!dsn_.empty(), kep::test::kNoTestPgCluster);
        auto db = Connection::open(dsn_);
        db.exec(
            "DROP TABLE IF EXISTS pg_layer_probe; "
            "CREATE TABLE pg_layer_probe (id bigint PRIMARY KEY, name text, "
            "digest bytea, small integer, flag boolean, doc jsonb)");
    }

    void boundValuesRoundTripExactly() {
        auto db = Connection::open(dsn_);
        // Quotes, a NUL-free binary with every byte value, Greek text and the int64 extremes:
        // nothing is spliced into the SQL, so nothing is mangled.
        std::vector<std::uint8_t> digest(256);
        for (int i = 0; i < 256; ++i) {
            digest[i] = static_cast<std::uint8_t>(255 - i);
        }
        const std::string name = "Παπαδοπούλου'); DROP TABLE pg_layer_probe; --";
        db.query(
            "INSERT INTO pg_layer_probe (id, name, digest, small, flag, doc) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            Params()
                .add(std::int64_t{INT64_MIN})
                .add(name)
                .addBlob(digest)
                .add(-7)
                .add("true")
                .add(R"({"a": 1})"));
        db.query("INSERT INTO pg_layer_probe (id, name) VALUES ($1, $2)",
                 Params().add(std::int64_t{INT64_MAX}).addNull());

        auto rows = db.query(
            "SELECT id, name, digest, small, flag, doc FROM pg_layer_probe "
            "ORDER BY id");
        QCOMPARE(rows.rows(), 2);
        QCOMPARE(rows.int64(0, 0), std::int64_t{INT64_MIN});
        QCOMPARE(rows.text(0, 1), name);
        QVERIFY(rows.blob(0, 2) == digest);
        QCOMPARE(rows.int64(0, 3), std::int64_t{-7});
        QCOMPARE(rows.boolean(0, 4), true);
        QCOMPARE(rows.text(0, 5), std::string(R"({"a": 1})"));
        QCOMPARE(rows.int64(1, 0), std::int64_t{INT64_MAX});
        QVERIFY(!rows.optionalText(1, 1).has_value());
        QVERIFY_THROWS_EXCEPTION(PgError, rows.text(1, 1));
        QVERIFY_THROWS_EXCEPTION(PgError, rows.text(0, 0));  // an integer is not text
        db.exec("DELETE FROM pg_layer_probe");
    }

    void preparedStatementsRunByName() {
        auto db = Connection::open(dsn_);
        db.prepare("probe_insert", "INSERT INTO pg_layer_probe (id, name) VALUES ($1, $2)");
        for (int i = 1; i <= 100; ++i) {
            QCOMPARE(db.run("probe_insert", Params().add(i).add(std::to_string(i))).affectedRows(),
                     std::int64_t{1});
        }
        auto count = db.query("SELECT count(*), sum(id) FROM pg_layer_probe");
        QCOMPARE(count.int64(0, 0), std::int64_t{100});
        db.exec("DELETE FROM pg_layer_probe");
    }

    void errorsCarryTheirSqlState() {
        auto db = Connection::open(dsn_);
        db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(1));
        try {
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(1));
            QFAIL("a duplicate key was accepted");
        } catch (const PgError& error) {
            QVERIFY(error.isUniqueViolation());
            QVERIFY(std::string(error.what()).find("pg_layer_probe") != std::string::npos);
        }
        try {
            db.query("SELECT no_such_column FROM pg_layer_probe");
            QFAIL("a bad query ran");
        } catch (const PgError& error) {
            QCOMPARE(error.sqlState(), std::string("42703"));
        }
        db.exec("DELETE FROM pg_layer_probe");
    }

    void aFailedTransactionNeverReportsACommit() {
        auto db = Connection::open(dsn_);
        {
            Transaction transaction(db);
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(2));
            QVERIFY_THROWS_EXCEPTION(
                PgError, db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(2)));
            // PostgreSQL would answer this COMMIT with the tag ROLLBACK.
            QVERIFY_THROWS_EXCEPTION(PgError, transaction.commit());
        }
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.query("SELECT count(*) FROM pg_layer_probe").int64(0, 0), std::int64_t{0});

        {
            Transaction transaction(db);
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(3));
        }  // not committed: rolled back
        QCOMPARE(db.query("SELECT count(*) FROM pg_layer_probe").int64(0, 0), std::int64_t{0});

        {
            Transaction transaction(db, Transaction::Isolation::Serializable);
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(4));
            transaction.commit();
        }
        auto other = Connection::open(dsn_);
        QCOMPARE(other.query("SELECT count(*) FROM pg_layer_probe").int64(0, 0), std::int64_t{1});
        db.exec("DELETE FROM pg_layer_probe");
    }

    // COPY's text format breaks on tabs, newlines and backslashes: CopyText escapes them, and
    // every value comes back as it went in.
    void copyInRoundTripsAwkwardValues_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "Παπαδοπούλου";
        QTest::newRow("tab and newline") << "a\tb\nc\r";
        QTest::newRow("backslashes") << "C:\\kep\\N \\. \\x00";
        QTest::newRow("end-of-data marker") << "\\.";
        QTest::newRow("empty") << "";
    }
    void copyInRoundTripsAwkwardValues() {
        QFETCH(QString, name);
        const std::string text = name.toStdString();
        auto db = Connection::open(dsn_);
        std::vector<std::uint8_t> digest{0x00, 0x5c, 0x09, 0x0a, 0xff};
        kep::server::pg::CopyText rows;
        rows.number(7).text(text).bytes(digest.data(), digest.size()).endRow();
        rows.number(8).null().null().endRow();
        QCOMPARE(db.copyIn("COPY pg_layer_probe (id, name, digest) FROM STDIN", rows.data()),
                 std::int64_t{2});
        auto back = db.query("SELECT name, digest FROM pg_layer_probe ORDER BY id");
        QCOMPARE(back.text(0, 0), text);
        QVERIFY(back.blob(0, 1) == digest);
        QVERIFY(back.isNull(1, 0) && back.isNull(1, 1));
        // A bad row fails the COPY, and the connection stays usable.
        QVERIFY_THROWS_EXCEPTION(
            PgError, db.copyIn("COPY pg_layer_probe (id) FROM STDIN", "not-a-number\n"));
        QVERIFY(db.isReachable());
        db.exec("DELETE FROM pg_layer_probe");
    }

    void notifyReachesAListener() {
        auto listener = Connection::open(dsn_);
        listener.listen("kep_nudge");
        auto sender = Connection::open(dsn_);
        sender.notify("kep_nudge", "office:0101 42");

        std::vector<kep::server::pg::Notification> received;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (received.empty() && std::chrono::steady_clock::now() < deadline) {
            received = listener.waitForNotifications(std::chrono::milliseconds(200));
        }
        QCOMPARE(received.size(), std::size_t{1});
        QCOMPARE(received[0].channel, std::string("kep_nudge"));
        QCOMPARE(received[0].payload, std::string("office:0101 42"));
        QVERIFY(listener.waitForNotifications(std::chrono::milliseconds(50)).empty());
        QVERIFY_THROWS_EXCEPTION(PgError, listener.listen("bad; channel"));
    }

    void aWrongDsnNamesTheProblem() {
        try {
            Connection::open("host=/nonexistent-kep port=1 user=kep dbname=postgres");
            QFAIL("connected to nothing");
        } catch (const PgError& error) {
            QVERIFY(std::string(error.what()).find("cannot connect") != std::string::npos);
        }
    }

    // The statement that finds the session gone fails; the next one runs on a new session that
    // has the old one's settings, prepared statements and LISTENs.
    void aBrokenConnectionComesBackWithItsSession() {
        auto db = Connection::open(dsn_);
        db.setSession("SET application_name = 'kep_reconnect_probe'");
        db.prepare("probe_count", "SELECT count(*) FROM pg_layer_probe");
        db.listen("kep_reconnect_probe");
        const auto before = backendOf(db);
        endPgSession(before);

        try {
            db.query("SELECT 1");
            QFAIL("a statement ran on an ended session");
        } catch (const PgError& error) {
            QVERIFY2(error.isConnectionFailure() || error.sqlState().empty(), error.what());
        }
        QCOMPARE(db.reconnections(), std::uint64_t{0});
        QCOMPARE(db.run("probe_count").int64(0, 0), std::int64_t{0});
        QCOMPARE(db.reconnections(), std::uint64_t{1});
        QVERIFY(backendOf(db) != before);
        QCOMPARE(db.query("SHOW TimeZone").text(0, 0), std::string("UTC"));
        QCOMPARE(db.query("SHOW application_name").text(0, 0), std::string("kep_reconnect_probe"));

        auto sender = Connection::open(dsn_);
        sender.notify("kep_reconnect_probe", "again");
        std::vector<kep::server::pg::Notification> received;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (received.empty() && std::chrono::steady_clock::now() < deadline) {
            received = db.waitForNotifications(std::chrono::milliseconds(200));
        }
        QCOMPARE(received.size(), std::size_t{1});
        QCOMPARE(received[0].payload, std::string("again"));
    }

    // A BEGIN cannot have done anything on a session that had ended: it goes again on a new one.
    void aBeginOnAnEndedSessionIsSentAgain() {
        auto db = Connection::open(dsn_);
        endPgSession(backendOf(db));
        {
            Transaction transaction(db);
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(11));
            transaction.commit();
        }
        QCOMPARE(db.reconnections(), std::uint64_t{1});
        QCOMPARE(probeRows(db), std::int64_t{1});
        QVERIFY(db.isReachable());
        endPgSession(backendOf(db));
        QVERIFY(db.isReachable());  // a probe is not fooled by a stale session either
        QCOMPARE(db.reconnections(), std::uint64_t{2});
        db.exec("DELETE FROM pg_layer_probe");
    }

    // Inside a transaction nothing is sent again and nothing reconnects until the caller has
    // rolled back: its writes are gone, and it must hear so from every statement until then.
    void aTransactionLostWithItsSessionIsNeverResumed() {
        auto db = Connection::open(dsn_);
        {
            Transaction transaction(db);
            db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(12));
            endPgSession(backendOf(db));
            QVERIFY_THROWS_EXCEPTION(
                PgError, db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(13)));
            QVERIFY(db.inTransaction());
            try {
                db.query("SELECT 1");
                QFAIL("a statement ran in a transaction that was lost");
            } catch (const PgError& error) {
                QCOMPARE(error.sqlState(), std::string("08003"));
            }
            QCOMPARE(db.reconnections(), std::uint64_t{0});
        }  // rolled back: nothing to send
        QVERIFY(!db.inTransaction());
        QCOMPARE(probeRows(db), std::int64_t{0});
        QCOMPARE(db.reconnections(), std::uint64_t{1});

        // The same when it is the COMMIT that finds the session gone.
        Transaction transaction(db);
        db.query("INSERT INTO pg_layer_probe (id) VALUES ($1)", Params().add(14));
        endPgSession(backendOf(db));
        QVERIFY_THROWS_EXCEPTION(PgError, transaction.commit());
        QCOMPARE(probeRows(db), std::int64_t{0});
        QCOMPARE(db.reconnections(), std::uint64_t{2});
    }

    // A database that does not take the session back: one attempt per statement, each failing
    // with a clear error, until it does.
    void anUnreachableDatabaseFailsEachStatementOnce() {
        auto admin = Connection::open(dsn_);
        const std::string role = "kep_probe_" + std::to_string(::getpid());
        const auto onRole = [&](const char* pattern) {
            admin.exec(admin.query("SELECT format($1, $2::text)", Params().add(pattern).add(role))
                           .text(0, 0));
        };
        onRole("CREATE ROLE %I LOGIN");
        {
            auto db = Connection::open(dsn_ + " user=" + role);
            onRole("ALTER ROLE %I NOLOGIN");
            endPgSession(backendOf(db));
            QVERIFY_THROWS_EXCEPTION(PgError, db.query("SELECT 1"));  // finds it gone
            for (int attempt = 0; attempt < 2; ++attempt) {
                try {
                    db.query("SELECT 1");
                    QFAIL("a statement ran without a session");
                } catch (const PgError& error) {
                    QCOMPARE(error.sqlState(), std::string("08006"));
                    QVERIFY2(std::string(error.what()).find("unreachable") != std::string::npos,
                             error.what());
                }
            }
            QVERIFY(!db.isReachable());
            onRole("ALTER ROLE %I LOGIN");
            QCOMPARE(db.query("SELECT 1").int64(0, 0), std::int64_t{1});
            QCOMPARE(db.reconnections(), std::uint64_t{1});
        }
        onRole("DROP ROLE %I");
    }

    void cleanupTestCase() {
        auto db = Connection::open(dsn_);
        db.exec("DROP TABLE IF EXISTS pg_layer_probe");
        QVERIFY(db.isReachable());
    }
};

QTEST_GUILESS_MAIN(tst_PgConnection)
#include "tst_pg_connection.moc"
