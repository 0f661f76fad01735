// `kep-server migrate-to-postgres` on a real installation (issue 10): a SQLite kep-server grown
// by desks' pushes and stopped, moved into a fresh PostgreSQL database of the ctest cluster —
// every table's count and the audit log (tree head, signed checkpoints) equal on both sides —
// then served from PostgreSQL, where a new desk pulls every case and files more; a target with
// data is refused, and so are a folder without kep.db and a bad command line.
#include "DeskFlow.h"
#include "TestServerStore.h"

#include <QFileInfo>
#include <QTest>

using kep::test::ServerProcess;
using kep::test::SyncTestKit;
using kep::test::TestServerDatabase;

namespace {

constexpr int kCasesFiled = 40;

QString dsnOf(const TestServerDatabase& database) {
    return QString::fromStdString(database.location());
}

}  // namespace

class tst_MigrateToPostgres : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    std::unique_ptr<TestServerDatabase> database_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;

private slots:
    // The installation: demo data, two desks of 0101 and 40 cases, a signed checkpoint.
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        database_ = std::make_unique<TestServerDatabase>(scratch_.path().toStdString());
        QVERIFY2(database_->isPostgres(), "run with KEP_TEST_BACKEND=postgres (CMakeLists.txt)");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        std::string error;
        QVERIFY2(kep::test::fileCases(*desk, *clerk, kCasesFiled, error), error.c_str());
        QCOMPARE(server_.stop(), 0);
        QCOMPARE(server_.runOnce({"audit", "checkpoint", "--data", server_.dataDir()}), 0);
    }

    void movesEveryTableAndTheAuditLog() {
        const int code = server_.runOnce(
            {"migrate-to-postgres", "--data", server_.dataDir(), "--dsn", dsnOf(*database_)});
        const auto output = server_.lastOutput();
        QVERIFY2(code == 0, output.constData());
        QVERIFY2(!output.contains("DIFFERS"), output.constData());
        QVERIFY2(output.contains("(equal, every checkpoint verifies)"), output.constData());
        // Cases, users and the log as they were counted on SQLite, now in PostgreSQL.
        auto db = database_->connect();
        auto cases = db.prepare("SELECT count(*) FROM sync_entity WHERE entity_type = 'case'");
        QVERIFY(cases.step());
        QCOMPARE(cases.int64(0), std::int64_t{kCasesFiled});
        QVERIFY(QFileInfo::exists(server_.dataDir() + "/database-url"));
        QVERIFY(QFileInfo::exists(server_.dataDir() + "/kep.db"));
    }

    // Served from PostgreSQL (found through DIR/database-url): a desk enrolled now pulls
    // every case filed on SQLite, and what it files lands after them.
    void servesWhatWasMoved() {
        QVERIFY2(server_.serve(), qPrintable(server_.errorString()));
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        std::string error;
        QCOMPARE(kep::test::pullOffice(*desk, error), std::size_t{kCasesFiled});
        QVERIFY2(error.empty(), error.c_str());
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        QVERIFY2(kep::test::fileCases(*desk, *clerk, 2, error),
                 qPrintable(QString::fromStdString(error) + "\n" + server_.log()));
        QCOMPARE(kep::test::pullOffice(*desk, error), std::size_t{kCasesFiled + 2});
        QVERIFY2(server_.log().contains("\"database\":\"postgresql://"), server_.log().constData());
        QCOMPARE(server_.stop(), 0);
        QCOMPARE(server_.runOnce({"audit", "verify", "--data", server_.dataDir()}), 0);
    }

    void refusesATargetWithData() {
        ServerProcess other;
        QVERIFY2(other.init(), qPrintable(other.errorString()));
        const int code = other.runOnce(
            {"migrate-to-postgres", "--data", other.dataDir(), "--dsn", dsnOf(*database_)});
        QCOMPARE(code, 1);
        QVERIFY2(other.lastOutput().contains("is not empty"), other.lastOutput().constData());
        QVERIFY(!QFileInfo::exists(other.dataDir() + "/database-url"));
    }

    void refusesWhatIsNoInstallation_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("no kep.db")
            << QStringList{"--data", "/nonexistent/kep", "--dsn", "x=y"} << 1 << "does not exist";
        QTest::newRow("no --dsn") << QStringList{"--data", "/tmp"} << 2
                                  << "needs --data DIR and --dsn";
        QTest::newRow("unknown option")
            << QStringList{"--data", "/tmp", "--dsn", "x", "--fast", "yes"} << 2
            << "unknown argument '--fast'";
    }

    void refusesWhatIsNoInstallation() {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, says);
        QCOMPARE(server_.runOnce(QStringList{"migrate-to-postgres"} + arguments), code);
        QVERIFY2(server_.lastOutput().contains(says.toUtf8()), server_.lastOutput().constData());
    }
};

QTEST_GUILESS_MAIN(tst_MigrateToPostgres)
#include "tst_migrate_to_postgres.moc"
