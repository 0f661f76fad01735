// Group commit for the audit entries of reads (issue 9): a route hands its entries and waits until
// they are durable; one flusher writes everything queued meanwhile in one transaction, so that
// many concurrent reads share one fsync instead of paying one each.
#pragma once

#include "shared/audit/AuditEntry.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kep::server::audit {

// The entries could not be made durable (or the audit is stopping): the caller must not send the
// personal data it was about to answer with (the API answers 503).
class AuditUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ReadAudit {
public:
    // Writes one batch durably or throws; called on the flusher thread only, one batch at a time.
    using Commit = std::function<void(std::span<const kep::audit::AuditEntry>)>;

    explicit ReadAudit(Commit commit);
    // The server's: each batch appended in one transaction (one fsync) on a connection of the
    // flusher's own to the server's database (`databaseLocation`: the SQLite file or the
    // PostgreSQL URI, storage/DatabaseLocation). Not on ServerStore's: a batch waits for the
    // writers' lock and for its fsync — on PostgreSQL also for a push group's COMMIT, which holds
    // the audit leaves' counter — and must not hold ServerStore's lock meanwhile, which every
    // request's identity look-up takes. Throws kep::db::Error when it cannot be opened.
    static std::unique_ptr<ReadAudit> overConnection(const std::string& databaseLocation);
    // Flushes what is queued, then stops the flusher.
    ~ReadAudit();
    ReadAudit(const ReadAudit&) = delete;
    ReadAudit& operator=(const ReadAudit&) = delete;

    // Blocks until the entries are durable. Throws std::invalid_argument for an entry that
    // problemWith() refuses (before queueing, so one bad entry never fails others' batch), and
    // AuditUnavailable when the batch could not be written or the audit has stopped.
    void record(std::vector<kep::audit::AuditEntry> entries);

    // Writes what is queued and refuses any later record(). Idempotent.
    void stop();

    // Batches written so far (successful or not): fewer than the calls when commits are shared.
    std::uint64_t commits() const;
    // Entries waiting for the next commit (not yet taken by the flusher).
    std::size_t queuedEntries() const;

private:
    struct Batch;
    void flushLoop();

    Commit commit_;
    mutable std::mutex mutex_;
    std::condition_variable queued_;   // the flusher waits for entries
    std::condition_variable written_;  // callers wait for their batch
    std::shared_ptr<Batch> open_;      // the batch new entries join
    std::uint64_t commits_ = 0;
    bool stopping_ = false;
    std::thread flusher_;  // last: started once the members above exist
};

}  // namespace kep::server::audit
