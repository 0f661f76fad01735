#include "storage/pg/PgMigrate.h"

#include <memory>
#include <string>
#include <utility>

#include "storage/pg/PgDatabaseDriver.h"

namespace kep::server::pg {

namespace {

bool versionTableExists(Connection& db) {
    // Looked for rather than CREATE ... IF NOT EXISTS, which would answer with a notice.
    return db.query("SELECT to_regclass('kep_schema_version') IS NOT NULL").boolean(0, 0);
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
    // One implementation of the rules (the version read under the writers' lock, a newer
    // database or a gap refused, one transaction per step): kep::db::migrate(), on a Database
    // lent this connection for the run and giving it back whatever happens.
    kep::db::Database lent(std::make_unique<PgConnectionDriver>(std::move(db)));
    const auto giveBack = [&] {
        auto& driver = static_cast<PgConnectionDriver&>(lent.driver());
        try {
            driver.forgetPreparedStatements();  // the session goes on without this driver
        } catch (const kep::db::Error&) {
            // Left on the session, harmless: their names are never given again.
        }
        db = std::move(driver.connection());
    };
    try {
        const int applied = kep::db::migrate(lent, known);
        giveBack();
        return applied;
    } catch (const kep::db::Error& error) {
        giveBack();
        throw PgError(error.sqlState(), error.what());
    } catch (...) {
        giveBack();
        throw;
    }
}

}  // namespace kep::server::pg
