// Durable ingest on PostgreSQL (issue 10, Performance: >= 10,000 ops/s on this machine): cases
// filed from 8 desks, pushed in batches of 500 through SyncServerCore over PgSyncServerStore on a
// throw-away cluster with fsync and synchronous_commit on — from one connection, and from four
// at once as four kep-server processes would — beside SqliteSyncServerStore (WAL,
// synchronous=FULL) for the very same batches, so that the ratio is of one run on one disk. Then
// what desks really send, pushes of 10 ops from 48 desks at once: a transaction (and fsync) per
// push, against group commit (PgCommitGroup) in one process and in three.
// Usage: bench_server_sync_pg [--smoke | --quick]   (the SQLite file under $TMPDIR, the cluster
// under /tmp, where the postgres user can reach it)
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "BenchProtocol.h"
#include "PgBench.h"
#include "db/Database.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/JsonWriter.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/ServerStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgMigrate.h"
#include "sync/PgCommitGroup.h"
#include "sync/PgSyncServerStore.h"
#include "sync/SqliteSyncServerStore.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kep;
using namespace kep::sync;
using kep::bench::pg::Cluster;
using kep::bench::pg::filedCase;
using kep::bench::pg::freshDatabase;

struct Sizes {
    int desks;
    int opsPerDesk;
    int busyDesks;  // the small pushes' run: desks pushing at once, kSmallBatch ops a push
    int busyOpsPerDesk;
};

