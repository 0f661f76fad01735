// What auditing reads costs (issue 9): request threads pull an office's bucket from kep-server's
// sync service over a real kep.db (WAL, synchronous=FULL), first as before, then with each pull's
// audit entry made durable through ReadAudit before the answer — so that concurrent pulls share
// one fsync. Reports both p99s (target: below 100 ms for 8 threads pulling 100 changes each at
// once), their ratio (auditing must not double the p99), and how many reads one commit carried.
// Usage: bench_server_audit_reads [--smoke | --quick]   (scratch files under $TMPDIR)
#include "BenchProtocol.h"
#include "audit/ReadAudit.h"
#include "events/EventHub.h"
#include "identity/AuditActor.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/OutboxOpFactory.h"
#include "storage/ServerStore.h"
#include "sync/SyncServices.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kep;

struct Sizes {
    int threads;         // the server's request threads, each pulling back to back
    int pullsPerThread;  // per phase (each phase runs twice)
    int cases;           // in the office's bucket
};

constexpr Sizes kFull{8, 250, 2'000};
constexpr Sizes kQuick{8, 100, 1'000};
constexpr Sizes kSmoke{4, 20, 100};
constexpr int kPullLimit = 100;
const std::string kBucket = "office:0101";
constexpr char kDevice[] = "0190a3c2-7d1e-7000-8000-00000000d001";

// Synthetic cases in the office's bucket, filed by one clerk at one desk.
void seed(server::sync::SyncService& service, int cases) {
    domain::HybridLogicalClock clock;
    domain::UuidV7Generator ids;
    sync::OutboxOpFactory factory(kDevice, clock, ids);
    const cases::Actor clerk{domain::newUuidV7().toString(), cases::ActorRole::Clerk};
    const server::sync::PushPermissions permissions{kBucket, {clerk.id}};
    std::int64_t seq = 1;
    for (int done = 0; done < cases;) {
        sync::PushRequest batch;
        batch.deviceId = kDevice;
        for (int i = 0; i < 500 && done < cases; ++i, ++done) {
            auto op = factory.create({"case", ids.next().toString()}, kBucket, clerk,
                                     {{"protocol_number", "0101/2026/" + std::to_string(done + 1)},
                                      {"procedure_id", "bench-procedure"}});
            op.deviceSeq = seq++;
            batch.ops.push_back(std::move(op));
        }
        service.push(kDevice, batch, permissions);
    }
}

// Every pull's latency in milliseconds, from `threads` threads pulling at once.
std::vector<double> pullLatencies(server::sync::SyncService& service, const Sizes& sizes,
                                  server::audit::ReadAudit* reads) {
    std::vector<std::vector<double>> perThread(static_cast<std::size_t>(sizes.threads));
    std::vector<std::thread> threads;
    for (int t = 0; t < sizes.threads; ++t) {
        threads.emplace_back([&, t] {
            const server::identity::AuditActor desk{"device", kDevice, "", "0101", kDevice, "sync"};
            for (int i = 0; i < sizes.pullsPerThread; ++i) {
                sync::PullRequest request;
                request.bucket = kBucket;
                request.cursor = (i * kPullLimit) % std::max(1, sizes.cases - kPullLimit);
                request.limit = kPullLimit;
                const auto start = Clock::now();
                const auto pulled = service.pull(request);
                if (reads && !pulled.changes.empty()) {
                    reads->record({server::identity::auditEntry(desk, "bucket.pull", "bucket",
                                                                kBucket, "ok")});
                }
                perThread[static_cast<std::size_t>(t)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::vector<double> all;
    for (const auto& latencies : perThread) {
        all.insert(all.end(), latencies.begin(), latencies.end());
    }
    return all;
}

double p99(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, values.size() * 99 / 100)];
}

}  // namespace

int main(int argc, char** argv) {
    const auto mode = bench::parseMode(argc, argv);
    if (!mode) {
        return 2;  // parseMode printed the usage
    }
    const Sizes sizes = *mode == bench::Mode::Full    ? kFull
                        : *mode == bench::Mode::Quick ? kQuick
                                                      : kSmoke;
    const fs::path dir = fs::temp_directory_path() /
                         ("bench-audit-reads-" + domain::newUuidV7().toString().substr(0, 13));
    try {
        fs::create_directories(dir);
        const auto database = (dir / "kep.db").string();
        auto store = server::storage::ServerStore::create(database);
        server::events::EventHub hub;
        server::sync::SyncServices services(*store, database, hub);
        seed(services.service(), sizes.cases);

        // Alternated, twice each, so that neither phase has the warmer cache or the quieter
        // machine to itself.
        const auto reads = server::audit::ReadAudit::overConnection(database);
        std::vector<double> plain;
        std::vector<double> audited;
        for (int round = 0; round < 2; ++round) {
            const auto without = pullLatencies(services.service(), sizes, nullptr);
            plain.insert(plain.end(), without.begin(), without.end());
            const auto with = pullLatencies(services.service(), sizes, reads.get());
            audited.insert(audited.end(), with.begin(), with.end());
        }
        const auto commits = reads->commits();
        const double readsPerCommit = static_cast<double>(audited.size()) /
                                      static_cast<double>(std::max<std::uint64_t>(1, commits));

        std::printf("%d threads x %d pulls of %d changes; %llu audit commits for %zu reads\n",
                    sizes.threads, sizes.pullsPerThread, kPullLimit,
                    static_cast<unsigned long long>(commits), audited.size());
        const double before = p99(plain);
        const double after = p99(audited);
        bench::row("server_audit_reads.pull_p99_unaudited", before, "ms", "<", 100);
        bench::row("server_audit_reads.pull_p99_audited", after, "ms", "<", 100);
        bench::row("server_audit_reads.p99_ratio_audited_to_unaudited", after / before, "x", "<",
                   2);
        bench::row("server_audit_reads.reads_per_commit", readsPerCommit, "reads", ">", 1.5);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server_audit_reads: %s\n", error.what());
        fs::remove_all(dir);
        return 1;
    }
    fs::remove_all(dir);
    return 0;
}
