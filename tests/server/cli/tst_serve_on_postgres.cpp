// kep-server on PostgreSQL (issue 10), as an operator runs it: `init --dsn` into a fresh database
// of the ctest cluster (DIR keeps the certificates and database-url), `serve --data DIR` from it,
// a desk's sign-in, push and pull through the real HTTPS routes, the rows in PostgreSQL and not in
// a kep.db, /readyz, a second init refused, and the DSN's password in no output or log.
#include "DeskFlow.h"
#include "TestServerStore.h"

#include <QFileInfo>
#include <QTest>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;
using kep::test::TestServerDatabase;

namespace {

// libpq sends a password only when the server asks; the ctest cluster trusts local sockets, so
// this one is carried everywhere the DSN goes without being needed.
constexpr const char* kPassword = "Never-In-A-Log-7";

std::int64_t countIn(const TestServerDatabase& database, const char* sql) {
    auto db = database.connect();
    auto count = db.prepare(sql);
    count.step();
    return count.int64(0);
}

}  // namespace

class tst_ServeOnPostgres : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    std::unique_ptr<TestServerDatabase> database_;
    std::string dsn_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        database_ = std::make_unique<TestServerDatabase>(scratch_.path().toStdString());
        QVERIFY2(database_->isPostgres(), "run with KEP_TEST_BACKEND=postgres (CMakeLists.txt)");
        dsn_ = database_->location() + " password=" + kPassword;
        const int init = server_.runOnce(
            {"init", "--data", server_.dataDir(), "--dsn", QString::fromStdString(dsn_), "--demo"});
        QVERIFY2(init == 0, server_.lastOutput().constData());
        QVERIFY(server_.lastOutput().contains("password=***"));
        QVERIFY(!QFileInfo::exists(server_.dataDir() + "/kep.db"));
        QCOMPARE(QFileInfo(server_.dataDir() + "/database-url").permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions{});
        // No --dsn: serve finds the database through DIR/database-url, as every command does.
        QVERIFY2(server_.serve(), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
    }

    void readyAnswersFromPostgres() {
        const auto ready = kit_->identity().anonymousClient()->get("/readyz");
        QCOMPARE(ready.status, 200);
        QVERIFY2(server_.log().contains("password=***"), server_.log().constData());
    }

    // Two desks of one office: one files, the other pulls what it filed — all of it stored
    // in PostgreSQL.
    void aDeskFlowRunsOnPostgres() {
        auto filing = kit_->enrolDesk("0101");
        auto pulling = kit_->enrolDesk("0101");
        QVERIFY2(filing && pulling, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*filing, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        const auto before = countIn(*database_, "SELECT count(*) FROM sync_entity");
        std::string error;
        QVERIFY2(kep::test::fileCases(*filing, *clerk, 3, error),
                 qPrintable(QString::fromStdString(error) + "\n" + server_.log()));
        QCOMPARE(kep::test::pullOffice(*pulling, error), std::size_t{3});
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(countIn(*database_, "SELECT count(*) FROM sync_entity") - before, std::int64_t{3});
        QVERIFY(countIn(*database_, "SELECT count(*) FROM devices") >= 2);
        QVERIFY(!QFileInfo::exists(server_.dataDir() + "/kep.db"));
    }

    void aSecondInitIsRefused() {
        ServerProcess other;
        const int init = other.runOnce(
            {"init", "--data", other.dataDir(), "--dsn", QString::fromStdString(dsn_)});
        QCOMPARE(init, 1);
        QVERIFY2(other.lastOutput().contains("already initialised"),
                 other.lastOutput().constData());
        QVERIFY(!other.lastOutput().contains(kPassword));
        // What it had written is removed again.
        QVERIFY(!QFileInfo::exists(other.dataDir() + "/ca.pem"));
        QVERIFY(!QFileInfo::exists(other.dataDir() + "/database-url"));
    }

    void thePasswordIsInNoOutputOrLog() {
        QVERIFY(!server_.log().contains(kPassword));
        QFile commands(server_.commandLogFile());
        QVERIFY(commands.open(QIODevice::ReadOnly));
        QVERIFY(!commands.readAll().contains(kPassword));
    }

    void cleanupTestCase() {
        if (server_.isRunning()) {
            QCOMPARE(server_.stop(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServeOnPostgres)
#include "tst_serve_on_postgres.moc"
