// Operations (issue 10): `kep-server backup` of a data folder filled with cases by kep-loadgen
// through a real kep-server (time, archive size, then the restore's time), and what the /metrics
// observer costs a request: two in-process HTTPS servers on one routing table, one counting and
// one not, asked in alternating rounds over keep-alive TLS; the ratio of their mean latencies.
// Protocol: tests/bench/README.md.
#include "BenchProtocol.h"
#include "ServerProcess.h"
#include "TestPki.h"
#include "http/Router.h"
#include "metrics/RequestMetrics.h"
#include "net/HttpsClient.h"
#include "net/HttpsServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <numeric>
#include <streambuf>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using kep::bench::Mode;

struct Sizes {
    int desks;
    int casesPerDesk;
    int metricsRounds;
    int requestsPerRound;
};

Sizes sizesFor(Mode mode) {
    switch (mode) {
        case Mode::Full:
            return {50, 20'000, 10, 2'000};  // 1,000,000 cases
        case Mode::Quick:
            return {20, 5'000, 6, 1'000};  // 100,000
        case Mode::Smoke:
            return {4, 250, 2, 100};
    }
    return {4, 250, 2, 100};
}

// A server log nobody reads: both servers pay the same for it.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

struct InProcessServer {
    std::unique_ptr<kep::server::net::HttpsServer> server;
    std::thread thread;
    std::uint16_t port = 0;
};

InProcessServer startInProcess(const kep::http::Router& router, kep::log::Logger& logger,
                               const kep::test::TestPki& pki,
                               std::shared_ptr<kep::server::metrics::RequestMetrics> metrics) {
    kep::server::net::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 1;
    options.tls = {pki.server().certFile.toStdString(), pki.server().keyFile.toStdString(),
                   pki.caCertFile().toStdString()};
    options.requestMetrics = std::move(metrics);
    InProcessServer running;
    running.server = std::make_unique<kep::server::net::HttpsServer>(options, router, logger);
    running.port = running.server->listen();
    running.thread = std::thread([server = running.server.get()] { server->run(); });
    return running;
}

// Mean latency of `requests` GETs, in microseconds.
double meanMicroseconds(kep::net::HttpsClient& client, int requests) {
    const auto start = Clock::now();
    for (int i = 0; i < requests; ++i) {
        if (client.get("/api/v1/ping").status != 200) {
            throw std::runtime_error("the in-process server did not answer 200");
        }
    }
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / requests;
}

void measureMetricsCost(const Sizes& sizes) {
    kep::test::TestPki pki;
    if (!pki.isValid()) {
        throw std::runtime_error("TestPki: " + pki.errorString().toStdString());
    }
    kep::http::Router router;
    router.add(
        kep::http::Method::Get, "/api/v1/ping", kep::http::RouteAccess::publicRoute(),
        [](kep::http::Request&) { return kep::http::Response::json(200, R"({"status":"ok"})"); });
    std::vector<std::string> patterns;
    for (const auto& route : router.describe()) {
        patterns.push_back(route.pattern);
    }
    NullBuffer nothing;
    std::ostream nowhere(&nothing);
    kep::log::Logger logger(nowhere);
    auto counting = startInProcess(
        router, logger, pki, std::make_shared<kep::server::metrics::RequestMetrics>(patterns));
    auto plain = startInProcess(router, logger, pki, nullptr);
    kep::net::TlsOptions tls;
    tls.caFile = pki.caCertFile().toStdString();
    kep::net::HttpsClient withMetrics({"127.0.0.1", std::to_string(counting.port)}, tls);
    kep::net::HttpsClient without({"127.0.0.1", std::to_string(plain.port)}, tls);
    meanMicroseconds(withMetrics, 50);  // handshakes and warm caches out of the measurement
    meanMicroseconds(without, 50);
    std::vector<double> with;
    std::vector<double> base;
    for (int round = 0; round < sizes.metricsRounds; ++round) {
        // Alternating, and each round starting with the other: drift in the machine's load
        // falls on both alike.
        if (round % 2 == 0) {
            with.push_back(meanMicroseconds(withMetrics, sizes.requestsPerRound));
            base.push_back(meanMicroseconds(without, sizes.requestsPerRound));
        } else {
            base.push_back(meanMicroseconds(without, sizes.requestsPerRound));
            with.push_back(meanMicroseconds(withMetrics, sizes.requestsPerRound));
        }
    }
    counting.server->stop();
    plain.server->stop();
    counting.thread.join();
    plain.thread.join();
    const auto mean = [](const std::vector<double>& v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    };
    // The median of the rounds' ratios: one round slowed by the machine's other work moves it
    // least.
    std::vector<double> ratios;
    for (std::size_t i = 0; i < with.size(); ++i) {
        ratios.push_back(with[i] / base[i]);
    }
    std::sort(ratios.begin(), ratios.end());
    const double median = ratios.size() % 2 == 1
                              ? ratios[ratios.size() / 2]
                              : (ratios[ratios.size() / 2 - 1] + ratios[ratios.size() / 2]) / 2;
    std::printf("request mean over %d rounds: %.1f us with the metrics observer, %.1f us without\n",
                sizes.metricsRounds, mean(with), mean(base));
    kep::bench::row("server_ops.request_latency_with_metrics_ratio", median, "ratio", "<", 1.05);
}

