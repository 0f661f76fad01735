// The statistics from a sequence of case changes: the stats job follows the change log of a real
// kep.db and the figures read back are exact — filings by day, channel and hour, statuses and
// backlog, the deadline radar, compliance with the time awaiting documents excluded, median and
// p90 within the histogram's resolution, clerks' workload — also across a restart of the job.
#include <QTemporaryDir>
#include <QTest>

#include "TestServerStore.h"
#include "db/Database.h"
#include "stats/AggregateJob.h"
#include "stats/CaseContribution.h"
#include "stats/DurationHistogram.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"
#include "sync/SyncRowJson.h"

#include <chrono>
#include <cmath>
#include <map>
#include <optional>

using namespace std::chrono;
using kep::server::stats::AggregateJob;
using kep::server::stats::Period;
using kep::server::stats::ProcedureOrder;
using kep::server::stats::StatsQueries;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// Milliseconds since the epoch of a UTC date and time (Greece is UTC+2 in early March).
std::int64_t utcMs(year_month_day date, int hour, int minute = 0) {
    return duration_cast<milliseconds>(
               (sys_days{date} + hours{hour} + minutes{minute}).time_since_epoch())
        .count();
}

constexpr year_month_day march(unsigned day) {
    return year_month_day{year{2026}, March, std::chrono::day{day}};
}

// A kep.db whose change log the test writes as SqliteSyncServerStore would: one row per change,
// the fields it wrote, the case's bucket and version.
class CaseLog {
public:
    CaseLog() {
        auto store = database_.createStore();
        store->addOffice({"0101", "ΚΕΠ Αθηνών", "Αττική"});
        store->addOffice({"0202", "ΚΕΠ Θεσσαλονίκης", "Κεντρική Μακεδονία"});
        db_.emplace(database_.connect());
        queries_.emplace(std::make_shared<kep::server::stats::ReadConnections>(*db_));
    }

    kep::db::Database& db() { return *db_; }
    StatsQueries& queries() { return *queries_; }

    // A clerk's filing at `atMs` (status_at), as the sync core writes the create.
    void file(const std::string& id, const std::string& office, const std::string& procedure,
              std::int64_t atMs, const std::string& due = {}, const std::string& channel = {},
              const std::string& role = "clerk", const std::string& status = "submitted") {
        kep::sync::FieldMap fields{{"procedure_id", procedure},
                                   {"status", status},
                                   {"status_at", std::to_string(atMs)},
                                   {"status_role", role},
                                   {"filed_by", "user-" + office + "-" + role},
                                   {"protocol_number", "0101/2026/" + id}};
        if (!due.empty()) {
            fields["due_date"] = due;
        }
        if (!channel.empty()) {
            fields["channel"] = channel;
        }
        offices_[id] = office;
        append(id, fields);
    }
    void move(const std::string& id, const std::string& status, std::int64_t atMs) {
        append(id, {{"status", status},
                    {"status_at", std::to_string(atMs)},
                    {"status_role", "authority"}});
    }
    void set(const std::string& id, kep::sync::FieldMap fields) { append(id, std::move(fields)); }

    // Runs the stats job until the log is drained, as BackgroundJobs would.
    void aggregate() {
        AggregateJob job(*db_, nullptr);
        while (job.runOnce(7)) {
        }
    }

private:
    void append(const std::string& id, const kep::sync::FieldMap& fields) {
        db_->prepare(
               "INSERT INTO sync_change (seq, bucket, entity_type, entity_id, version, fields) "
               "VALUES (?1, ?2, 'case', ?3, ?4, ?5)")
            .bind(1, ++seq_)
            .bind(2, "office:" + offices_.at(id))
            .bind(3, id)
            .bind(4, ++versions_[id])
            .bind(5, kep::server::sync::encodeFieldMap(fields))
            .run();
    }

    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::optional<kep::db::Database> db_;
    std::optional<StatsQueries> queries_;
    std::int64_t seq_ = 0;
    std::map<std::string, std::int64_t> versions_;
    std::map<std::string, std::string> offices_;
};

const Period kEarlyMarch{march(1), march(14)};

