// The purge's own connection to the server's database, SQLite or PostgreSQL (storage/
// DatabaseLocation), with the sync change log over that same connection and in its transaction.
#pragma once

#include "db/Database.h"
#include "shared/sync/SyncServerStore.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::privacy {

// Why the change log rides on the purge's connection: a purge rewrites rows and appends one
// deleted change per entity, and both must commit together or not at all — and the changes must
// take their seqs by the sync store's own rules, or a pull could skip one. So the purge runs
// inside the sync store's transaction instead of copying those rules: SqliteSyncServerStore over
// the same kep::db connection, or PgSyncServerStore over the libpq connection beneath kep::db's
// PostgreSQL driver (pg::libpqConnectionOf). On PostgreSQL begin() then locks sync_counter FOR
// UPDATE before the purge touches a row — the order every sync and audit writer keeps — so seq
// order is commit order and the safe high-water mark holds; appendChange() and appendAudit() are
// written at commit() with the purge's own statements, in the one transaction. kep::db's writer
// lock (pg_advisory_xact_lock) is not taken: sync_counter's serialises the purge with every
// writer of the tables it shares with the sync store, and taking both locks in the order no
// other writer does could deadlock.
class PurgeConnection {
public:
    // `location`: a SQLite file (opened with secure_delete=ON, so that pages it frees are zeroed)
    // or a PostgreSQL URI. Throws kep::db::Error when it cannot be opened.
    explicit PurgeConnection(const std::string& location);
    ~PurgeConnection();
    PurgeConnection(const PurgeConnection&) = delete;
    PurgeConnection& operator=(const PurgeConnection&) = delete;

    kep::db::Database& database() { return db_; }
    // begin() opens the transaction every statement on database() then runs in; commit() ends it.
    kep::sync::SyncServerStore& changeLog() { return *changeLog_; }
    bool onPostgres() const { return db_.dialect() == kep::db::Dialect::Postgres; }

    // After the last commit, what the back-end allows towards purged bytes being unrecoverable:
    // SQLite's WAL checkpointed and truncated (tried again for ~2 s while another connection's
    // read holds it); PostgreSQL's `tables` VACUUMed, so that no dead row version keeps them
    // (docs/operations.md says what remains). True when done.
    bool eraseFreedSpace(std::span<const std::string_view> tables);

private:
    kep::db::Database db_;
    std::unique_ptr<kep::sync::SyncServerStore> changeLog_;
};

}  // namespace kep::server::privacy