// The observer alone, on the request path's own call: what a request pays for being counted.
void measureObserveCall(const std::vector<std::string>& patterns) {
    kep::server::metrics::RequestMetrics metrics(patterns);
    constexpr int kCalls = 2'000'000;
    const auto start = Clock::now();
    for (int i = 0; i < kCalls; ++i) {
        metrics.observe(patterns[static_cast<std::size_t>(i) % patterns.size()],
                        i % 16 == 0 ? 404 : 200, std::chrono::microseconds(150 + i % 1000));
    }
    const double ns =
        std::chrono::duration<double, std::nano>(Clock::now() - start).count() / kCalls;
    kep::bench::row("server_ops.metrics_observe_ns", ns, "ns", "<", 1000);
}

void measureBackup(const Sizes& sizes) {
    kep::test::ServerProcess server;
    if (!server.start(false, {"--sign-in-attempts-per-minute", "1000000",
                              "--enrol-attempts-per-minute", "1000000"})) {
        throw std::runtime_error("kep-server: " + server.errorString().toStdString());
    }
    const auto cases = static_cast<qint64>(sizes.desks) * sizes.casesPerDesk;
    QProcess loadgen;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert("KEP_ADMIN_PASSWORD", kep::test::ServerProcess::kAdminPassword);
    loadgen.setProcessEnvironment(environment);
    loadgen.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer filling;
    filling.start();
    loadgen.start(QStringLiteral(KEP_BINARY_DIR "/bin/kep-loadgen"),
                  {"--server", server.url(), "--ca", server.caFile(), "--admin-cert",
                   server.adminPem(), "--desks", QString::number(sizes.desks), "--cases-per-desk",
                   QString::number(sizes.casesPerDesk), "--approve-percent", "0", "--push-batch",
                   "500", "--deadline", "1800"});
    if (!loadgen.waitForFinished(1900 * 1000) || loadgen.exitCode() != 0) {
        throw std::runtime_error("kep-loadgen failed: " + loadgen.readAll().toStdString());
    }
    std::printf("filled %lld cases through kep-loadgen in %.1f s\n", static_cast<long long>(cases),
                static_cast<double>(filling.elapsed()) / 1000.0);

    const auto archive = server.dataDir() + "/../kep-backup.tar";
    kep::test::ServerProcess tool;
    QElapsedTimer timer;
    timer.start();
    if (tool.runOnce({"backup", "--data", server.dataDir(), "--to", archive}, 1800 * 1000) != 0) {
        throw std::runtime_error("backup failed: " + tool.lastOutput().toStdString());
    }
    const double backupSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
    const double megabytes = static_cast<double>(QFileInfo(archive).size()) / 1e6;
    std::printf("%s", tool.lastOutput().constData());
    server.stop();

    timer.restart();
    if (tool.runOnce({"restore", "--from", archive, "--data", server.dataDir() + "/../restored"},
                     1800 * 1000) != 0) {
        throw std::runtime_error("restore failed: " + tool.lastOutput().toStdString());
    }
    const double restoreSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
    std::printf("%s", tool.lastOutput().constData());
    // Per million cases, so that every mode gives comparable rows; 60 s for a million is what
    // a nightly backup window with room to spare asks.
    const double perMillion = 1e6 / static_cast<double>(cases);
    std::printf("backup of %lld cases: %.2f s, %.1f MB; restore %.2f s\n",
                static_cast<long long>(cases), backupSeconds, megabytes, restoreSeconds);
    kep::bench::row("server_ops.backup_s_per_million_cases", backupSeconds * perMillion, "s", "<",
                    60);
    // The archive is the database's size and a little (tar headers, the other files): the
    // size row is informational, the ratio is the format's own overhead.
    kep::bench::row("server_ops.backup_mb_per_million_cases", megabytes * perMillion, "MB", "<",
                    10000);
    kep::bench::row("server_ops.backup_archive_to_database_ratio",
                    static_cast<double>(QFileInfo(archive).size()) /
                        static_cast<double>(QFileInfo(server.dataDir() + "/kep.db").size()),
                    "ratio", "<", 1.1);
    kep::bench::row("server_ops.restore_s_per_million_cases", restoreSeconds * perMillion, "s", "<",
                    120);
}

}  // namespace

int main(int argc, char** argv) {
    const auto mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    QCoreApplication app(argc, argv);
    try {
        const auto sizes = sizesFor(*mode);
        measureMetricsCost(sizes);
        measureObserveCall({"/healthz", "/readyz", "/metrics", "/api/v1/sync/push",
                            "/api/v1/sync/pull", "/api/v1/sync/ws", "/api/v1/cases/{id}/result",
                            "/api/v1/catalogue/search", "/api/v1/attachments/{sha256}"});
        measureBackup(sizes);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server_ops: %s\n", error.what());
        return 1;
    }
}
