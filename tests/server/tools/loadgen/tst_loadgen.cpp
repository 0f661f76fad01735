// kep-loadgen against a real kep-server on loopback: small runs, online and offline first, whose
// summary counts add up and whose read-back check passes; the exit status of bad runs.
#include "LoadgenProcess.h"
#include "ServerProcess.h"

#include <QTest>

using kep::test::LoadgenProcess;
using kep::test::ServerProcess;
using kep::test::summaryCount;

class tst_Loadgen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(false, {"--enrol-attempts-per-minute", "100000"}),
                 qPrintable(server_.errorString()));
    }

    void runHoldsEveryAckedCase_data() {
        QTest::addColumn<bool>("offlineFirst");
        QTest::addColumn<int>("desks");
        QTest::addColumn<int>("cases");
        QTest::addColumn<int>("desksPerOffice");
        QTest::newRow("online") << false << 3 << 4 << 2;
        QTest::newRow("offline first, small batches") << true << 4 << 6 << 3;
    }
    void runHoldsEveryAckedCase() {
        QFETCH(bool, offlineFirst);
        QFETCH(int, desks);
        QFETCH(int, cases);
        QFETCH(int, desksPerOffice);
        QStringList arguments = LoadgenProcess::serverArguments(server_);
        arguments << "--desks" << QString::number(desks) << "--cases-per-desk"
                  << QString::number(cases) << "--desks-per-office"
                  << QString::number(desksPerOffice) << "--seed"
                  << "11"
                  << "--threads"
                  << "3"
                  << "--push-batch"
                  << "7";
        if (offlineFirst) {
            arguments << "--offline-first";
        }
        LoadgenProcess loadgen;
        QVERIFY(loadgen.start(arguments));
        QCOMPARE(loadgen.finish(120000), 0);
        const auto s = loadgen.summary();
        QVERIFY2(!s.isEmpty(), qPrintable(loadgen.errors()));

        const qint64 filed = qint64{desks} * cases;
        const qint64 approvals = summaryCount(s, "cases", "approvals_queued");
        QCOMPARE(summaryCount(s, "cases", "filed"), filed);
        QVERIFY(approvals >= 0 && approvals <= filed);
        // Each case: one create filed as pending_approval; plus the manager's approval.
        QCOMPARE(summaryCount(s, "ops", "queued"), filed + approvals);
        QCOMPARE(summaryCount(s, "ops", "acked"), summaryCount(s, "ops", "queued"));
        QCOMPARE(summaryCount(s, "ops", "applied"), summaryCount(s, "ops", "queued"));
        QCOMPARE(summaryCount(s, "ops", "pending"), 0);
        QCOMPARE(summaryCount(s, "ops", "rejected"), 0);
        QCOMPARE(summaryCount(s, "ops", "conflicts"), 0);
        QCOMPARE(summaryCount(s, "run", "offices"), (desks + desksPerOffice - 1) / desksPerOffice);
        QVERIFY(summaryCount(s, "push", "requests") > 0);
        QVERIFY(summaryCount(s, "pull", "requests") > 0);
        if (offlineFirst) {  // batches of 7 ops: a desk needs several pushes
            QVERIFY(summaryCount(s, "push", "requests") >= desks * ((cases + 6) / 7));
        }
        QVERIFY(s.value("drained").toBool());
        const auto check = s.value("check").toObject();
        QVERIFY2(check.value("ok").toBool(), qPrintable(loadgen.errors()));
        QCOMPARE(summaryCount(s, "check", "expected_cases"), filed);
        QCOMPARE(summaryCount(s, "check", "cases_on_server"), filed);
        QCOMPARE(summaryCount(s, "check", "missing"), 0);
        QCOMPARE(summaryCount(s, "check", "duplicated"), 0);
    }

    // The seed decides what is filed and approved (the ids and times differ from run to run).
    void sameSeedFilesTheSameWork() {
        auto run = [this](const QString& seed) {
            LoadgenProcess loadgen;
            QStringList arguments = LoadgenProcess::serverArguments(server_);
            arguments << "--desks"
                      << "2"
                      << "--cases-per-desk"
                      << "12"
                      << "--seed" << seed << "--offline-first";
            if (!loadgen.start(arguments) || loadgen.finish(120000) != 0) {
                return qint64{-1};
            }
            return summaryCount(loadgen.summary(), "cases", "approvals_queued");
        };
        const auto first = run("5");
        QVERIFY(first >= 0);
        QCOMPARE(run("5"), first);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no server") << QStringList{"--desks", "1"};
        QTest::newRow("no desks") << QStringList{"--server", "https://127.0.0.1:1", "--ca",
                                                 "a",        "--admin-cert",        "b"};
        QTest::newRow("unknown argument") << QStringList{"--desks", "1", "--frobnicate", "2"};
        QTest::newRow("zero desks") << QStringList{"--desks", "0"};
        QTest::newRow("bad run tag") << QStringList{"--run-tag", "abcd"};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        LoadgenProcess loadgen;
        QVERIFY(loadgen.start(arguments));
        QCOMPARE(loadgen.finish(10000), 2);
        QVERIFY(loadgen.errors().contains("usage: kep-loadgen"));
    }

    void wrongAdminPasswordCannotRun() {
        LoadgenProcess loadgen;
        QStringList arguments = LoadgenProcess::serverArguments(server_);
        arguments << "--desks"
                  << "1"
                  << "--cases-per-desk"
                  << "1";
        QVERIFY(loadgen.start(arguments, "not-the-admin-password"));
        QCOMPARE(loadgen.finish(30000), 3);
        QVERIFY(loadgen.errors().contains("401 invalid_credentials"));
        QVERIFY(!loadgen.errors().contains("not-the-admin-password"));
    }

private:
    ServerProcess server_;
};

QTEST_GUILESS_MAIN(tst_Loadgen)
#include "tst_loadgen.moc"
