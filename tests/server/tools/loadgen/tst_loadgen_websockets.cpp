// kep-loadgen --websockets against a real kep-server on loopback: every desk holds its nudge
// WebSocket open through the run and hears its office's pushes. The server pings every 500 ms
// and closes a socket after two unanswered pings (at the third tick, 1.5 s), so a desk whose
// socket is not read while the others sync (the fault that closed all 3,000 in the storm) loses
// it within the run. (Shorter intervals close live sockets too on a loaded machine, where a
// pong can wait behind other work for a few hundred milliseconds.)
#include "LoadgenProcess.h"
#include "ServerProcess.h"

#include <QTest>

using kep::test::LoadgenProcess;
using kep::test::ServerProcess;
using kep::test::summaryCount;

class tst_LoadgenWebSockets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(false, {"--enrol-attempts-per-minute", "100000",
                                       "--websocket-ping-ms", "500"}),
                 qPrintable(server_.errorString()));
    }

    // Online desks filing over four seconds: the sockets must live through several pings.
    void everySocketStaysOpenAndHearsItsOffice_data() {
        QTest::addColumn<int>("desks");
        QTest::addColumn<int>("desksPerOffice");
        QTest::addColumn<bool>("nudged");
        QTest::newRow("50 desks, 5 an office") << 50 << 5 << true;
        // Alone in its office a desk pushes, and the server nudges every desk but the pusher.
        QTest::newRow("6 desks, 1 an office: nobody to nudge them") << 6 << 1 << false;
    }
    void everySocketStaysOpenAndHearsItsOffice() {
        QFETCH(int, desks);
        QFETCH(int, desksPerOffice);
        QFETCH(bool, nudged);
        QStringList arguments = LoadgenProcess::serverArguments(server_);
        arguments << "--desks" << QString::number(desks) << "--cases-per-desk"
                  << "4"
                  << "--duration"
                  << "4"
                  << "--desks-per-office" << QString::number(desksPerOffice) << "--threads"
                  << "4"
                  << "--websockets";
        LoadgenProcess loadgen;
        QVERIFY(loadgen.start(arguments));
        QCOMPARE(loadgen.finish(120000), 0);
        const auto s = loadgen.summary();
        QVERIFY2(!s.isEmpty(), qPrintable(loadgen.errors()));
        const double held = s.value("websockets").toObject().value("held_s").toDouble();
        QVERIFY2(held >= 2.0, qPrintable(QString::number(held)));  // past the 1.5 s to close

        QCOMPARE(summaryCount(s, "websockets", "opened"), desks);
        QCOMPARE(summaryCount(s, "websockets", "failed"), 0);
        QCOMPARE(summaryCount(s, "websockets", "open_at_end"), desks);
        QCOMPARE(summaryCount(s, "websockets", "heard_own_office"), nudged ? desks : 0);
        if (nudged) {
            // Each push reaches the office's other desks: at least one nudge per desk.
            QVERIFY(summaryCount(s, "websockets", "nudges") >= desks);
        } else {
            QCOMPARE(summaryCount(s, "websockets", "nudges"), 0);
        }
        QVERIFY(!server_.log().contains("websocket_peer_dead"));
        QVERIFY(!server_.log().contains("websocket_slow_consumer"));
    }

    // Without --websockets the summary says so, rather than reporting zero sockets.
    void withoutTheOptionTheSummaryHasNoSockets() {
        QStringList arguments = LoadgenProcess::serverArguments(server_);
        arguments << "--desks"
                  << "2"
                  << "--cases-per-desk"
                  << "1";
        LoadgenProcess loadgen;
        QVERIFY(loadgen.start(arguments));
        QCOMPARE(loadgen.finish(60000), 0);
        QVERIFY(loadgen.summary().contains("websockets"));
        QVERIFY(loadgen.summary().value("websockets").isNull());
    }

private:
    ServerProcess server_;
};

QTEST_GUILESS_MAIN(tst_LoadgenWebSockets)
#include "tst_loadgen_websockets.moc"
