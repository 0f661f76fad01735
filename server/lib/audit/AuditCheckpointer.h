// Signs the audit log's growth: folds the entries written since the newest checkpoint into the
// tree's compact range and signs "the first N entries have this root" — every second as a
// background job of `serve`, or once by `kep-server audit checkpoint`.
#pragma once

#include "audit/CheckpointLog.h"
#include "db/Database.h"
#include "jobs/BackgroundJobs.h"
#include "shared/audit/Checkpoint.h"
#include "shared/audit/MerkleTree.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kep::server::audit {

// Not thread-safe: one BackgroundJobs thread (or a command, or a test), on a connection of its
// own. Several checkpointers (serve and the command) may run on one database: the write lock
// orders them.
class AuditCheckpointer {
public:
    using Clock = std::function<std::string()>;  // now, as AuditEntry::at

    AuditCheckpointer(kep::db::Database& db, std::shared_ptr<const kep::audit::SigningKey> key,
                      CheckpointLog log, Clock clock = {});
    static std::unique_ptr<AuditCheckpointer> open(
        const std::string& databasePath, std::shared_ptr<const kep::audit::SigningKey> key,
        const std::string& logPath);
    ~AuditCheckpointer();

    // Folds up to `maxLeaves` entries after the newest checkpoint (each one's leaf hash is
    // recomputed from its members and must equal the stored one, and leaf indices must follow
    // on) and, when it folded any, signs a checkpoint, appends it to the log file (fsync'd) and
    // then commits its row. nullopt when the log had not grown. Throws std::runtime_error when
    // the entries or the checkpoints disagree with themselves: it signs nothing then.
    //
    // The file comes first so that a signed checkpoint never exists in the database alone,
    // where whoever can write the database could remove it with the entries it covers. A crash
    // between the two leaves a line without a row, which the next run completes from the line
    // (after checking its root), so the two copies end up equal.
    std::optional<kep::audit::Checkpoint> runOnce(std::size_t maxLeaves = 100000);
    // How many entries the last runOnce() signed over (maxLeaves: a backlog is left).
    std::size_t lastFolded() const { return lastFolded_; }

private:
    // The compact range at the newest checkpoint's size (cached between runs).
    kep::audit::CompactRange& rangeAtNewest();
    // Folds leaves (range.size(), through] into `range`; throws on a gap or a wrong hash.
    void fold(kep::audit::CompactRange& range, std::int64_t through);
    // A line the previous run appended but did not commit: its row, from the line.
    bool completeFromLog();

    kep::db::Database& db_;
    std::shared_ptr<const kep::audit::SigningKey> key_;
    CheckpointLog log_;
    Clock clock_;
    std::unique_ptr<kep::db::Database> ownConnection_;
    std::optional<kep::audit::CompactRange> cached_;  // at the newest checkpoint's size
    bool logChecked_ = false;  // the file's last line was compared with the newest row
    std::size_t lastFolded_ = 0;
};

// Adds the job "audit_checkpoint" to `jobs`, on a connection of its own to `databasePath`.
void addAuditCheckpointJob(jobs::BackgroundJobs& jobs, const std::string& databasePath,
                           std::shared_ptr<const kep::audit::SigningKey> key,
                           const std::string& logPath);

}  // namespace kep::server::audit
