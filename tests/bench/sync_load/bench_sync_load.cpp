// Sync end to end over HTTPS against a real kep-server on loopback (issue 6, Performance):
//   - durable ingest: kep-loadgen's offline-first desks push their outboxes in batches; cases
//     (one op each) acknowledged per second until the last push was answered (>= 20,000), and
//     the same run against kep-server on PostgreSQL (issue 10, >= 10,000 ops/s);
//   - the reconnection storm: N desks, each with 20 pending cases, all connecting at once,
//     seconds until every outbox drained and every desk pulled its office (target < 60 s for
//     3,000 desks; N is printed, since what this machine can set up decides it), every desk
//     holding its nudge WebSocket open throughout and hearing its office's pushes (all N);
//   - nudge to pulled: one desk pushes a case, another desk of the office hears the nudge on
//     /api/v1/sync/ws and pulls; p95 from the push being sent to the case in the replica (< 1 s).
// Protocol: tests/bench/README.md.
#include "BenchProtocol.h"
#include "ClusterKit.h"
#include "Fleet.h"
#include "LoadgenProcess.h"
#include "PgCluster.h"
#include "ServerProcess.h"
#include "net/HttpsClient.h"
#include "net/HttpsSyncTransport.h"
#include "net/SyncNudgeChannel.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace {

using kep::test::LoadgenProcess;
using kep::test::ServerProcess;
using kep::test::summaryCount;
using SteadyClock = std::chrono::steady_clock;

struct Sizes {
    int ingestDesks, ingestCases, stormDesks, nudges;
};

using kep::bench::row;

QStringList serveArguments() {
    return kep::test::manyDesksServeArguments();
}

QJsonObject runLoadgen(const ServerProcess& server, const QStringList& extra) {
    return kep::test::runLoadgenToEnd(LoadgenProcess::serverArguments(server) + extra);
}

double number(const QJsonObject& summary, const char* key) {
    return summary.value(QLatin1String(key)).toDouble();
}

// One ingest run of kep-loadgen against `server`, its figures printed under `store`'s name:
// ops acknowledged per second while pushing. Pulls come after the pushes, when every desk takes
// its office's cases; their latency is printed as well.
double ingestRun(const ServerProcess& server, const Sizes& sizes, const char* store) {
    const auto s = runLoadgen(
        server, {"--desks", QString::number(sizes.ingestDesks), "--cases-per-desk",
                 QString::number(sizes.ingestCases), "--offline-first", "--push-batch", "500",
                 "--threads", "4", "--desks-per-office", "5", "--approve-percent", "0"});
    const qint64 cases = summaryCount(s, "cases", "filed");
    const qint64 acked = summaryCount(s, "ops", "acked");
    const QJsonObject push = s.value("push").toObject();
    const QJsonObject pull = s.value("pull").toObject();
    std::printf(
        "ingest on %s: %lld cases in %lld ops from %d desks, push p50 %.1f ms p99 %.1f ms per "
        "batch of 500; %lld pulls, p50 %.1f ms p99 %.1f ms\n",
        store, cases, acked, sizes.ingestDesks, push.value("p50_ms").toDouble(),
        push.value("p99_ms").toDouble(), summaryCount(s, "pull", "requests"),
        pull.value("p50_ms").toDouble(), pull.value("p99_ms").toDouble());
    // A case is filed as one op (no approvals in this run), so the ops acknowledged per second
    // are cases per second; a run where that does not hold measures something else.
    if (cases != acked || cases != qint64{sizes.ingestDesks} * sizes.ingestCases) {
        throw std::runtime_error(std::string{"ingest on "} + store + ": " + std::to_string(cases) +
                                 " cases filed but " + std::to_string(acked) + " ops acknowledged");
    }
    return number(s, "ingest_ops_per_s");
}

