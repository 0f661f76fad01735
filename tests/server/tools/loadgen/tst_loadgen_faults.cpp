// kep-loadgen through the fault proxy while faults are switched on and off during the sync:
// after healing every outbox drains, every acknowledged case is on the server exactly once, and
// the run ends within a time budget (no desk stalls behind a fault it already got over).
#include "FaultProxy.h"
#include "LoadgenProcess.h"
#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QTest>

#include <functional>

using kep::test::FaultProxy;
using kep::test::LoadgenProcess;
using kep::test::ServerProcess;
using kep::test::summaryCount;
using namespace std::chrono_literals;

namespace {

using Fault = FaultProxy::Fault;

// One step of a schedule: what to do to the proxy, then how long to leave it so.
struct Step {
    std::function<void(FaultProxy&)> act;
    int holdMs = 0;
};
using Schedule = QList<Step>;

Step fault(Fault f, int holdMs) {
    return {[f](FaultProxy& p) { p.setFault(f); }, holdMs};
}
Step delay(int ms, int holdMs) {
    return {[ms](FaultProxy& p) { p.setDelay(std::chrono::milliseconds(ms)); }, holdMs};
}
Step cut(std::size_t bytes, int holdMs) {
    return {[bytes](FaultProxy& p) { p.setCutAfter(bytes); }, holdMs};
}
Step heal(int holdMs) {
    return {[](FaultProxy& p) { p.heal(); }, holdMs};
}

qint64 errorCount(const QJsonObject& summary) {
    qint64 total = 0;
    for (const auto& value : summary.value("errors").toObject()) {
        total += static_cast<qint64>(value.toDouble());
    }
    return total;
}

}  // namespace

Q_DECLARE_METATYPE(Schedule)

class tst_LoadgenFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(false, {"--enrol-attempts-per-minute", "100000"}),
                 qPrintable(server_.errorString()));
    }

    void convergesAfterHealing_data() {
        QTest::addColumn<Schedule>("schedule");
        QTest::addColumn<bool>("mustFail");  // the fault is one no request can get through
        QTest::newRow("delay") << Schedule{delay(300, 3000)} << false;
        QTest::newRow("drop") << Schedule{fault(Fault::Drop, 3000)} << true;
        QTest::newRow("reset") << Schedule{fault(Fault::Reset, 3000)} << true;
        QTest::newRow("black hole") << Schedule{fault(Fault::BlackHole, 4000)} << true;
        QTest::newRow("cut mid-stream") << Schedule{cut(1500, 3000)} << true;
        // Open connections are cut as well, so that the desks must connect and be refused.
        QTest::newRow("refused") << Schedule{{[](FaultProxy& p) {
                                                  p.setFault(Fault::Refuse);
                                                  p.resetOpenConnections();
                                              },
                                              3000}}
                                 << true;
        QTest::newRow("one after another") << Schedule{fault(Fault::Reset, 800),
                                                       heal(500),
                                                       fault(Fault::Drop, 1500),
                                                       heal(300),
                                                       fault(Fault::BlackHole, 2500),
                                                       heal(300),
                                                       delay(200, 1000)}
                                           << true;
    }
    void convergesAfterHealing() {
        QFETCH(Schedule, schedule);
        QFETCH(bool, mustFail);
        FaultProxy proxy("127.0.0.1", server_.port());
        QVERIFY2(proxy.start(), proxy.errorString().c_str());

        const int desks = 4;
        const int cases = 12;
        QStringList arguments =
            LoadgenProcess::serverArguments(server_, QString::fromStdString(proxy.url()));
        arguments << "--desks" << QString::number(desks) << "--cases-per-desk"
                  << QString::number(cases) << "--desks-per-office"
                  << "2"
                  << "--duration"
                  << "6"
                  << "--threads"
                  << "4"
                  << "--request-timeout-ms"
                  << "3000"
                  << "--max-backoff-ms"
                  << "2000"
                  << "--deadline"
                  << "150"
                  << "--seed"
                  << "3";
        LoadgenProcess loadgen;
        QVERIFY(loadgen.start(arguments));
        QVERIFY2(loadgen.waitForProgress("syncing", 60000), qPrintable(loadgen.errors()));

        QTest::qWait(1000);  // some cases reach the server before the first fault
        for (const Step& step : schedule) {
            step.act(proxy);
            QTest::qWait(step.holdMs);
        }
        proxy.heal();
        QElapsedTimer sinceHealed;
        sinceHealed.start();
        const int exitCode = loadgen.finish(120000);
        QVERIFY2(exitCode == 0, qPrintable(QString::number(exitCode) + ": " + loadgen.errors()));
        // Filing goes on until 6 s after the start; after that only the backoff (≤ 2 s) and the
        // draining of the outboxes may take time.
        QVERIFY2(sinceHealed.elapsed() < 30000, qPrintable(QString::number(sinceHealed.elapsed())));

        const auto s = loadgen.summary();
        QVERIFY2(!s.isEmpty(), qPrintable(loadgen.errors()));
        if (mustFail) {
            QVERIFY2(errorCount(s) > 0, "the fault never reached a desk");
        } else {
            QVERIFY(summaryCount(s, "push", "requests") > 0);
        }
        QCOMPARE(summaryCount(s, "ops", "pending"), 0);
        QCOMPARE(summaryCount(s, "ops", "acked"), summaryCount(s, "ops", "queued"));
        QCOMPARE(summaryCount(s, "ops", "rejected"), 0);
        QVERIFY(s.value("drained").toBool());
        QVERIFY2(s.value("check").toObject().value("ok").toBool(), qPrintable(loadgen.errors()));
        QCOMPARE(summaryCount(s, "check", "expected_cases"), qint64{desks} * cases);
        QCOMPARE(summaryCount(s, "check", "cases_on_server"), qint64{desks} * cases);
        QCOMPARE(summaryCount(s, "check", "in_doubt"), 0);
    }

private:
    ServerProcess server_;
};

QTEST_GUILESS_MAIN(tst_LoadgenFaults)
#include "tst_loadgen_faults.moc"
