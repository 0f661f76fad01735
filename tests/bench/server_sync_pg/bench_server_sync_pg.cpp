// Durable ingest on PostgreSQL (issue 10, Performance: >= 10,000 ops/s on this machine): cases
// filed from 8 desks, pushed in batches of 500 through SyncServerCore over PgSyncServerStore on a
// throw-away cluster with fsync and synchronous_commit on — from one connection, and from four
// at once as four kep-server processes would — beside SqliteSyncServerStore (WAL,
// synchronous=FULL) for the very same batches, so that the ratio is of one run on one disk.
// Usage: bench_server_sync_pg [--smoke | --quick]   (the SQLite file under $TMPDIR, the cluster
// under /tmp, where the postgres user can reach it)
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "BenchProtocol.h"
#include "db/Database.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/JsonWriter.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/ServerStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgMigrate.h"
#include "sync/PgSyncServerStore.h"
#include "sync/SqliteSyncServerStore.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kep;
using namespace kep::sync;

struct Sizes {
    int desks;
    int opsPerDesk;
};

constexpr Sizes kFull{8, 12'500};  // 100,000 ops
constexpr Sizes kQuick{8, 2'500};
constexpr Sizes kSmoke{2, 500};
constexpr std::size_t kBatch = 500;
constexpr int kConnections = 4;
constexpr std::int64_t kT0 = 1'750'000'000'000;

// A cluster of the bench's own for its life: started by scripts/pg-cluster, stopped (and its
// folder removed) by the destructor.
class Cluster {
public:
    Cluster() : dir_("/tmp/kep-bench-pg-" + std::to_string(::getpid())) {
        const std::string start =
            std::string{"'"} + KEP_PG_CLUSTER_SCRIPT + "' start '" + dir_ + "' >/dev/null";
        if (std::system(start.c_str()) != 0) {
            throw std::runtime_error("scripts/pg-cluster could not start a cluster in " + dir_);
        }
        std::ifstream file(dir_ + "/dsn");
        std::getline(file, dsn_);
        if (dsn_.empty()) {
            throw std::runtime_error("scripts/pg-cluster wrote no DSN");
        }
    }
    ~Cluster() {
        const std::string stop =
            std::string{"'"} + KEP_PG_CLUSTER_SCRIPT + "' stop '" + dir_ + "' >/dev/null";
        [[maybe_unused]] const int ignored = std::system(stop.c_str());
    }
    Cluster(const Cluster&) = delete;
    Cluster& operator=(const Cluster&) = delete;
    const std::string& dsn() const { return dsn_; }

private:
    std::string dir_;
    std::string dsn_;
};

// A filed case as a desk pushes it: invented people (no real person is meant) with valid ΑΦΜ and
// ΑΜΚΑ, about 1 KB of fields.
FieldMap filedCase(int n, domain::SyntheticTaxIds& taxIds, std::mt19937& pick) {
    static const char* const kNames[] = {"Ελένη Ζαχαρίου", "Νικόλαος Οικονόμου", "Σοφία Μαυρίδη",
                                         "Δημήτριος Τσακίρης"};
    const std::chrono::year_month_day born{
        std::chrono::year{1960 + static_cast<int>(pick() % 40)},
        std::chrono::month{static_cast<unsigned>(1 + pick() % 12)},
        std::chrono::day{static_cast<unsigned>(1 + pick() % 28)}};
    JsonWriter citizen;
    citizen.beginObject()
        .stringMember("kind", "greek")
        .stringMember("name_el", kNames[pick() % 4])
        .stringMember("afm", taxIds.afm())
        .stringMember("amka", taxIds.amka(born))
        .stringMember("email", "person" + std::to_string(n) + "@example.gr")
        .stringMember("address", "Οδός Πατησίων " + std::to_string(1 + n % 300) + ", Αθήνα")
        .endObject();
    const bool approval = n % 4 == 0;
    return {{"status", approval ? "pending_approval" : "submitted"},
            {"requires_approval", approval ? "true" : "false"},
            {"protocol_number", "0202/2026/" + std::to_string(200'000 + n)},
            {"procedure_id", "mitos-" + std::to_string(300'000 + pick() % 2'000)},
            {"catalogue_version", "14"},
            {"citizen", citizen.take()},
            {"evidence", R"([{"id":"ev-1","state":"presented"},{"id":"ev-2","state":"waived"}])"},
            {"due_date", "2026-12-18"}};
}

using DeskBatches = std::vector<PushRequest>;

std::vector<DeskBatches> makeDesks(const Sizes& sizes) {
    domain::UuidV7Generator ids;
    domain::SyntheticTaxIds taxIds(20261127);
    std::mt19937 pick(7);
    std::vector<DeskBatches> desks(static_cast<std::size_t>(sizes.desks));
    for (int d = 0; d < sizes.desks; ++d) {
        const std::string device = "pg-desk-" + std::to_string(d + 1);
        const cases::Actor clerk{"u-clerk-" + std::to_string(d + 1), cases::ActorRole::Clerk};
        for (int i = 0; i < sizes.opsPerDesk; ++i) {
            if (static_cast<std::size_t>(i) % kBatch == 0) {
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
            op.fields = filedCase(d * sizes.opsPerDesk + i, taxIds, pick);
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

// A database of its own on the cluster for one measurement, migrated.
std::string freshDatabase(const Cluster& cluster, const std::string& name) {
    auto admin = server::pg::Connection::open(cluster.dsn());
    admin.exec("CREATE DATABASE " + name);  // a fixed name of this file, not input
    std::string dsn = cluster.dsn();
    dsn.replace(dsn.find("dbname=postgres"), std::string{"dbname=postgres"}.size(),
                "dbname=" + name);
    auto db = server::pg::Connection::open(dsn);
    server::pg::migrate(db);
    return dsn;
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

int run(const Sizes& sizes) {
    const auto desks = makeDesks(sizes);
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

    const double sqlite = sqliteOpsPerSecond(desks, total);
    std::printf(
        "ingest of %zu ops from %d desks in batches of %zu: PostgreSQL %.0f ops/s (one "
        "connection), %.0f ops/s (%d connections); SQLite %.0f ops/s; PostgreSQL/SQLite %.2f\n",
        total, sizes.desks, kBatch, oneConnection, fourConnections, kConnections, sqlite,
        oneConnection / sqlite);

    using kep::bench::row;
    row("server_sync_pg.ingest_ops_per_s", oneConnection, "ops/s", ">=", 10'000);
    row("server_sync_pg.ingest_ops_per_s_4_connections", fourConnections, "ops/s", ">=", 10'000);
    // The SQLite store's figure of the same run, against issue 6's target.
    row("server_sync_pg.sqlite_ingest_ops_per_s", sqlite, "ops/s", ">=", 20'000);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    try {
        return run(sizes);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_server_sync_pg: %s\n", e.what());
        return 1;
    }
}
