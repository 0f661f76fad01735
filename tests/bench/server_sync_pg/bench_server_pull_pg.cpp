// Pull latency on PostgreSQL with 1,000 desks (issue 10, Performance: pull p99 < 50 ms): every
// desk pulls its office's bucket every few seconds through SyncServerCore::pull() over
// PgSyncServerStore, on a pool of connections as one kep-server process would hold, while
// several threads keep pushing filed cases into the offices at a steady rate through one
// group-commit connection. At the store level, not through a real kep-server: `serve` on
// PostgreSQL is being written. A pull's latency runs from the moment it was due, so a pool that
// falls behind shows as queueing, not as fewer pulls.
// Usage: bench_server_pull_pg [--smoke | --quick]   (the cluster under /tmp)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "BenchProtocol.h"
#include "PgBench.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/pg/PgConnection.h"
#include "sync/PgCommitGroup.h"
#include "sync/PgSyncServerStore.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using namespace kep;
using namespace kep::sync;

struct Sizes {
    int desks;
    int offices;
    int preloadCases;  // in the log before the first pull
    std::chrono::seconds duration;
};

constexpr Sizes kFull{1'000, 334, 50'000, 30s};
constexpr Sizes kQuick{1'000, 334, 10'000, 12s};
constexpr Sizes kSmoke{40, 10, 400, 2s};
// A desk pulls on its own every few seconds, and at once after a nudge: 1,000 desks make about
// 200 pulls a second.
constexpr auto kPullEvery = 5s;
constexpr int kPullConnections = 8;
// Cases filed nationally while the desks pull, in pushes of a desk's usual size.
constexpr int kIngestOpsPerSecond = 1'000;
constexpr std::size_t kPushOps = 10;
constexpr std::size_t kPreloadPushOps = 200;
constexpr int kWriters = 8;  // threads pushing, on one connection with group commit
constexpr std::int64_t kT0 = 1'750'000'000'000;

std::string officeOf(int desk, const Sizes& sizes) {
    return "office:" + std::to_string(1'000 + desk % sizes.offices);
}

// Filed cases from desks first, first + step, …, in turn, each desk with its own sequence,
// through `store` (a member of the writers' PgCommitGroup, as a kep-server's request threads).
class CaseWriter {
public:
    CaseWriter(std::unique_ptr<SyncServerStore> store, const Sizes& sizes, int first, int step)
        : sizes_(sizes)
        , store_(std::move(store))
        , core_(*store_, authority(), [] { return kT0 + 100'000'000; })
        , seqs_(static_cast<std::size_t>(sizes.desks), 0)
        , first_(first)
        , step_(step) {}

    void push(std::size_t ops) {
        const int desk = first_ + step_ * (next_++ % ((sizes_.desks - first_ + step_ - 1) / step_));
        const std::string device = "pull-desk-" + std::to_string(desk + 1);
        PushRequest request{kProtocolVersion, device, {}};
        const cases::Actor clerk{"u-clerk-" + std::to_string(desk + 1), cases::ActorRole::Clerk};
        for (std::size_t i = 0; i < ops; ++i) {
            OutboxOp op;
            op.opId = ids_.next();
            op.deviceId = device;
            op.deviceSeq = ++seqs_[static_cast<std::size_t>(desk)];
            op.hlc = {kT0 + op.deviceSeq, 0};
            op.kind = OpKind::Create;
            op.entity = {"case", ids_.next().toString()};
            op.bucket = officeOf(desk, sizes_);
            op.actor = clerk;
            op.fields = bench::pg::filedCase(filed_++, taxIds_, pick_);
            request.ops.push_back(std::move(op));
        }
        for (const OpResult& r : core_.push(device, request).results) {
            if (r.outcome != OpOutcome::Applied) {
                throw std::runtime_error("a filed case was not applied: " + r.reason);
            }
        }
    }
    int filed() const { return filed_; }

private:
    static WriteAuthority authority() {
        WriteAuthority authority;
        authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
        return authority;
    }

    const Sizes& sizes_;
    std::unique_ptr<SyncServerStore> store_;
    SyncServerCore core_;
    std::vector<std::int64_t> seqs_;
    domain::UuidV7Generator ids_;
    domain::SyntheticTaxIds taxIds_{20261127};
    std::mt19937 pick_{11};
    int first_;
    int step_;
    int next_ = 0;
    int filed_ = 0;
};

int filedBy(const std::vector<std::unique_ptr<CaseWriter>>& writers) {
    int filed = 0;
    for (const auto& writer : writers) {
        filed += writer->filed();
    }
    return filed;
}

// One pool connection's share of the desks (desk % kPullConnections), each pulling at its due
// times; returns every pull's latency in milliseconds.
std::vector<double> pullDesks(const std::string& dsn, const Sizes& sizes, int connection,
                              Clock::time_point start, std::int64_t changesPulled[]) {
    auto db = server::pg::Connection::open(dsn);
    server::sync::PgSyncServerStore store(db);
    SyncServerCore core(store, WriteAuthority{});
    struct Desk {
        std::string bucket;
        std::int64_t cursor = 0;
        Clock::time_point due;
    };
    std::vector<Desk> desks;
    const auto stagger = std::chrono::duration_cast<Clock::duration>(kPullEvery) / sizes.desks;
    const std::int64_t caughtUp = store.safeHighWaterMark();
    for (int d = connection; d < sizes.desks; d += kPullConnections) {
        // Most desks are up to date; every twentieth catches up from the start (a desk
        // reinstalled, or back after a week offline), 500 changes a pull.
        desks.push_back({officeOf(d, sizes), d % 20 == 0 ? 0 : caughtUp, start + stagger * d});
    }
    std::vector<double> latencies;
    const auto end = start + sizes.duration;
    while (true) {
        auto next = std::min_element(desks.begin(), desks.end(),
                                     [](const Desk& a, const Desk& b) { return a.due < b.due; });
        if (next->due >= end) {
            break;
        }
        std::this_thread::sleep_until(next->due);
        const PullResponse response =
            core.pull(PullRequest{kProtocolVersion, next->bucket, next->cursor, 500});
        latencies.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - next->due).count());
        changesPulled[connection] += static_cast<std::int64_t>(response.changes.size());
        next->cursor = response.cursor;
        // A desk with more to fetch asks again at once; otherwise at its next turn.
        next->due = response.hasMore ? Clock::now() : next->due + kPullEvery;
    }
    return latencies;
}

