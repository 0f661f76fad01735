#include "audit/ReadAudit.h"

#include "audit/AuditLog.h"
#include "db/Database.h"
#include "storage/DatabaseLocation.h"

#include <string>

namespace kep::server::audit {

// The entries one commit writes, and what became of them: every caller whose entries are in it
// waits on `done` and reads `failed`.
struct ReadAudit::Batch {
    std::vector<kep::audit::AuditEntry> entries;
    bool done = false;
    bool failed = false;
};

ReadAudit::ReadAudit(Commit commit)
    : commit_(std::move(commit))
    , flusher_([this] { flushLoop(); }) {}

std::unique_ptr<ReadAudit> ReadAudit::overConnection(const std::string& databaseLocation) {
    // Used by the flusher thread alone, one batch at a time (Commit's contract).
    auto db = std::make_shared<kep::db::Database>(
        storage::openConnection(databaseLocation, {.mode = kep::db::OpenMode::ReadWrite}));
    // On PostgreSQL the leaves' counter row (AuditLog: sync_counter, FOR UPDATE) is what orders
    // appends, so a batch need not also wait for kep::db's writer lock, which every job's cursor
    // and every store's write holds through its fsync; SQLite's one writer needs IMMEDIATE.
    const auto kind = db->dialect() == kep::db::Dialect::Postgres
                          ? kep::db::Transaction::Kind::Deferred
                          : kep::db::Transaction::Kind::Immediate;
    return std::make_unique<ReadAudit>([db, kind](std::span<const kep::audit::AuditEntry> entries) {
        kep::db::Transaction transaction(*db, kind);
        AuditLog(*db).append(entries);
        transaction.commit();
    });
}

ReadAudit::~ReadAudit() {
    stop();
}

void ReadAudit::record(std::vector<kep::audit::AuditEntry> entries) {
    if (entries.empty()) {
        return;
    }
    for (const auto& entry : entries) {
        if (const auto problem = kep::audit::problemWith(entry)) {
            throw std::invalid_argument("audit entry " + entry.action + ": " + *problem);
        }
    }
    std::unique_lock lock(mutex_);
    if (stopping_) {
        throw AuditUnavailable("the audit log is stopping");
    }
    if (!open_) {
        open_ = std::make_shared<Batch>();
    }
    auto mine = open_;
    mine->entries.insert(mine->entries.end(), std::make_move_iterator(entries.begin()),
                         std::make_move_iterator(entries.end()));
    queued_.notify_one();
    written_.wait(lock, [&mine] { return mine->done; });
    if (mine->failed) {
        throw AuditUnavailable("the audit log could not be written");
    }
}

void ReadAudit::flushLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return open_ || stopping_; });
        if (!open_) {
            return;  // stopping, and nothing left to write
        }
        // Whoever arrives while this batch is written joins the next one: under load each
        // commit carries every read that waited for the one before.
        const auto batch = std::move(open_);
        open_.reset();
        lock.unlock();
        bool failed = false;
        try {
            commit_(batch->entries);
        } catch (...) {
            failed = true;  // the callers answer 503; the next batch tries again
        }
        lock.lock();
        batch->done = true;
        batch->failed = failed;
        ++commits_;
        written_.notify_all();
    }
}

void ReadAudit::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    if (flusher_.joinable()) {
        flusher_.join();
    }
}

std::uint64_t ReadAudit::commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

std::size_t ReadAudit::queuedEntries() const {
    std::lock_guard lock(mutex_);
    return open_ ? open_->entries.size() : 0;
}

}  // namespace kep::server::audit
