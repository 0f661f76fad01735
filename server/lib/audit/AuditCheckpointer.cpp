#include "audit/AuditCheckpointer.h"

#include "audit/AuditRows.h"
#include "shared/domain/UtcTime.h"
#include "storage/DatabaseLocation.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace kep::server::audit {

namespace {

using kep::audit::Checkpoint;
using kep::audit::CompactRange;

// Under a steady load every push wakes the jobs; one checkpoint a second is what is promised.
constexpr auto kMinimumSpacing = std::chrono::seconds{1};

std::string nowMillis() {
    return kep::domain::toUtcTextMillis(std::chrono::system_clock::now());
}

std::string frontierText(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

std::optional<Checkpoint> parseLastLine(const CheckpointLog& log) {
    const auto line = log.lastLine();
    if (!line) {
        return std::nullopt;
    }
    try {
        return kep::audit::checkpointFromLine(*line);
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error("the last line of " + log.path() +
                                 " is not a checkpoint: " + error.what());
    }
}

}  // namespace

AuditCheckpointer::AuditCheckpointer(kep::db::Database& db,
                                     std::shared_ptr<const kep::audit::SigningKey> key,
                                     CheckpointLog log, Clock clock)
    : db_(db)
    , key_(std::move(key))
    , log_(std::move(log))
    , clock_(clock ? std::move(clock) : Clock{nowMillis}) {}

AuditCheckpointer::~AuditCheckpointer() = default;

std::unique_ptr<AuditCheckpointer> AuditCheckpointer::open(
    const std::string& databasePath, std::shared_ptr<const kep::audit::SigningKey> key,
    const std::string& logPath) {
    auto connection = std::make_unique<kep::db::Database>(
        kep::server::storage::openConnection(databasePath, {.mode = kep::db::OpenMode::ReadWrite}));
    auto checkpointer =
        std::make_unique<AuditCheckpointer>(*connection, std::move(key), CheckpointLog(logPath));
    checkpointer->ownConnection_ = std::move(connection);
    return checkpointer;
}

CompactRange& AuditCheckpointer::rangeAtNewest() {
    const auto newest = newestCheckpoint(db_);
    const std::uint64_t size = newest ? newest->checkpoint.treeSize : 0;
    if (cached_ && cached_->size() == size) {
        return *cached_;
    }
    cached_.reset();
    if (!newest) {
        return cached_.emplace();
    }
    CompactRange range;
    try {
        range = CompactRange::parse(frontierText(newest->frontier));
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error("the frontier of checkpoint " + std::to_string(size) +
                                 " cannot be read: " + error.what());
    }
    if (range.size() != size || range.head() != newest->checkpoint.root) {
        throw std::runtime_error("the frontier of checkpoint " + std::to_string(size) +
                                 " does not give its root");
    }
    return cached_.emplace(std::move(range));
}

void AuditCheckpointer::fold(CompactRange& range, std::int64_t through) {
    EntryCursor cursor(db_, static_cast<std::int64_t>(range.size()), through);
    StoredEntry stored;
    while (cursor.next(stored)) {
        const auto expected = static_cast<std::int64_t>(range.size()) + 1;
        if (stored.leafIndex != expected) {
            throw std::runtime_error("leaf " + std::to_string(expected) +
                                     " is missing from audit_entry");
        }
        const auto leaf = kep::audit::leafHash(kep::audit::canonicalBytes(stored.entry));
        if (!std::equal(leaf.begin(), leaf.end(), stored.leafHash.begin(), stored.leafHash.end())) {
            throw std::runtime_error(describe(stored) + " does not match its leaf hash");
        }
        range.append(leaf);
    }
    if (static_cast<std::int64_t>(range.size()) != through) {
        throw std::runtime_error("leaf " + std::to_string(range.size() + 1) +
                                 " is missing from audit_entry");
    }
}

bool AuditCheckpointer::completeFromLog() {
    const auto newest = newestCheckpoint(db_);
    const std::uint64_t newestSize = newest ? newest->checkpoint.treeSize : 0;
    const auto last = parseLastLine(log_);
    const std::uint64_t lastSize = last ? last->treeSize : 0;
    if (lastSize > newestSize) {
        // The previous run appended this line and stopped before its row committed.
        auto range = rangeAtNewest();
        fold(range, static_cast<std::int64_t>(lastSize));
        if (range.head() != last->root || !kep::audit::verifyCheckpoint(key_->publicPem(), *last)) {
            throw std::runtime_error("the last line of " + log_.path() +
                                     " is not a checkpoint of this log signed by this key");
        }
        insertCheckpoint(db_, *last, range);
        cached_ = std::move(range);
        return true;
    }
    if (lastSize < newestSize ||
        (newest && kep::audit::toLine(newest->checkpoint) != kep::audit::toLine(*last))) {
        throw std::runtime_error(log_.path() + " and audit_checkpoint end differently (" +
                                 std::to_string(lastSize) + " and " + std::to_string(newestSize) +
                                 " entries): run kep-server audit verify");
    }
    return false;
}

std::optional<Checkpoint> AuditCheckpointer::runOnce(std::size_t maxLeaves) {
    lastFolded_ = 0;
    // Folding reads the new entries without the write lock, from one snapshot, so that the
    // desks' pushes go on meanwhile.
    CompactRange range;
    {
        kep::db::Transaction snapshot(db_, kep::db::Transaction::Kind::Deferred);
        range = rangeAtNewest();
        const auto count = static_cast<std::uint64_t>(entryCount(db_));
        const auto through = std::min<std::uint64_t>(count, range.size() + maxLeaves);
        if (through > range.size()) {
            fold(range, static_cast<std::int64_t>(through));
        }
        snapshot.commit();
    }
    const auto base = cached_ ? cached_->size() : 0;
    const bool grew = range.size() > base;
    if (!grew && logChecked_) {
        return std::nullopt;
    }
    kep::db::Transaction write(db_);
    if (completeFromLog()) {
        write.commit();
        logChecked_ = true;
        return parseLastLine(log_);
    }
    logChecked_ = true;
    if (!grew || rangeAtNewest().size() != base) {
        return std::nullopt;  // nothing new, or another checkpointer signed meanwhile
    }
    Checkpoint checkpoint{range.size(), range.head(), clock_(), {}};
    key_->signCheckpoint(checkpoint);
    log_.append(kep::audit::toLine(checkpoint));
    insertCheckpoint(db_, checkpoint, range);
    write.commit();
    lastFolded_ = static_cast<std::size_t>(range.size() - base);
    cached_ = std::move(range);
    return checkpoint;
}

void addAuditCheckpointJob(jobs::BackgroundJobs& jobs, const std::string& databasePath,
                           std::shared_ptr<const kep::audit::SigningKey> key,
                           const std::string& logPath) {
    constexpr std::size_t kLeavesPerRun = 100000;
    std::shared_ptr<AuditCheckpointer> checkpointer =
        AuditCheckpointer::open(databasePath, std::move(key), logPath);
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    jobs.add({"audit_checkpoint", [checkpointer, last] {
                  const auto now = std::chrono::steady_clock::now();
                  if (now - *last < kMinimumSpacing) {
                      return false;
                  }
                  if (!checkpointer->runOnce(kLeavesPerRun)) {
                      return false;
                  }
                  *last = now;
                  // A backlog (a log older than the job) is signed in steps, without waiting.
                  return checkpointer->lastFolded() == kLeavesPerRun;
              }});
}

}  // namespace kep::server::audit