double percentile(std::vector<double>& values, double p) {
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at),
                     values.end());
    return values[at];
}

int run(const Sizes& sizes) {
    bench::pg::Cluster cluster;
    const std::string dsn = bench::pg::freshDatabase(cluster, "pull");
    auto writeConnection = server::pg::Connection::open(dsn);
    server::sync::PgCommitGroup writeGroup(writeConnection);
    std::vector<std::unique_ptr<CaseWriter>> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.push_back(std::make_unique<CaseWriter>(writeGroup.member(), sizes, w, kWriters));
    }
    for (int w = 0; filedBy(writers) < sizes.preloadCases; w = (w + 1) % kWriters) {
        writers[static_cast<std::size_t>(w)]->push(kPreloadPushOps);
    }
    const int filedBefore = filedBy(writers);

    const auto start = Clock::now() + 200ms;
    std::atomic<bool> pulling{true};
    std::vector<std::exception_ptr> writerErrors(kWriters);
    std::vector<std::jthread> ingest;
    for (int w = 0; w < kWriters; ++w) {
        ingest.emplace_back([&, w] {
            // Paced pushes for as long as the desks pull: the rate a national peak brings.
            const auto every = std::chrono::duration_cast<Clock::duration>(1s) * kPushOps *
                               kWriters / kIngestOpsPerSecond;
            auto due = start + every * w / kWriters;
            try {
                while (pulling) {
                    std::this_thread::sleep_until(due);
                    writers[static_cast<std::size_t>(w)]->push(kPushOps);
                    due += every;
                }
            } catch (...) {
                writerErrors[static_cast<std::size_t>(w)] = std::current_exception();
            }
        });
    }
    std::vector<std::vector<double>> latencies(kPullConnections);
    std::vector<std::exception_ptr> errors(kPullConnections);
    std::int64_t changesPulled[kPullConnections] = {};
    {
        std::vector<std::jthread> pool;
        for (int c = 0; c < kPullConnections; ++c) {
            pool.emplace_back([&, c] {
                try {
                    latencies[c] = pullDesks(dsn, sizes, c, start, changesPulled);
                } catch (...) {
                    errors[c] = std::current_exception();
                }
            });
        }
    }
    pulling = false;
    ingest.clear();  // joins
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
    for (const auto& error : writerErrors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }

    std::vector<double> all;
    std::int64_t changes = 0;
    for (int c = 0; c < kPullConnections; ++c) {
        all.insert(all.end(), latencies[c].begin(), latencies[c].end());
        changes += changesPulled[c];
    }
    if (all.empty() || changes == 0) {
        throw std::runtime_error("no pull returned a change");
    }
    const double seconds = std::chrono::duration<double>(sizes.duration).count();
    const double ingested = (filedBy(writers) - filedBefore) / seconds;
    const double p50 = percentile(all, 0.50);
    const double p99 = percentile(all, 0.99);
    std::printf(
        "%d desks in %d offices pulling every %lld s on %d connections for %.0f s, %d cases "
        "logged before: %zu pulls (%.0f/s), %lld changes; p50 %.2f ms, p99 %.2f ms; %.0f "
        "cases/s pushed meanwhile\n",
        sizes.desks, sizes.offices, static_cast<long long>(kPullEvery.count()), kPullConnections,
        seconds, sizes.preloadCases, all.size(), static_cast<double>(all.size()) / seconds,
        static_cast<long long>(changes), p50, p99, ingested);

    using kep::bench::row;
    row("server_pull_pg.pull_p99_ms", p99, "ms", "<", 50);
    row("server_pull_pg.pull_p50_ms", p50, "ms", "<", 50);
    row("server_pull_pg.ingest_ops_per_s_meanwhile", ingested, "ops/s",
        ">=", 0.9 * kIngestOpsPerSecond);
    row("server_pull_pg.pulls_per_s", static_cast<double>(all.size()) / seconds, "pulls/s",
        ">=", 0.9 * sizes.desks / static_cast<double>(kPullEvery.count()));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return kep::bench::benchMain(argc, argv, "bench_server_pull_pg", kFull, kQuick, kSmoke, run);
}