// The same loadgen run against kep-server on SQLite (the default) and on PostgreSQL (issue 10:
// `init --dsn` on a throw-away cluster of the bench's own, durable like production).
void ingest(const Sizes& sizes) {
    double sqlite = 0;
    {
        ServerProcess server;
        if (!server.start(false, serveArguments())) {
            throw std::runtime_error(server.errorString().toStdString());
        }
        sqlite = ingestRun(server, sizes, "SQLite");
        server.stop();
    }
    row("sync_load.e2e_ingest_cases_per_s", sqlite, "cases/s", ">=", 20000);

    double postgres = 0;
    {
        const kep::bench::pg::Cluster cluster;  // outlives the server
        ServerProcess server;
        if (server.runOnce({"init", "--data", server.dataDir(), "--dsn",
                            QString::fromStdString(cluster.dsn())}) != 0) {
            throw std::runtime_error("kep-server init --dsn: " + server.lastOutput().toStdString());
        }
        if (!server.serve(serveArguments())) {
            throw std::runtime_error(server.errorString().toStdString());
        }
        postgres = ingestRun(server, sizes, "PostgreSQL");
        server.stop();
    }
    std::printf("ingest: PostgreSQL/SQLite %.2f\n", postgres / sqlite);
    row("sync_load.e2e_ingest_pg_ops_per_s", postgres, "ops/s", ">=", 10000);
}

void storm(const Sizes& sizes) {
    ServerProcess server;
    if (!server.start(false, serveArguments())) {
        throw std::runtime_error(server.errorString().toStdString());
    }
    const auto s =
        runLoadgen(server, {"--desks", QString::number(sizes.stormDesks), "--cases-per-desk", "20",
                            "--offline-first", "--threads", "16", "--desks-per-office", "10",
                            "--deadline", "1800", "--websockets"});
    std::printf(
        "storm: %d desks x 20 cases (%lld ops) synced in %.1f s after %.1f s of set-up; "
        "push p95 %.1f ms, pull p95 %.1f ms\n",
        sizes.stormDesks, summaryCount(s, "ops", "acked"), number(s, "sync_s"),
        number(s, "setup_s"), s.value("push").toObject().value("p95_ms").toDouble(),
        s.value("pull").toObject().value("p95_ms").toDouble());
    row("sync_load.reconnect_storm_s", number(s, "sync_s"), "s", "<", 60);
    // Every desk's nudge WebSocket open from before the storm to its end, and each of them
    // hearing its office's pushes: desks that failed to open, were closed on the way or heard
    // nothing are not counted.
    const QJsonObject sockets = s.value("websockets").toObject();
    std::printf(
        "storm: %d nudge WebSockets opened in %.1f s (%d refused), %d still open at the "
        "end %.1f s later, %d heard their office (%lld nudges)\n",
        sockets.value("opened").toInt(), sockets.value("open_s").toDouble(),
        sockets.value("failed").toInt(), sockets.value("open_at_end").toInt(),
        sockets.value("held_s").toDouble(), sockets.value("heard_own_office").toInt(),
        summaryCount(s, "websockets", "nudges"));
    row("sync_load.storm_desks_connected_and_nudged", sockets.value("heard_own_office").toDouble(),
        "desks", ">=", sizes.stormDesks);
}

// One desk of the bench's office, driven by the calling thread.
struct BenchDesk {
    BenchDesk(const kep::loadgen::DeskIdentity& identity, const kep::net::Endpoint& server,
              const std::string& caFile)
        : id(identity)
        , client(server, tls(caFile, identity), std::chrono::seconds(10))
        , transport(client)
        , ops(identity.deviceId, hlc, ids)
        , engine(config(identity), store, store, transport, hlc, now, [] { return 7u; }) {}

    static kep::net::TlsOptions tls(const std::string& caFile,
                                    const kep::loadgen::DeskIdentity& identity) {
        kep::net::TlsOptions t;
        t.caFile = caFile;
        t.clientCertFile = t.clientKeyFile = identity.credentialFile;
        return t;
    }
    static kep::sync::SyncClientConfig config(const kep::loadgen::DeskIdentity& identity) {
        kep::sync::SyncClientConfig c;
        c.deviceId = identity.deviceId;
        c.buckets = {"office:" + identity.office};
        return c;
    }
    static kep::sync::Instant now() {
        return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }
    void syncUntilIdle() {
        while (engine.step()) {
        }
    }

    kep::loadgen::DeskIdentity id;
    kep::domain::HybridLogicalClock hlc;
    kep::domain::UuidV7Generator ids;
    kep::sync::MemoryDeskStore store;
    kep::net::HttpsClient client;
    kep::net::HttpsSyncTransport transport;
    kep::sync::OutboxOpFactory ops;
    kep::sync::SyncClient engine;
};

