// kep::db's statements on PostgreSQL prepared on the server once per connection (storage/pg
// PgPreparedStatements) against the same texts parsed and planned on every run (the limit set to
// 0, as every statement ran before): a session check, the look-up every authenticated request
// makes, on a throw-away cluster with the server schema, both connections in one run so that the
// ratio is of one machine at one moment. Usage: bench_pg_statements [--smoke | --quick]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

#include "BenchProtocol.h"
#include "PgBench.h"
#include "db/Database.h"
#include "storage/pg/PgDatabase.h"

namespace {

using Clock = std::chrono::steady_clock;
using kep::db::Database;

struct Sizes {
    int sessions;
    int lookups;  // per connection, in rounds that alternate between the two
};

constexpr Sizes kFull{10'000, 40'000};
constexpr Sizes kQuick{2'000, 10'000};
constexpr Sizes kSmoke{100, 400};
constexpr int kRound = 1'000;

// SqliteSessionStore::find()'s text: what the server runs for every request's session check.
constexpr const char* kSessionCheck =
    "SELECT token_hash, user_id, device_fingerprint, created_at, last_seen_at, revoked_at "
    "FROM sessions WHERE token_hash = ?1";

std::string tokenHash(int n) {
    char hash[65];
    std::snprintf(hash, sizeof hash, "%064x", static_cast<unsigned>(n) * 2'654'435'761U);
    return hash;
}

void fillSessions(Database& db, int count) {
    db.exec(
        "INSERT INTO users (id, username, display_name, password_hash, role, created_at) "
        "VALUES ('u-bench', 'bench', 'Ελένη Ζαχαρίου', 'x', 'it', "
        "'2026-11-27T08:00:00.000Z')");
    kep::db::Transaction transaction(db);
    auto insert = db.prepare(
        "INSERT INTO sessions (token_hash, user_id, device_fingerprint, created_at, last_seen_at) "
        "VALUES (?1, 'u-bench', 'desk-1', '2026-11-27T08:00:00.000Z', '2026-11-27T08:00:00.000Z')");
    for (int n = 0; n < count; ++n) {
        insert.bind(1, tokenHash(n)).run();
    }
    transaction.commit();
}

// Runs `count` session checks on `db`; returns the seconds they took.
double sessionChecks(Database& db, int count, int sessions, std::mt19937& pick) {
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        auto check = db.prepare(kSessionCheck);  // as the store does, a Statement per request
        check.bind(1, tokenHash(static_cast<int>(pick() % static_cast<unsigned>(sessions))));
        if (!check.step() || check.text(1) != "u-bench") {
            throw std::runtime_error("a session check found no session");
        }
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int run(const Sizes& sizes) {
    const kep::bench::pg::Cluster cluster;
    const std::string dsn = kep::bench::pg::freshDatabase(cluster, "kep_statements");
    auto prepared = kep::server::pg::openDatabase(dsn);
    auto unnamed = kep::server::pg::openDatabase(dsn);
    kep::server::pg::setPreparedStatementLimit(unnamed, 0);
    fillSessions(prepared, sizes.sessions);
    std::mt19937 pick(20261127);
    double preparedSeconds = 0;
    double unnamedSeconds = 0;
    for (int done = 0; done < sizes.lookups; done += kRound) {
        const int round = std::min(kRound, sizes.lookups - done);
        unnamedSeconds += sessionChecks(unnamed, round, sizes.sessions, pick);
        preparedSeconds += sessionChecks(prepared, round, sizes.sessions, pick);
    }
    const double preparedRate = sizes.lookups / preparedSeconds;
    const double unnamedRate = sizes.lookups / unnamedSeconds;
    std::printf("session checks: %.0f/s prepared once, %.0f/s parsed and planned each time\n",
                preparedRate, unnamedRate);
    kep::bench::row("pg_statements.session_check_prepared_per_s", preparedRate, "lookups/s", ">",
                    unnamedRate);
    kep::bench::row("pg_statements.session_check_prepared_vs_unnamed", preparedRate / unnamedRate,
                    "x", ">", 1.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return kep::bench::benchMain(argc, argv, "bench_pg_statements", kFull, kQuick, kSmoke, run);
}