bool withinResolution(std::optional<double> reported, double trueDays) {
    // A bucket's middle is within 2^(1/8) of every duration in it.
    return reported && *reported / trueDays <= std::exp2(0.125) + 1e-9 &&
           trueDays / *reported <= std::exp2(0.125) + 1e-9;
}

}  // namespace

class tst_StatsAggregates : public QObject {
    Q_OBJECT

private slots:
    void durationBuckets_data() {
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<int>("bucket");
        QTest::newRow("nothing") << qint64{0} << 0;
        QTest::newRow("two hours") << qint64{2 * kHourMs} << 0;
        QTest::newRow("three hours: 1/8 day") << qint64{3 * kHourMs} << 1;
        QTest::newRow("one day") << qint64{kDayMs} << 13;
        QTest::newRow("just under two days") << qint64{2 * kDayMs - 1} << 16;
        QTest::newRow("two days") << qint64{2 * kDayMs} << 17;
        QTest::newRow("decades: the last bucket") << qint64{20'000 * kDayMs} << 60;
    }
    void durationBuckets() {
        QFETCH(qint64, durationMs);
        QFETCH(int, bucket);
        QCOMPARE(kep::server::stats::durationBucket(durationMs), bucket);
    }

    // Filings by Greek day, channel and hour: 21:30 UTC on 2 March is 23:30 in Athens, 22:30 UTC
    // is already 3 March; a draft is not filed.
    void filingsByDayChannelAndHour() {
        CaseLog log;
        log.file("a", "0101", "p1", utcMs(march(2), 8, 30));
        log.file("b", "0101", "p2", utcMs(march(2), 21, 30), {}, "govgr", "gov_channel");
        log.file("c", "0202", "p1", utcMs(march(2), 22, 30), {}, "remote");
        log.file("d", "0202", "p1", utcMs(march(2), 9), {}, "counter", "clerk", "draft");
        log.aggregate();

        const auto nation = log.queries().overview({""}, {march(1), march(3)}, march(3));
        QCOMPARE(nation.filed, std::int64_t{3});
        QCOMPARE(nation.byChannel.at("counter"), std::int64_t{1});
        QCOMPARE(nation.byChannel.at("govgr"), std::int64_t{1});
        QCOMPARE(nation.byChannel.at("remote"), std::int64_t{1});
        QCOMPARE(nation.byChannel.at("eugo"), std::int64_t{0});
        QCOMPARE(nation.filedPerDay.size(), std::size_t{3});
        QCOMPARE(nation.filedPerDay[0].second, std::int64_t{0});
        QCOMPARE(nation.filedPerDay[1], (std::pair<std::string, std::int64_t>{"2026-03-02", 2}));
        QCOMPARE(nation.filedPerDay[2], (std::pair<std::string, std::int64_t>{"2026-03-03", 1}));
        QCOMPARE(nation.busiestHours[10], std::int64_t{1});
        QCOMPARE(nation.busiestHours[23], std::int64_t{1});
        QCOMPARE(nation.busiestHours[0], std::int64_t{1});
        QCOMPARE(nation.onlineShare.value_or(-1), 1.0 / 3.0);
        QCOMPARE(nation.byStatus.at("submitted"), std::int64_t{3});
        QVERIFY(!nation.byStatus.contains("draft"));

        const auto athens = log.queries().overview({"0101"}, {march(1), march(3)}, march(3));
        QCOMPARE(athens.filed, std::int64_t{2});
        const auto attica = log.queries().overview({kep::server::stats::regionScope("Αττική")},
                                                   {march(1), march(3)}, march(3));
        QCOMPARE(attica.filed, std::int64_t{2});  // the region's roll-up: 0101's
        QCOMPARE(attica.busiestHours[23], std::int64_t{1});
        const auto both = log.queries().overview({"0101", "0202"}, {march(3), march(3)}, march(3));
        QCOMPARE(both.filed, std::int64_t{1});  // offices side by side: the sum of theirs
        QCOMPARE(both.backlog, std::int64_t{3});
    }

    // A transition moves one case between statuses; returns and rejections are rates of the
    // cases filed in the period.
    void transitionsMoveCasesBetweenStatuses() {
        CaseLog log;
        const auto at = utcMs(march(2), 8);
        log.file("a", "0101", "p1", at, {}, {}, "clerk", "pending_approval");
        log.file("b", "0101", "p1", at);
        log.file("c", "0101", "p1", at);
        log.file("e", "0101", "p1", at);
        log.move("a", "returned_to_clerk", at + kHourMs);
        log.move("a", "submitted", at + 2 * kHourMs);
        log.move("b", "rejected", at + kHourMs);
        log.move("c", "withdrawn", at + kHourMs);
        log.aggregate();

        const auto office = log.queries().overview({"0101"}, kEarlyMarch, march(3));
        QCOMPARE(office.filed, std::int64_t{4});
        QCOMPARE(office.byStatus.at("submitted"), std::int64_t{2});
        QCOMPARE(office.byStatus.at("returned_to_clerk"), std::int64_t{0});
        QCOMPARE(office.byStatus.at("rejected"), std::int64_t{1});
        QCOMPARE(office.byStatus.at("withdrawn"), std::int64_t{1});
        QCOMPARE(office.backlog, std::int64_t{2});
        QCOMPARE(office.returnedRate.value_or(-1), 0.25);
        QCOMPARE(office.rejectedRate.value_or(-1), 0.25);
    }

    // The deadline radar on Tuesday 10 March: overdue, due today, due in the next six days; a
    // case awaiting documents is not counted against its deadline, a decided one not at all.
    void deadlineRadar() {
        CaseLog log;
        const auto at = utcMs(march(2), 8);
        log.file("overdue", "0101", "p1", at, "2026-03-09");
        log.file("today", "0101", "p1", at, "2026-03-10");
        log.file("week", "0101", "p1", at, "2026-03-16");
        log.file("later", "0101", "p1", at, "2026-03-17");
        log.file("waiting", "0101", "p1", at, "2026-03-05");
        log.move("waiting", "in_progress", at + kHourMs);
        log.move("waiting", "awaiting_documents", at + 2 * kHourMs);
        log.file("done", "0101", "p1", at, "2026-03-05");
        log.move("done", "in_progress", at + kHourMs);
        log.move("done", "completed", at + 2 * kHourMs);
        log.file("elsewhere", "0202", "p1", at, "2026-03-09");
        log.aggregate();

        const auto radar = log.queries().overview({"0101"}, kEarlyMarch, march(10)).deadline;
        QCOMPARE(radar.overdue, std::int64_t{1});
        QCOMPARE(radar.dueToday, std::int64_t{1});
        QCOMPARE(radar.dueThisWeek, std::int64_t{1});
        QCOMPARE(log.queries().overview({""}, kEarlyMarch, march(10)).deadline.overdue,
                 std::int64_t{2});

        // A due date set again moves the case on the radar.
        log.set("today", {{"due_date", "2026-03-08"}});
        log.aggregate();
        QCOMPARE(log.queries().overview({"0101"}, kEarlyMarch, march(10)).deadline.overdue,
                 std::int64_t{2});
    }

    // Both cases are due on Friday 6 March and completed on Monday 9 March. One waited for the
    // citizen's documents from Tuesday to Thursday: two working days (Wed, Thu) are added to its
    // deadline, so it is on time; the other is late.
    void awaitingDocumentsIsExcludedFromCompliance() {
        CaseLog log;
        const auto filed = utcMs(march(2), 8);
        for (const std::string id : {"waited", "late"}) {
            log.file(id, "0101", "p1", filed, "2026-03-06");
            log.move(id, "in_progress", filed + kHourMs);
        }
        log.move("waited", "awaiting_documents", utcMs(march(3), 8));
        log.move("waited", "in_progress", utcMs(march(5), 8));
        log.move("waited", "completed", utcMs(march(9), 8));
        log.move("late", "completed", utcMs(march(9), 8));
        log.aggregate();

        const auto office = log.queries().overview({"0101"}, kEarlyMarch, march(10));
        QCOMPARE(office.processing.completed, std::int64_t{2});
        QCOMPARE(office.processing.deadlineCompliance.value_or(-1), 0.5);
        // Processing time is filing to completion, waiting included: 7 days for both.
        QVERIFY(withinResolution(office.processing.medianDays, 7.0));

        const auto waited = kep::server::stats::AggregateStore(log.db()).loadCase("waited");
        QVERIFY(waited.has_value());
        QCOMPARE(waited->stoppedDays, 2);
        QCOMPARE(waited->awaitingMs, 2 * kDayMs);
    }

    // Median and p90 (nearest rank) of completed cases' processing times, within the
    // histogram's resolution (a bucket's middle is within 9.1% of every value in it).
    void medianAndP90_data() {
        QTest::addColumn<QList<double>>("days");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("p90");
        QTest::newRow("one to ten days")
            << QList<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 5.0 << 9.0;
        QTest::newRow("a long tail")
            << QList<double>{2, 2, 2, 2, 2, 3, 3, 3, 40, 120} << 2.0 << 40.0;
        QTest::newRow("one case") << QList<double>{12.5} << 12.5 << 12.5;
    }
    void medianAndP90() {
        QFETCH(QList<double>, days);
        QFETCH(double, median);
        QFETCH(double, p90);
        CaseLog log;
        const auto filed = utcMs(march(2), 8);
        for (int i = 0; i < days.size(); ++i) {
            const std::string id = "case" + std::to_string(i);
            log.file(id, "0101", "p1", filed);
            log.move(id, "completed",
                     filed + static_cast<std::int64_t>(days[i] * static_cast<double>(kDayMs)));
        }
        log.aggregate();
        const auto period = Period{march(1), year_month_day{year{2026}, July, day{31}}};
        const auto time = log.queries().overview({"0101"}, period, march(2)).processing;
        QCOMPARE(time.completed, std::int64_t(days.size()));
        QVERIFY2(withinResolution(time.medianDays, median),
                 qPrintable(QString::number(time.medianDays.value_or(-1))));
        QVERIFY2(withinResolution(time.p90Days, p90),
                 qPrintable(QString::number(time.p90Days.value_or(-1))));
        QVERIFY(!time.deadlineCompliance);  // no case had a due date
    }

    // Procedures: the most filed, and the slowest of those with enough completed cases; a
    // procedure changed after filing moves its case's counts.
    void proceduresTopAndSlowest() {
        CaseLog log;
        const auto filed = utcMs(march(2), 8);
        for (int i = 0; i < 6; ++i) {
            const std::string quick = "quick" + std::to_string(i);
            log.file(quick, "0101", "quick", filed);
            log.move(quick, "completed", filed + kDayMs);
            const std::string slow = "slow" + std::to_string(i);
            log.file(slow, "0202", "slow", filed);
            log.move(slow, "completed", filed + 9 * kDayMs);
        }
        log.file("few", "0101", "rare", filed);
        log.move("few", "completed", filed + 12 * kDayMs);  // one completion: not ranked slowest
        log.file("moved", "0101", "rare", filed);
        log.set("moved", {{"procedure_id", "quick"}});
        log.aggregate();

        const auto top = log.queries().procedures({""}, kEarlyMarch, ProcedureOrder::Top, 2);
        QCOMPARE(top.size(), std::size_t{2});
        QCOMPARE(top[0].id, std::string{"quick"});
        QCOMPARE(top[0].filed, std::int64_t{7});
        QCOMPARE(top[1].id, std::string{"slow"});
        QCOMPARE(top[1].processing.completed, std::int64_t{6});

        const auto slowest =
            log.queries().procedures({""}, kEarlyMarch, ProcedureOrder::Slowest, 10);
        QCOMPARE(slowest.size(), std::size_t{2});
        QCOMPARE(slowest[0].id, std::string{"slow"});
        QVERIFY(withinResolution(slowest[0].processing.medianDays, 9.0));
        QCOMPARE(slowest[0].filed, std::int64_t{6});
        QCOMPARE(slowest[1].id, std::string{"quick"});

        const auto athens = log.queries().procedures({"0101"}, kEarlyMarch, ProcedureOrder::Top, 5);
        QCOMPARE(athens.size(), std::size_t{2});
        QCOMPARE(athens[1].id, std::string{"rare"});
        QCOMPARE(athens[1].filed, std::int64_t{1});
    }

    // Offices side by side, and a clerk's workload: cases filed online are nobody's.
    void officesAndClerks() {
        CaseLog log;
        const auto filed = utcMs(march(2), 8);
        log.file("a", "0101", "p1", filed, "2026-03-03");
        log.file("b", "0101", "p1", filed, "2026-03-20");
        log.move("b", "completed", filed + kDayMs);
        log.file("c", "0101", "p1", filed, {}, "govgr", "gov_channel");
        log.file("d", "0202", "p1", filed);
        log.aggregate();

        const auto offices = log.queries().offices({"0101", "0202", "0303"}, kEarlyMarch, march(5));
        QCOMPARE(offices.size(), std::size_t{3});
        QCOMPARE(offices.at("0101").filed, std::int64_t{3});
        QCOMPARE(offices.at("0101").backlog, std::int64_t{2});
        QCOMPARE(offices.at("0101").overdue, std::int64_t{1});
        QCOMPARE(offices.at("0101").processing.completed, std::int64_t{1});
        QCOMPARE(offices.at("0202").filed, std::int64_t{1});
        QCOMPARE(offices.at("0303").filed, std::int64_t{0});

        const auto clerks = log.queries().clerks("0101", "2026-03");
        QCOMPARE(clerks.size(), std::size_t{1});
        QCOMPARE(clerks.at("user-0101-clerk").openCases, std::int64_t{1});
        QCOMPARE(clerks.at("user-0101-clerk").filedThisMonth, std::int64_t{2});
        QVERIFY(log.queries().clerks("0101", "2026-04").at("user-0101-clerk").filedThisMonth == 0);
    }

    // The job stops after any change and goes on from its durable cursor: the figures are the
    // same as in one pass, and nothing is counted twice.
    void restartCountsNothingTwice() {
        CaseLog log;
        const auto filed = utcMs(march(2), 8);
        log.file("a", "0101", "p1", filed, "2026-03-06");
        log.move("a", "in_progress", filed + kHourMs);
        {
            AggregateJob job(log.db(), nullptr);
            QVERIFY(job.runOnce(1));  // the filing only
        }
        log.move("a", "completed", filed + 3 * kDayMs);
        log.file("b", "0101", "p1", filed);
        log.aggregate();
        log.aggregate();

        const auto office = log.queries().overview({"0101"}, kEarlyMarch, march(10));
        QCOMPARE(office.filed, std::int64_t{2});
        QCOMPARE(office.byStatus.at("completed"), std::int64_t{1});
        QCOMPARE(office.byStatus.at("submitted"), std::int64_t{1});
        QCOMPARE(office.byStatus.at("in_progress"), std::int64_t{0});
        QCOMPARE(office.processing.completed, std::int64_t{1});
        QCOMPARE(office.processing.deadlineCompliance.value_or(-1), 1.0);
        AggregateJob job(log.db(), nullptr);
        QCOMPARE(job.cursor(), std::int64_t{4});
    }

    // When desks last synced: the latest times win, whatever order they are written in.
    void desksLastSeen() {
        CaseLog log;
        kep::server::stats::DeskActivity activity;
        activity.pulled("desk-1", 5'000);
        activity.pushed("desk-1", 3'000);
        activity.pushed("desk-2", 7'000);
        AggregateJob job(log.db(), &activity);
        QVERIFY(!job.runOnce());
        activity.pulled("desk-1", 4'000);  // older than what is written
        job.runOnce();
        const auto seen = log.queries().desksLastSeen();
        QCOMPARE(seen.size(), std::size_t{2});
        QCOMPARE(seen.at("desk-1"), std::int64_t{5'000});
        QCOMPARE(seen.at("desk-2"), std::int64_t{7'000});
    }
};

QTEST_APPLESS_MAIN(tst_StatsAggregates)
#include "tst_stats_aggregates.moc"
