// The metrics' own units without a server: the exposition's escaping and number format, the
// request counters' status slots and cumulative buckets, and who counts as loopback.
#include "metrics/Exposition.h"
#include "metrics/MetricsRoute.h"
#include "metrics/RequestMetrics.h"

#include <QTest>

using kep::server::metrics::Exposition;
using kep::server::metrics::RequestMetrics;

class tst_RequestMetrics : public QObject {
    Q_OBJECT

private slots:
    void labelValuesAreEscaped() {
        Exposition out;
        out.family("x_total", "counter", "a \\ help\nline");
        out.sample("x_total", {{"route", "a\"b\\c\nd"}}, std::uint64_t{3});
        out.sample("y", {}, 0.25);
        QCOMPARE(QString::fromStdString(out.text()),
                 QString("# HELP x_total a \\\\ help\\nline\n# TYPE x_total counter\n"
                         "x_total{route=\"a\\\"b\\\\c\\nd\"} 3\ny 0.25\n"));
    }

    void requestsLandInTheirRouteStatusAndBucket_data() {
        QTest::addColumn<QString>("route");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("microseconds");
        QTest::addColumn<QString>("counted");
        QTest::addColumn<QString>("firstBucket");
        QTest::newRow("fast ok") << "/healthz" << 200 << 300
                                 << R"(kep_http_requests_total{route="/healthz",status="200"} 1)"
                                 << "0.0005";
        QTest::newRow("slow 503")
            << "/api/v1/x/{id}" << 503 << 700000
            << R"(kep_http_requests_total{route="/api/v1/x/{id}",status="503"} 1)"
            << "1";
        QTest::newRow("unknown route")
            << "/nope" << 404 << 2000 << R"(kep_http_requests_total{route="-",status="404"} 1)"
            << "0.0025";
        QTest::newRow("rare status")
            << "/healthz" << 418 << 20000000
            << R"(kep_http_requests_total{route="/healthz",status="other"} 1)"
            << "+Inf";
    }

    void requestsLandInTheirRouteStatusAndBucket() {
        QFETCH(QString, route);
        QFETCH(int, status);
        QFETCH(int, microseconds);
        QFETCH(QString, counted);
        QFETCH(QString, firstBucket);
        RequestMetrics metrics({"/healthz", "/api/v1/x/{id}"});
        metrics.observe(route.toStdString(), status, std::chrono::microseconds(microseconds));
        Exposition out;
        metrics.writeTo(out);
        const auto text = QString::fromStdString(out.text());
        QVERIFY2(text.contains(counted + "\n"), qPrintable(text));
        // Cumulative: the first bucket that holds the request and every later one say 1.
        const auto shown = route == "/nope" ? QString("-") : route;
        const QString bucket =
            QString(R"(kep_http_request_duration_seconds_bucket{route="%1",le="%2"} 1)")
                .arg(shown, firstBucket);
        QVERIFY2(text.contains(bucket + "\n"), qPrintable(bucket));
        const QString inf =
            QString(R"(kep_http_request_duration_seconds_bucket{route="%1",le="+Inf"} 1)")
                .arg(shown);
        QVERIFY(text.contains(inf + "\n"));
    }

    void loopbackIsTheHostOnly_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("v4") << "127.0.0.1" << true;
        QTest::newRow("v4 other") << "127.0.0.2" << true;
        QTest::newRow("v6") << "::1" << true;
        QTest::newRow("mapped") << "::ffff:127.0.0.1" << true;
        QTest::newRow("lan") << "10.0.0.7" << false;
        QTest::newRow("lookalike") << "1270.0.0.1" << false;
        QTest::newRow("v6 lan") << "fe80::1" << false;
    }

    void loopbackIsTheHostOnly() {
        QFETCH(QString, address);
        QFETCH(bool, loopback);
        QCOMPARE(kep::server::metrics::isLoopback(address.toStdString()), loopback);
    }
};

QTEST_GUILESS_MAIN(tst_RequestMetrics)
#include "tst_request_metrics.moc"
