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
// PostgreSQL driver (pg::libpqConnectionOf). On PostgreSQL the store's begin() takes the sync
// writers' lock (PgSyncServerStore.h) — seq order is commit order and the safe high-water mark
// holds; appendChange() and
// appendAudit() are written at commit() with the purge's own statements, in the one transaction.
// On PostgreSQL the purge must also exclude kep::db's writers (the notification and rating jobs,
// intake), as SQLite's one writer does: a job that read a case before the purge committed could
// otherwise write its personal data back afterwards (a notification queued with the citizen's
// name). So begin() first takes kep::db's writer lock — at session level, since the sync store's
// BEGIN opens the transaction — and then the sync writers' lock, the order every writer that
// takes both keeps (kep::db's, then the sync store's), so that no two writers wait on each other.
class PurgeConnection {
public:
    // `location`: a SQLite file (opened with secure_delete=ON, so that pages it frees are zeroed)
    // or a PostgreSQL URI. Throws kep::db::Error when it cannot be opened.
    explicit PurgeConnection(const std::string& location);
    ~PurgeConnection();
    PurgeConnection(const PurgeConnection&) = delete;
    PurgeConnection& operator=(const PurgeConnection&) = delete;

    kep::db::Database& database() { return db_; }
    // The purge's transaction: every statement on database() and changeLog() between begin()
    // and commit() or rollback() is in it, and no other writer runs meanwhile.
    void begin();
    void commit();
    void rollback();
    kep::sync::SyncServerStore& changeLog() { return *changeLog_; }
    bool onPostgres() const { return db_.dialect() == kep::db::Dialect::Postgres; }

    // After the last commit, what the back-end allows towards purged bytes being unrecoverable:
    // SQLite's WAL checkpointed and truncated (tried again for ~2 s while another connection's
    // read holds it); PostgreSQL's `tables` VACUUMed, so that no dead row version keeps them
    // (docs/operations.md says what remains). True when done.
    bool eraseFreedSpace(std::span<const std::string_view> tables);

private:
    void lockWriters();
    void unlockWriters() noexcept;

    kep::db::Database db_;
    std::unique_ptr<kep::sync::SyncServerStore> changeLog_;
};

}  // namespace kep::server::privacy
