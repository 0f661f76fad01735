// The stats API's contract as the desk decodes it (docs/api.md, "Statistics"): every figure of an
// overview, nulls kept as "not known", procedures and offices with their sync lag, answers
// outside the contract refused; and the targets the client asks for, region names encoded.
#include "dashboard/StatsClient.h"
#include "dashboard/StatsReplies.h"

#include <QtTest>

using namespace kep::desk::dashboard;

class tst_StatsReplies : public QObject {
    Q_OBJECT

private slots:
    void overviewReadsEveryFigure() {
        const QByteArray body = R"({"scope":{"kind":"office","office":"0101","name":"ΚΕΠ Αθηνών",
            "region":"Αττική","offices":1,"from":"2026-02-23","to":"2026-03-24"},
            "filed":42,"by_status":{"submitted":5,"completed":30},
            "by_channel":{"counter":30,"remote":2,"govgr":8,"eugo":2},
            "filed_per_day":[{"date":"2026-03-23","count":4},{"date":"2026-03-24","count":6}],
            "backlog":12,"deadline":{"due_today":1,"due_this_week":3,"overdue":2},
            "processing_days":{"median":4.5,"p90":11.25,"completed":30},
            "deadline_compliance":0.9,"returned_rate":0.05,"rejected_rate":null,
            "online_share":0.238,"busiest_hours":[0,0,0,0,0,0,0,0,3,9,12,8,5,3,2,0,0,0,0,0,0,0,0,0]})";
        const auto o = readOverview(body);
        QVERIFY(o);
        QCOMPARE(o->scopeKind, QString("office"));
        QCOMPARE(o->office, QString("0101"));
        QCOMPARE(o->region, QString("Αττική"));
        QCOMPARE(o->from, QDate(2026, 2, 23));
        QCOMPARE(o->to, QDate(2026, 3, 24));
        QCOMPARE(o->filed, 42);
        QCOMPARE(o->byStatus.value("completed"), 30);
        QCOMPARE(o->byChannel.value("govgr"), 8);
        QCOMPARE(o->filedPerDay.size(), 2);
        QCOMPARE(o->filedPerDay[1].first, QDate(2026, 3, 24));
        QCOMPARE(o->filedPerDay[1].second, 6);
        QCOMPARE(o->backlog, 12);
        QCOMPARE(o->dueToday, 1);
        QCOMPARE(o->dueThisWeek, 3);
        QCOMPARE(o->overdue, 2);
        QCOMPARE(*o->processingDays.median, 4.5);
        QCOMPARE(*o->processingDays.p90, 11.25);
        QCOMPARE(o->processingDays.completed, 30);
        QCOMPARE(*o->deadlineCompliance, 0.9);
        QVERIFY(!o->rejectedRate);  // null: nothing to divide
        QCOMPARE(o->busiestHours.size(), 24);
        QCOMPARE(o->busiestHours[10], 12);
    }

    void nullProcessingTimeIsNotZero() {
        const auto o = readOverview(
            R"({"filed":0,"processing_days":{"median":null,"p90":null,"completed":0},
                "deadline_compliance":null})");
        QVERIFY(o);
        QVERIFY(!o->processingDays.median);
        QVERIFY(!o->processingDays.p90);
        QVERIFY(!o->deadlineCompliance);
    }

    void notTheContractIsRefused_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("an error") << QByteArray(R"({"error":{"code":"forbidden"}})");
        QTest::newRow("a list") << QByteArray("[]");
    }

    void notTheContractIsRefused() {
        QFETCH(QByteArray, body);
        QVERIFY(!readOverview(body));
        QVERIFY(!readProcedures(body));
        QVERIFY(!readOfficeStats(body));
    }

    void proceduresAndOffices() {
        const auto procedures = readProcedures(R"({"scope":{"kind":"national"},"procedures":[
            {"id":"900012","title":"Έκδοση πιστοποιητικού","title_en":"Certificate","filed":120,
             "processing_days":{"median":2.0,"p90":6.5,"completed":80},"deadline_compliance":0.95},
            {"id":"-","title":"","title_en":"","filed":3,
             "processing_days":{"median":null,"p90":null,"completed":0},
             "deadline_compliance":null}]})");
        QVERIFY(procedures);
        QCOMPARE(procedures->size(), 2);
        QCOMPARE((*procedures)[0].titleEn, QString("Certificate"));
        QCOMPARE((*procedures)[0].filed, 120);
        QCOMPARE(*(*procedures)[0].processingDays.p90, 6.5);
        QVERIFY(!(*procedures)[1].processingDays.median);

        const auto offices = readOfficeStats(R"({"offices":[
            {"code":"0101","name":"ΚΕΠ Αθηνών","region":"Αττική","filed":10,"backlog":4,
             "overdue":1,"processing_days":{"median":3,"p90":9,"completed":6},
             "deadline_compliance":1,"sync_lag_seconds":7200},
            {"code":"0202","name":"ΚΕΠ Πάτρας","region":"Δυτική Ελλάδα","filed":0,"backlog":0,
             "overdue":0,"processing_days":{"median":null,"p90":null,"completed":0},
             "deadline_compliance":null,"sync_lag_seconds":null}]})");
        QVERIFY(offices);
        QCOMPARE(offices->size(), 2);
        QCOMPARE((*offices)[0].syncLagSeconds.value_or(-1), 7200);
        QCOMPARE((*offices)[0].overdue, 1);
        QVERIFY(!(*offices)[1].syncLagSeconds);  // no desk ever synced
    }

    void targets() {
        QCOMPARE(StatsClient::overviewTarget(StatsScope::office("0101")),
                 QByteArray("/api/v1/stats/overview?office=0101"));
        QCOMPARE(StatsClient::overviewTarget({}), QByteArray("/api/v1/stats/overview"));
        QCOMPARE(StatsClient::overviewTarget(StatsScope::region("Αττική")),
                 QByteArray("/api/v1/stats/overview?region=%CE%91%CF%84%CF%84%CE%B9%CE%BA%CE%AE"));
        QCOMPARE(StatsClient::proceduresTarget({}, ProcedureOrder::Slowest, 20),
                 QByteArray("/api/v1/stats/procedures?order=slowest&limit=20"));
        QCOMPARE(StatsClient::officesTarget({}), QByteArray("/api/v1/stats/offices"));
    }
};

QTEST_GUILESS_MAIN(tst_StatsReplies)
#include "tst_statsreplies.moc"
