// kep-server on PostgreSQL end to end over HTTPS, driven by kep-loadgen (issue 10, Performance),
// on a PostgreSQL cluster of the bench's own:
//   - pull p99 with 1,000 desks connected: every desk holds its nudge WebSocket open and files a
//     case every 20 s (full), pushing each and pulling its office, against one kep-server
//     (< 50 ms); the push and pull medians are shown beside it. Faster filing than the loadgen's
//     workers can sync keeps each desk pushing its backlog and pulling once at the end, so the
//     rate stays near the national busiest minute's (tens of syncs a second), not above it;
//   - three processes no slower than one: the same offline-first ingest by kep-loadgen against
//     one kep-server directly and against three behind HAProxy, all on the one database, in
//     alternating rounds (1, 3, 1, 3 …) so that the machine's other load falls on both alike;
//     durable ops/s of each and their ratio (>= 1).
// Protocol: tests/bench/README.md.
#include "BenchProtocol.h"
#include "ClusterKit.h"
#include "LoadgenProcess.h"
#include "server_sync_pg/PgBench.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using kep::bench::row;
using kep::test::Haproxy;
using kep::test::LoadgenProcess;
using kep::test::ServerCluster;
using kep::test::summaryCount;

struct Sizes {
    int pullDesks, pullCases, pullSeconds;
    int ingestDesks, ingestCases, rounds;
};

// kep-loadgen through `url` (process 1's own, or the balancer's) to its end.
QJsonObject runLoadgen(ServerCluster& cluster, const QString& url, const QStringList& extra) {
    return kep::test::runLoadgenToEnd(LoadgenProcess::serverArguments(cluster.at(0), url) + extra);
}

// The server's own timing of `route` (its JSON-lines request log, "ms"), at quantile `q`: what the
// request cost the server, without the loadgen's waiting for the two cores it shares.
double serverLatency(const QByteArray& log, const QString& route, double q) {
    std::vector<double> ms;
    for (const auto& line : log.split('\n')) {
        const auto entry = QJsonDocument::fromJson(line).object();
        if (entry.value("event").toString() == "request" &&
            entry.value("route").toString() == route) {
            ms.push_back(entry.value("ms").toDouble());
        }
    }
    if (ms.empty()) {
        throw std::runtime_error("the server logged no " + route.toStdString());
    }
    std::sort(ms.begin(), ms.end());
    return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))];
}

double latency(const QJsonObject& summary, const char* exchange, const char* percentile) {
    return summary.value(exchange).toObject().value(percentile).toDouble();
}

// (a) 1,000 desks on one process, each with its WebSocket open, filing and pulling.
void pullWithManyDesks(ServerCluster& cluster, const Sizes& sizes) {
    const auto s = runLoadgen(
        cluster, cluster.at(0).url(),
        {"--desks", QString::number(sizes.pullDesks), "--cases-per-desk",
         QString::number(sizes.pullCases), "--duration", QString::number(sizes.pullSeconds),
         "--desks-per-office", "10", "--threads", "32", "--deadline", "1800", "--websockets"});
    const QJsonObject sockets = s.value("websockets").toObject();
    std::printf(
        "pull: %d desks, %d nudge WebSockets open at the end; %lld pulls p50 %.1f ms p99 %.1f "
        "ms; %lld pushes p50 %.1f ms p99 %.1f ms; %lld ops in %.1f s after %.1f s of set-up\n",
        sizes.pullDesks, sockets.value("open_at_end").toInt(), summaryCount(s, "pull", "requests"),
        latency(s, "pull", "p50_ms"), latency(s, "pull", "p99_ms"),
        summaryCount(s, "push", "requests"), latency(s, "push", "p50_ms"),
        latency(s, "push", "p99_ms"), summaryCount(s, "ops", "acked"), s.value("sync_s").toDouble(),
        s.value("setup_s").toDouble());
    row("cluster.desks_connected", sockets.value("open_at_end").toDouble(), "desks",
        ">=", sizes.pullDesks);
    row("cluster.pull_p99_ms", latency(s, "pull", "p99_ms"), "ms", "<", 50);
    row("cluster.pull_p50_ms", latency(s, "pull", "p50_ms"), "ms", "<", 50);
    // The bench's processes are alone on the database until the ingest rounds: these are the
    // pulls above (and the set-up's, which are empty and cheap).
    const auto log = cluster.at(0).log();
    const QString pullRoute = QStringLiteral("/api/v1/sync/pull");
    row("cluster.pull_p99_ms_as_served", serverLatency(log, pullRoute, 0.99), "ms", "<", 50);
    row("cluster.pull_p50_ms_as_served", serverLatency(log, pullRoute, 0.5), "ms", "<", 50);
}

// One offline-first ingest run through `url`: durable ops acknowledged per second. One desk an
// office, so that the pulls after the pushes (not measured here) read each case once, not five
// times.
double ingestOpsPerSecond(ServerCluster& cluster, const QString& url, const Sizes& sizes) {
    const auto s =
        runLoadgen(cluster, url,
                   {"--desks", QString::number(sizes.ingestDesks), "--cases-per-desk",
                    QString::number(sizes.ingestCases), "--offline-first", "--push-batch", "500",
                    "--threads", "4", "--desks-per-office", "1", "--approve-percent", "0"});
    if (summaryCount(s, "ops", "acked") != qint64{sizes.ingestDesks} * sizes.ingestCases) {
        throw std::runtime_error("ingest: not every filed case was acknowledged");
    }
    return s.value("ingest_ops_per_s").toDouble();
}

double mean(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// (b) the same ingest against process 1 alone and against the three behind HAProxy, alternately.
void threeProcessesAgainstOne(ServerCluster& cluster, const Sizes& sizes) {
    Haproxy haproxy;
    if (!haproxy.start(cluster.ports())) {
        throw std::runtime_error(haproxy.errorString().toStdString());
    }
    std::vector<double> one, three;
    for (int round = 0; round < sizes.rounds; ++round) {
        one.push_back(ingestOpsPerSecond(cluster, cluster.at(0).url(), sizes));
        three.push_back(ingestOpsPerSecond(cluster, haproxy.url(), sizes));
        std::printf("ingest round %d: one process %.0f ops/s, three behind HAProxy %.0f ops/s\n",
                    round + 1, one.back(), three.back());
    }
    row("cluster.ingest_ops_per_s_1_process", mean(one), "ops/s", ">=", 10000);
    row("cluster.ingest_ops_per_s_3_processes", mean(three), "ops/s", ">=", 10000);
    row("cluster.three_processes_vs_one", mean(three) / mean(one), "ratio", ">=", 1);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Full: 1,000 desks; two rounds of 40,000 ops each way.
    return kep::bench::benchMain(
        argc, argv, "bench_cluster", Sizes{1000, 3, 60, 20, 2000, 2},
        Sizes{300, 3, 20, 10, 1000, 2}, Sizes{10, 2, 2, 2, 20, 1}, [](const Sizes& sizes) {
            const kep::bench::pg::Cluster postgres;
            ServerCluster cluster(3);
            if (!cluster.init(QString::fromStdString(postgres.dsn())) ||
                !cluster.serveAll(kep::test::manyDesksServeArguments())) {
                throw std::runtime_error(cluster.errorString().toStdString());
            }
            pullWithManyDesks(cluster, sizes);
            threeProcessesAgainstOne(cluster, sizes);
            return 0;
        });
}