void nudgeToPulled(const Sizes& sizes) {
    ServerProcess server;
    if (!server.start(false, serveArguments())) {
        throw std::runtime_error(server.errorString().toStdString());
    }
    kep::loadgen::LoadgenOptions options;
    options.server = server.url().toStdString();
    options.caFile = server.caFile().toStdString();
    options.adminCert = server.adminPem().toStdString();
    options.desks = 2;
    options.desksPerOffice = 2;
    const auto work = std::filesystem::path(server.dataDir().toStdString()) / "desks";
    std::filesystem::create_directories(work);
    const auto fleet = kep::loadgen::provisionFleet(options, "NDG", ServerProcess::kAdminPassword,
                                                    work, [](const std::string&) {});
    const auto endpoint = kep::net::Endpoint::fromUrl(options.server);
    BenchDesk writer(fleet.desks[0], endpoint, options.caFile);
    BenchDesk listener(fleet.desks[1], endpoint, options.caFile);
    writer.syncUntilIdle();
    listener.syncUntilIdle();

    // Measured from the moment the push was sent: the nudge goes out after the commit and often
    // overtakes the push's own answer, so this is an upper bound of nudge-to-pulled that includes
    // the push itself. Each side notes its time; the two are paired at the end.
    std::mutex mutex;
    std::map<std::string, SteadyClock::time_point> sentAt;    // case id → push sent
    std::map<std::string, SteadyClock::time_point> pulledAt;  // case id → in the replica
    std::atomic<bool> stop{false};
    kep::net::WebSocketClient socket(endpoint, BenchDesk::tls(options.caFile, fleet.desks[1]));
    kep::net::SyncNudgeChannel nudges(socket);
    nudges.open();
    const std::string bucket = "office:" + listener.id.office;
    std::thread hearing([&] {
        while (!stop) {
            const auto nudge = nudges.next(std::chrono::milliseconds(200));
            if (!nudge) {
                continue;
            }
            listener.engine.onNudge(*nudge);
            listener.syncUntilIdle();
            const auto now = SteadyClock::now();
            std::lock_guard lock(mutex);
            for (const auto& row : listener.store.rowsIn(bucket)) {
                pulledAt.emplace(row.ref.id, now);
            }
        }
    });
    std::vector<std::string> written;
    for (int i = 0; i < sizes.nudges; ++i) {
        const std::string caseId = writer.ids.next().toString();
        auto op = writer.ops.create({"case", caseId}, bucket, writer.id.clerk,
                                    {{"requires_approval", "true"}});
        writer.store.append(op, BenchDesk::now());
        writer.engine.requestSync();
        {
            std::lock_guard lock(mutex);
            sentAt[caseId] = SteadyClock::now();
        }
        writer.syncUntilIdle();
        written.push_back(caseId);
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    QElapsedTimer waited;
    waited.start();
    auto allPulled = [&] {
        std::lock_guard lock(mutex);
        return std::all_of(written.begin(), written.end(),
                           [&](const std::string& id) { return pulledAt.contains(id); });
    };
    while (!allPulled() && waited.elapsed() < 10000) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop = true;
    hearing.join();
    std::vector<double> latencies;
    for (const auto& id : written) {
        if (const auto pulled = pulledAt.find(id); pulled != pulledAt.end()) {
            latencies.push_back(std::max(
                0.0,
                std::chrono::duration<double, std::milli>(pulled->second - sentAt[id]).count()));
        }
    }
    const auto heard = latencies.size();
    std::sort(latencies.begin(), latencies.end());
    const double p95 = latencies.empty()
                           ? 1e9
                           : latencies[std::min(latencies.size() - 1, latencies.size() * 95 / 100)];
    std::printf("nudge: %zu of %d cases pulled after a nudge; p95 %.1f ms\n", heard, sizes.nudges,
                p95);
    // A case never pulled after its nudge counts as an infinitely late one.
    row("sync_load.nudge_to_pulled_p95_ms",
        heard == static_cast<std::size_t>(sizes.nudges) ? p95 : 1e9, "ms", "<", 1000);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    QCoreApplication app(argc, argv);
    Sizes sizes{20, 5000, 3000, 200};  // full: 100,000 ingested cases; the storm at 3,000 desks
    if (*mode == kep::bench::Mode::Quick) {
        sizes = {10, 1500, 200, 50};
    } else if (*mode == kep::bench::Mode::Smoke) {
        sizes = {2, 20, 5, 5};
    }
    try {
        ingest(sizes);
        storm(sizes);
        nudgeToPulled(sizes);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_sync_load: %s\n", error.what());
        return 1;
    }
    return 0;
}
