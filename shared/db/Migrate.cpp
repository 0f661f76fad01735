// Schema migrations by version number (PRAGMA user_version, or kep_schema_version on
// PostgreSQL): one IMMEDIATE transaction per step, so a step is either wholly applied with its
// version number or not at all, even across a crash.
#include "db/Database.h"

#include <sqlite3.h>

#include <optional>
#include <string>

#include "db/DatabaseDriver.h"

namespace kep::db {

namespace {

// Migrations are numbered 1, 2, 3, ... in order: a gap or a duplicate means a file was lost
// or renamed, and applying around it would give databases that differ under one version.
void checkNumbering(std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const int expected = static_cast<int>(i) + 1;
        if (migrations[i].version != expected) {
            throw Error(SQLITE_ERROR,
                        "migrations are not numbered 1.." + std::to_string(migrations.size()) +
                            " without gaps: expected version " + std::to_string(expected) +
                            ", found " + std::to_string(migrations[i].version) + " (" +
                            std::string(migrations[i].name) + ")");
        }
    }
}

bool pragmaIsOn(Database& db, std::string_view pragma) {
    auto statement = db.prepare(pragma);
    return statement.step() && statement.int64(0) != 0;
}

// A SQLite migration that rebuilds a table (the create-copy-drop-rename way SQLite needs for most
// ALTERs) must not run with foreign keys enforced: dropping the old parent table would delete
// or cascade over its children. So enforcement is off while migrating, as SQLite's own ALTER
// TABLE procedure says, and each step is checked with foreign_key_check before it commits.
class ForeignKeysOffWhileMigrating {
public:
    explicit ForeignKeysOffWhileMigrating(Database& db)
        : db_(db)
        , wasOn_(pragmaIsOn(db, "PRAGMA foreign_keys")) {
        if (wasOn_) {
            db_.exec("PRAGMA foreign_keys=OFF");
        }
    }
    ForeignKeysOffWhileMigrating(const ForeignKeysOffWhileMigrating&) = delete;
    ForeignKeysOffWhileMigrating& operator=(const ForeignKeysOffWhileMigrating&) = delete;
    ~ForeignKeysOffWhileMigrating() {
        if (wasOn_) {
            try {
                db_.exec("PRAGMA foreign_keys=ON");
            } catch (const Error&) {
                // Only fails inside an open transaction, which Transaction has closed by now.
            }
        }
    }
    bool enforced() const noexcept { return wasOn_; }

private:
    Database& db_;
    bool wasOn_;
};

void checkForeignKeys(Database& db) {
    auto violations = db.prepare("PRAGMA foreign_key_check");
    if (violations.step()) {
        throw Error(SQLITE_CONSTRAINT_FOREIGNKEY, "leaves rows in table " + violations.text(0) +
                                                      " whose foreign key has no parent in " +
                                                      violations.text(2));
    }
}

// Whatever the migration file holds, it runs inside migrate()'s transaction and must not end
// it or set the version itself: the driver refuses that before it runs (DatabaseDriver.h).
class MigrationFileGuard {
public:
    explicit MigrationFileGuard(Database& db) : db_(db) { db_.driver().guardMigrationFile(true); }
    MigrationFileGuard(const MigrationFileGuard&) = delete;
    MigrationFileGuard& operator=(const MigrationFileGuard&) = delete;
    ~MigrationFileGuard() { db_.driver().guardMigrationFile(false); }

private:
    Database& db_;
};

}  // namespace

int migrate(Database& db, std::span<const Migration> migrations) {
    checkNumbering(migrations);
    const int known = static_cast<int>(migrations.size());
    // PostgreSQL alters tables in place and checks foreign keys at every statement.
    std::optional<ForeignKeysOffWhileMigrating> foreignKeys;
    if (db.dialect() == Dialect::Sqlite) {
        foreignKeys.emplace(db);
    }

    int applied = 0;
    for (;;) {
        // The version is read inside the write transaction: another process migrating the same
        // file at the same time then finds the step done and moves on.
        Transaction transaction(db, Transaction::Kind::Immediate);
        const int current = db.userVersion();
        if (current > known) {
            throw Error(SQLITE_ERROR, "database schema version " + std::to_string(current) +
                                          " is newer than this program (" + std::to_string(known) +
                                          ")");
        }
        if (current == known) {
            transaction.commit();
            return applied;
        }
        const Migration& migration = migrations[static_cast<std::size_t>(current)];
        try {
            {
                MigrationFileGuard guard(db);
                db.exec(migration.sql);
            }
            if (foreignKeys && foreignKeys->enforced()) {
                checkForeignKeys(db);
            }
            db.driver().recordSchemaVersion(migration.version, migration.name);
            transaction.commit();
        } catch (const Error& error) {
            std::string message = "migration " + std::string(migration.name) + ": " + error.what();
            if ((error.code() & 0xff) == SQLITE_AUTH) {
                message +=
                    " (a migration file must not BEGIN, COMMIT, ROLLBACK or set "
                    "the schema version: migrate() does)";
            }
            throw Error(error.code(), message);
        }
        ++applied;
    }
}

}  // namespace kep::db
