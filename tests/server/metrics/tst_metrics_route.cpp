// GET /metrics on a real kep-server: every line valid Prometheus text (0.0.4) with HELP and TYPE
// before each family's samples, request counters and histograms that move with requests, ops
// pushed by outcome, an office's sync lag; and /readyz failing while kep.db is moved away.
#include "SyncTestKit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <map>
#include <optional>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

struct Scrape {
    std::map<QString, double> samples;  // "name{labels}" → value
    QString problem;                    // the first invalid line, with why
};

// Parses the exposition text strictly: comment lines are HELP or TYPE, each family's HELP and
// TYPE come before its samples, sample names and labels follow the grammar.
Scrape parseExposition(const QString& text) {
    static const QRegularExpression help(QStringLiteral("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$"));
    static const QRegularExpression type(QStringLiteral(
        "^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"));
    static const QRegularExpression sample(QStringLiteral(
        "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\""
        "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? "
        "([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))$"));
    Scrape scrape;
    QSet<QString> helped;
    QSet<QString> typed;
    if (!text.endsWith('\n')) {
        scrape.problem = "the text does not end with a line feed";
    }
    for (const auto& line : text.split('\n', Qt::SkipEmptyParts)) {
        if (const auto m = help.match(line); m.hasMatch()) {
            helped.insert(m.captured(1));
            continue;
        }
        if (const auto m = type.match(line); m.hasMatch()) {
            typed.insert(m.captured(1));
            continue;
        }
        const auto m = sample.match(line);
        if (!m.hasMatch()) {
            scrape.problem = "invalid line: " + line;
            return scrape;
        }
        auto family = m.captured(1);
        for (const auto* suffix : {"_bucket", "_sum", "_count"}) {
            if (!helped.contains(family) && family.endsWith(suffix)) {
                family.chop(static_cast<int>(strlen(suffix)));
            }
        }
        if (!helped.contains(family) || !typed.contains(family)) {
            scrape.problem = "no HELP/TYPE before: " + line;
            return scrape;
        }
        scrape.samples[m.captured(1) + m.captured(2)] = m.captured(3).toDouble();
    }
    return scrape;
}

}  // namespace

class tst_MetricsRoute : public QObject {
    Q_OBJECT

    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> desk_;

    Scrape scrape() {
        auto client = kit_->identity().anonymousClient();
        const auto response = client->get("/metrics");
        Scrape result;
        if (response.status != 200) {
            result.problem = QStringLiteral("status %1").arg(response.status);
            return result;
        }
        return parseExposition(QString::fromStdString(response.body));
    }

    static double value(const Scrape& scrape, const QString& key) {
        const auto found = scrape.samples.find(key);
        return found == scrape.samples.end() ? 0.0 : found->second;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        desk_ = kit_->enrolDesk("0101");
        QVERIFY2(desk_, qPrintable(kit_->errorString()));
    }

    void theTextIsValidExposition() {
        const auto first = scrape();
        QVERIFY2(first.problem.isEmpty(), qPrintable(first.problem));
        QCOMPARE(value(first, "kep_desks_connected"), 0.0);
        QVERIFY(first.samples.contains(
            R"(kep_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"})"));
        QVERIFY(first.samples.contains(R"(kep_sync_ops_pushed_total{outcome="applied"})"));
    }

    void requestCountersAndHistogramsMove() {
        const auto before = scrape();
        auto client = kit_->identity().anonymousClient();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client->get("/healthz").status, 200);
        }
        QCOMPARE(client->get("/no/such/route").status, 404);
        const auto after = scrape();
        QVERIFY2(after.problem.isEmpty(), qPrintable(after.problem));
        const QString ok = R"(kep_http_requests_total{route="/healthz",status="200"})";
        QCOMPARE(value(after, ok) - value(before, ok), 5.0);
        const QString missing = R"(kep_http_requests_total{route="-",status="404"})";
        QCOMPARE(value(after, missing) - value(before, missing), 1.0);
        const QString count = R"(kep_http_request_duration_seconds_count{route="/healthz"})";
        QCOMPARE(value(after, count) - value(before, count), 5.0);
        const QString inf =
            R"(kep_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"})";
        QCOMPARE(value(after, inf), value(after, count));
        QVERIFY(value(after, R"(kep_http_request_duration_seconds_sum{route="/healthz"})") > 0);
    }

    void pushedOpsAndTheOfficeLagAreCounted() {
        const auto before = scrape();
        auto clerk = kit_->actor(*desk_, "clerk");
        QVERIFY(clerk);
        const auto batch = desk_->batch({desk_->newCase(*clerk), desk_->newCase(*clerk)});
        const auto answer = desk_->transport->push(batch);
        QVERIFY(std::holds_alternative<kep::sync::PushResponse>(answer));
        QVERIFY(desk_->transport->push(batch).index() == 0);  // the same ops again: duplicates
        const QString applied = R"(kep_sync_ops_pushed_total{outcome="applied"})";
        const QString duplicate = R"(kep_sync_ops_pushed_total{outcome="duplicate"})";
        const QString lag = R"(kep_office_sync_lag_seconds{office="0101"})";
        Scrape after;
        // The stats job writes the desks' last sync down about once a second.
        QTRY_VERIFY_WITH_TIMEOUT((after = scrape()).samples.contains(lag), 10000);
        QCOMPARE(value(after, applied) - value(before, applied), 2.0);
        QCOMPARE(value(after, duplicate) - value(before, duplicate), 2.0);
        QVERIFY2(value(after, lag) < 60, qPrintable(QString::number(value(after, lag))));
    }

    // Prometheus's own content type; the refusal of other addresses is the unit test's
    // (tst_request_metrics: isLoopback), since this test cannot connect from another host.
    void theContentTypeIsPrometheusText() {
        auto client = kit_->identity().anonymousClient();
        const auto response = client->get("/metrics");
        QCOMPARE(response.status, 200);
        const auto type = response.header("Content-Type");
        QVERIFY(type && type->starts_with("text/plain; version=0.0.4"));
    }

    // kep.db moved away under the running server (an operator's mistake, a failed mount):
    // /readyz says 503 while /healthz still answers, and recovers once the file is back.
    void readinessFollowsTheDatabaseFile() {
        auto client = kit_->identity().anonymousClient();
        QCOMPARE(client->get("/readyz").status, 200);
        const auto database = server_.dataDir() + "/kep.db";
        QVERIFY(QFile::rename(database, database + ".away"));
        const auto away = client->get("/readyz");
        QVERIFY(QFile::rename(database + ".away", database));
        QCOMPARE(away.status, 503);
        QCOMPARE(client->get("/healthz").status, 200);
        QCOMPARE(client->get("/readyz").status, 200);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_MetricsRoute)
#include "tst_metrics_route.moc"
