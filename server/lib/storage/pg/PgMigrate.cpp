#include "storage/pg/PgMigrate.h"

#include <cstdint>
#include <string>

namespace kep::server::pg {

namespace {

// The advisory lock's key: any constant that no other part of kep-server uses ("kepmigr").
constexpr std::int64_t kMigrationLock = 0x6b65706d696772;

void lockAndPrepare(Connection& db) {
    db.query("SELECT pg_advisory_xact_lock($1)", Params().add(kMigrationLock));
    // Looked for first: IF NOT EXISTS would answer every start with a notice.
    if (!db.query("SELECT to_regclass('schema_version') IS NOT NULL").boolean(0, 0)) {
        db.exec(
            "CREATE TABLE schema_version (version bigint PRIMARY KEY, name text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now())");
    }
}

void refuseNewer(int current, int newest) {
    if (current > newest) {
        throw PgError("", "pg: the database's schema is version " + std::to_string(current) +
                              ", newer than this kep-server knows (" + std::to_string(newest) +
                              ")");
    }
}

int appliedVersion(Connection& db) {
    return static_cast<int>(
        db.query("SELECT coalesce(max(version), 0) FROM schema_version").int64(0, 0));
}

}  // namespace

int schemaVersion(Connection& db) {
    const auto exists = db.query("SELECT to_regclass('schema_version') IS NOT NULL");
    return exists.boolean(0, 0) ? appliedVersion(db) : 0;
}

int migrate(Connection& db, std::span<const kep::db::Migration> known) {
    const int newest = known.empty() ? 0 : known.back().version;
    int applied = 0;
    for (const auto& migration : known) {
        // Each step checks the version again under the lock: another process may have applied
        // it meanwhile.
        Transaction transaction(db);
        lockAndPrepare(db);
        const int current = appliedVersion(db);
        refuseNewer(current, newest);
        if (migration.version <= current) {
            continue;
        }
        if (migration.version != current + 1) {
            throw PgError("", "pg: migration " + std::to_string(migration.version) +
                                  " does not follow version " + std::to_string(current));
        }
        db.exec(migration.sql);
        db.query("INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                 Params().add(migration.version).add(migration.name));
        transaction.commit();
        ++applied;
    }
    if (applied == 0) {
        // Nothing to apply: still refuse a database newer than this build.
        Transaction transaction(db);
        lockAndPrepare(db);
        const int current = appliedVersion(db);
        transaction.commit();
        refuseNewer(current, newest);
    }
    return applied;
}

}  // namespace kep::server::pg