constexpr Sizes kFull{8, 12'500, 48, 500};  // 100,000 ops, then 24,000 in small pushes
constexpr Sizes kQuick{8, 2'500, 48, 150};
constexpr Sizes kSmoke{2, 500, 4, 20};
constexpr std::size_t kBatch = 500;
// What a desk pushes as a rule: the few ops a clerk made since its last push.
constexpr std::size_t kSmallBatch = 10;
constexpr int kConnections = 4;
// The small pushes' run as kep-server processes on one primary, each with a PgCommitGroup.
constexpr int kProcesses = 3;
constexpr std::int64_t kT0 = 1'750'000'000'000;

using DeskBatches = std::vector<PushRequest>;

std::vector<DeskBatches> makeDesks(int deskCount, int opsPerDesk, std::size_t batch,
                                   const std::string& prefix) {
    domain::UuidV7Generator ids;
    domain::SyntheticTaxIds taxIds(20261127);
    std::mt19937 pick(7);
    std::vector<DeskBatches> desks(static_cast<std::size_t>(deskCount));
    for (int d = 0; d < deskCount; ++d) {
        const std::string device = prefix + std::to_string(d + 1);
        const cases::Actor clerk{"u-clerk-" + std::to_string(d + 1), cases::ActorRole::Clerk};
        for (int i = 0; i < opsPerDesk; ++i) {
            if (static_cast<std::size_t>(i) % batch == 0) {
                desks[d].push_back(PushRequest{kProtocolVersion, device, {}});
            }
            OutboxOp op;
            op.opId = ids.next();
            op.deviceId = device;
            op.deviceSeq = i + 1;
            op.hlc = {kT0 + i, 0};
            op.kind = OpKind::Create;
            op.entity = {"case", ids.next().toString()};
            op.bucket = "office:0" + std::to_string(201 + d / 2);
            op.actor = clerk;
            op.fields = filedCase(d * opsPerDesk + i, taxIds, pick);
            desks[d].back().ops.push_back(std::move(op));
        }
    }
    return desks;
}

// Pushes desks[first], desks[first + step], … batch by batch, round-robin, through one core on
// `store`; returns the ops applied.
std::size_t pushDesks(SyncServerStore& store, const std::vector<DeskBatches>& desks,
                      std::size_t first, std::size_t step) {
    WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
    SyncServerCore core(store, authority, [] { return kT0 + 100'000'000; });
    std::size_t applied = 0;
    for (std::size_t b = 0; b < desks.front().size(); ++b) {
        for (std::size_t d = first; d < desks.size(); d += step) {
            const PushResponse response = core.push(desks[d][b].deviceId, desks[d][b]);
            for (const OpResult& r : response.results) {
                if (r.outcome != OpOutcome::Applied) {
                    throw std::runtime_error("an op was not applied: " + r.reason);
                }
            }
            applied += response.results.size();
        }
    }
    return applied;
}

double perSecond(std::size_t ops, Clock::time_point start) {
    return static_cast<double>(ops) / std::chrono::duration<double>(Clock::now() - start).count();
}

std::int64_t committedCount(const std::string& dsn) {
    auto db = server::pg::Connection::open(dsn);
    return db.query("SELECT count(*) FROM sync_change").int64(0, 0);
}

double sqliteOpsPerSecond(const std::vector<DeskBatches>& desks, std::size_t expected) {
    const fs::path path = fs::temp_directory_path() / "bench_server_sync_pg.db";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
    double rate = 0;
    {
        auto db = db::Database::open(path.string());  // WAL, synchronous=FULL
        db::migrate(db, server::storage::migrations());
        server::sync::SqliteSyncServerStore store(db);
        const auto start = Clock::now();
        if (pushDesks(store, desks, 0, 1) != expected) {
            throw std::runtime_error("SQLite did not apply every op");
        }
        rate = perSecond(expected, start);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
    return rate;
}

// Every desk on a thread of its own, pushing its small batches one after another, as the desks
// of an office do at once: through `groups` PgCommitGroups (desk d on group d % groups), or with
// groups == 0 each on a connection and transaction of its own. Returns ops/s; `commits` gets the
// COMMITs the groups made.
double busyDesksOpsPerSecond(const std::string& dsn, const std::vector<DeskBatches>& desks,
                             int groups, std::uint64_t& commits) {
    std::vector<server::pg::Connection> connections;
    std::vector<std::unique_ptr<server::sync::PgCommitGroup>> commitGroups;
    for (int g = 0; g < groups; ++g) {
        connections.push_back(server::pg::Connection::open(dsn));
    }
    for (auto& connection : connections) {
        commitGroups.push_back(std::make_unique<server::sync::PgCommitGroup>(connection));
    }
    std::vector<std::exception_ptr> errors(desks.size());
    std::atomic<std::size_t> applied{0};
    const auto start = Clock::now();
    {
        std::vector<std::jthread> threads;
        for (std::size_t d = 0; d < desks.size(); ++d) {
            threads.emplace_back([&, d] {
                try {
                    std::optional<server::pg::Connection> own;
                    std::unique_ptr<SyncServerStore> store;
                    if (groups == 0) {
                        own.emplace(server::pg::Connection::open(dsn));
                        store = std::make_unique<server::sync::PgSyncServerStore>(*own);
                    } else {
                        store = commitGroups[d % static_cast<std::size_t>(groups)]->member();
                    }
                    applied += pushDesks(*store, desks, d, desks.size());
                } catch (...) {
                    errors[d] = std::current_exception();
                }
            });
        }
    }
    const double rate = perSecond(applied, start);
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
    commits = 0;
    for (const auto& group : commitGroups) {
        commits += group->commits();
    }
    if (committedCount(dsn) != static_cast<std::int64_t>(applied)) {
        throw std::runtime_error("the change log does not hold every small push's op");
    }
    return rate;
}

int run(const Sizes& sizes) {
    const auto desks = makeDesks(sizes.desks, sizes.opsPerDesk, kBatch, "pg-desk-");
    const std::size_t total = static_cast<std::size_t>(sizes.desks * sizes.opsPerDesk);
    Cluster cluster;

    // One connection: one kep-server process's sync writer.
    const std::string single = freshDatabase(cluster, "ingest_one");
    double oneConnection = 0;
    {
        auto db = server::pg::Connection::open(single);
        server::sync::PgSyncServerStore store(db);
        const auto start = Clock::now();
        if (pushDesks(store, desks, 0, 1) != total) {
            throw std::runtime_error("PostgreSQL did not apply every op");
        }
        oneConnection = perSecond(total, start);
    }

    // Four connections at once, two desks each: four processes on one primary.
    const std::string shared = freshDatabase(cluster, "ingest_four");
    std::vector<std::size_t> applied(kConnections, 0);
    std::vector<std::exception_ptr> errors(kConnections);
    const auto start = Clock::now();
    {
        std::vector<std::jthread> writers;
        for (int c = 0; c < kConnections; ++c) {
            writers.emplace_back([&, c] {
                try {
                    auto db = server::pg::Connection::open(shared);
                    server::sync::PgSyncServerStore store(db);
                    applied[c] = pushDesks(store, desks, static_cast<std::size_t>(c),
                                           static_cast<std::size_t>(kConnections));
                } catch (...) {
                    errors[c] = std::current_exception();
                }
            });
        }
    }
    const double fourConnections = perSecond(total, start);
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
    if (committedCount(single) != static_cast<std::int64_t>(total) ||
        committedCount(shared) != static_cast<std::int64_t>(total)) {
        throw std::runtime_error("the change log does not hold every op");
    }

    // Small pushes from many desks at once: per-push transactions, then group commit in one
    // process, then in three.
    const auto busy = makeDesks(sizes.busyDesks, sizes.busyOpsPerDesk, kSmallBatch, "busy-desk-");
    const std::size_t pushes = busy.size() * busy.front().size();
    std::uint64_t commits = 0;
    const double perPush =
        busyDesksOpsPerSecond(freshDatabase(cluster, "busy_alone"), busy, 0, commits);
    const double grouped =
        busyDesksOpsPerSecond(freshDatabase(cluster, "busy_grouped"), busy, 1, commits);
    const double pushesPerCommit = static_cast<double>(pushes) / static_cast<double>(commits);
    const double threeGroups =
        busyDesksOpsPerSecond(freshDatabase(cluster, "busy_three"), busy, kProcesses, commits);
    std::printf(
        "%zu pushes of %zu ops from %d desks at once: %.0f ops/s with a transaction each (a "
        "connection each), %.0f ops/s with group commit on one connection (%.1f pushes a "
        "COMMIT), %.0f ops/s on %d group-commit connections\n",
        pushes, kSmallBatch, sizes.busyDesks, perPush, grouped, pushesPerCommit, threeGroups,
        kProcesses);

    const double sqlite = sqliteOpsPerSecond(desks, total);
    std::printf(
        "ingest of %zu ops from %d desks in batches of %zu: PostgreSQL %.0f ops/s (one "
        "connection), %.0f ops/s (%d connections); SQLite %.0f ops/s; PostgreSQL/SQLite %.2f\n",
        total, sizes.desks, kBatch, oneConnection, fourConnections, kConnections, sqlite,
        oneConnection / sqlite);

    using kep::bench::row;
    row("server_sync_pg.ingest_ops_per_s", oneConnection, "ops/s", ">=", 10'000);
    row("server_sync_pg.ingest_ops_per_s_4_connections", fourConnections, "ops/s", ">=", 10'000);
    row("server_sync_pg.ingest_4_connections_vs_1", fourConnections / oneConnection, "ratio",
        ">=", 1);
    row("server_sync_pg.small_pushes_ops_per_s_group_commit", grouped, "ops/s", ">=", 10'000);
    row("server_sync_pg.small_pushes_ops_per_s_transaction_each", perPush, "ops/s", ">=", 10'000);
    row("server_sync_pg.small_pushes_group_vs_transaction_each", grouped / perPush, "ratio",
        ">=", 1);
    row("server_sync_pg.small_pushes_3_processes_vs_1", threeGroups / grouped, "ratio", ">=", 1);
    // The SQLite store's figure of the same run, against issue 6's target.
    row("server_sync_pg.sqlite_ingest_ops_per_s", sqlite, "ops/s", ">=", 20'000);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return kep::bench::benchMain(argc, argv, "bench_server_sync_pg", kFull, kQuick, kSmoke, run);
}
