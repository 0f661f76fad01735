#include "storage/pg/PgMigrate.h"

#include <cstdint>
#include <string>

namespace kep::server::pg {

namespace {

bool versionTableExists(Connection& db) {
    // Looked for rather than CREATE ... IF NOT EXISTS, which would answer with a notice.
    return db.query("SELECT to_regclass('kep_schema_version') IS NOT NULL").boolean(0, 0);
}

void refuseNewer(int current, int newest) {
    if (current > newest) {
        throw PgError("", "pg: the database's schema is version " + std::to_string(current) +
                              ", newer than this kep-server knows (" + std::to_string(newest) +
                              ")");
    }
}

// Under the writer lock, so that the version read stays true until the transaction ends.
int lockedVersion(Connection& db) {
    db.query("SELECT pg_advisory_xact_lock($1)", Params().add(kWriterLockKey));
    return schemaVersion(db);
}

}  // namespace

int schemaVersion(Connection& db) {
    if (!versionTableExists(db)) {
        return 0;
    }
    return static_cast<int>(
        db.query("SELECT coalesce(max(version), 0) FROM kep_schema_version").int64(0, 0));
}

void recordSchemaVersion(Connection& db, int version, std::string_view name) {
    if (!versionTableExists(db)) {
        db.exec(
            "CREATE TABLE kep_schema_version (version bigint PRIMARY KEY, name text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now())");
    }
    db.query("INSERT INTO kep_schema_version (version, name) VALUES ($1, $2)",
             Params().add(version).add(name));
}

int migrate(Connection& db, std::span<const kep::db::Migration> known) {
    const int newest = known.empty() ? 0 : known.back().version;
    int applied = 0;
    for (const auto& migration : known) {
        // Each step checks the version again under the lock: another process may have applied
        // it meanwhile.
        Transaction transaction(db);
        const int current = lockedVersion(db);
        refuseNewer(current, newest);
        if (migration.version <= current) {
            continue;
        }
        if (migration.version != current + 1) {
            throw PgError("", "pg: migration " + std::to_string(migration.version) +
                                  " does not follow version " + std::to_string(current));
        }
        db.exec(migration.sql);
        recordSchemaVersion(db, migration.version, migration.name);
        transaction.commit();
        ++applied;
    }
    if (applied == 0) {
        // Nothing to apply: still refuse a database newer than this build.
        Transaction transaction(db);
        const int current = lockedVersion(db);
        transaction.commit();
        refuseNewer(current, newest);
    }
    return applied;
}

}  // namespace kep::server::pg
