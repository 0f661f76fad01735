#include "audit/AuditVerifier.h"

#include "audit/AuditRows.h"
#include "audit/CheckpointLog.h"
#include "audit/CheckpointSignatures.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>

namespace kep::server::audit {

namespace {

using kep::audit::Checkpoint;

class Findings {
public:
    explicit Findings(AuditVerification& result) : result_(result) {}
    void add(std::string problem) {
        if (result_.problems.size() < kMaxListedProblems) {
            result_.problems.push_back(std::move(problem));
        } else {
            ++result_.unlistedProblems;
        }
    }

private:
    AuditVerification& result_;
};

std::string nameOf(const Checkpoint& checkpoint) {
    return "checkpoint of size " + std::to_string(checkpoint.treeSize) + " (" + checkpoint.at + ")";
}

// The checkpoints of checkpoints.log in file order, each parsed, bad lines reported and skipped.
class LogCheckpoints {
public:
    LogCheckpoints(const std::string& path, std::uint64_t limit, Findings* findings)
        : reader_(path, limit)
        , findings_(findings) {}
    bool exists() const { return reader_.exists(); }
    std::uint64_t lines() const { return reader_.lineNumber(); }
    // The next readable checkpoint and its raw line.
    bool next(Checkpoint& checkpoint, std::string& line) {
        while (reader_.next(line)) {
            try {
                checkpoint = kep::audit::checkpointFromLine(line);
            } catch (const std::invalid_argument& error) {
                report("checkpoints.log line " + std::to_string(reader_.lineNumber()) +
                       " is not a checkpoint: " + error.what());
                continue;
            }
            if (checkpoint.treeSize <= previousSize_) {
                report("checkpoints.log line " + std::to_string(reader_.lineNumber()) + " (" +
                       nameOf(checkpoint) + ") does not follow the line before it");
                continue;
            }
            previousSize_ = checkpoint.treeSize;
            return true;
        }
        return false;
    }

private:
    void report(std::string problem) {
        if (findings_) {
            findings_->add(std::move(problem));
        }
    }
    CheckpointLogReader reader_;
    Findings* findings_;
    std::uint64_t previousSize_ = 0;
};

// The database's checkpoints and the log's, merged by size: each must be in both, alike, and
// signed by the key. Returns true when the two lists are the same.
bool compareCheckpointLists(kep::db::Database& db, const CheckpointSignatures& signatures,
                            const std::string& logPath, const CheckpointBound& bound,
                            AuditVerification& result, Findings& findings) {
    CheckpointCursor rows(db, static_cast<std::int64_t>(bound.newestSize));
    LogCheckpoints log(logPath, bound.logBytes, &findings);
    StoredCheckpoint row;
    Checkpoint logged;
    std::string line;
    bool haveRow = rows.next(row);
    bool haveLine = log.next(logged, line);
    if (haveRow && !log.exists()) {
        findings.add(logPath + " is missing: the checkpoints have no copy outside the database");
    }
    bool same = true;
    while (haveRow || haveLine) {
        const bool both = haveRow && haveLine && row.checkpoint.treeSize == logged.treeSize;
        if (haveRow && (!haveLine || row.checkpoint.treeSize <= logged.treeSize)) {
            ++result.checkpoints;
            if (!signatures.verify(row.checkpoint)) {
                findings.add(nameOf(row.checkpoint) +
                             " in audit_checkpoint: the signature does not verify");
            }
            if (!both) {
                same = false;
                findings.add(nameOf(row.checkpoint) +
                             " is in audit_checkpoint but not in checkpoints.log");
            } else if (kep::audit::toLine(row.checkpoint) != line) {
                same = false;
                findings.add(nameOf(row.checkpoint) + ": checkpoints.log line " +
                             std::to_string(log.lines()) + " differs from audit_checkpoint");
            }
            haveRow = rows.next(row);
            if (both) {
                haveLine = log.next(logged, line);
            }
            continue;
        }
        same = false;
        findings.add("checkpoints.log line " + std::to_string(log.lines()) + " (" + nameOf(logged) +
                     ") is not in audit_checkpoint");
        if (!signatures.verify(logged)) {
            findings.add("checkpoints.log line " + std::to_string(log.lines()) +
                         ": the signature does not verify");
        }
        haveLine = log.next(logged, line);
    }
    // Lines skipped as unreadable count too.
    result.logLines = log.lines();
    return same && result.logLines == result.checkpoints;
}

// Checkpoints in size order from one of the two lists, checked against the recomputed heads
// (and, for the database's, the frontier kept beside each: the next checkpoint starts from it).
class RootChecks {
public:
    struct Next {
        Checkpoint checkpoint;
        std::optional<std::string> frontier;
    };
    using Source = std::function<bool(Next&)>;
    RootChecks(std::string where, Source source)
        : where_(std::move(where))
        , source_(std::move(source)) {
        pending_ = source_(next_);
    }
    // Called after each leaf: checks the checkpoints of exactly this size.
    void at(const kep::audit::CompactRange& range, Findings& findings,
            std::optional<Checkpoint>* verified) {
        while (pending_ && next_.checkpoint.treeSize <= range.size()) {
            const auto& checkpoint = next_.checkpoint;
            if (checkpoint.treeSize < range.size()) {
                findings.add(nameOf(checkpoint) + " in " + where_ + " is of no size the log had");
            } else if (range.head() != checkpoint.root) {
                findings.add(nameOf(checkpoint) + " in " + where_ +
                             ": its root is not the tree head of the first " +
                             std::to_string(checkpoint.treeSize) + " entries as stored");
            } else if (next_.frontier && *next_.frontier != range.serialize()) {
                findings.add(nameOf(checkpoint) + " in " + where_ +
                             ": the frontier kept with it is not the tree's at that size");
            } else if (verified) {
                *verified = checkpoint;
            }
            pending_ = source_(next_);
        }
    }
    // After the last entry: what is left covers entries that are no longer there.
    void atEnd(std::uint64_t entries, Findings& findings) {
        while (pending_) {
            findings.add(nameOf(next_.checkpoint) + " in " + where_ + " covers " +
                         std::to_string(next_.checkpoint.treeSize) + " entries but the log holds " +
                         std::to_string(entries) + ": entries were removed from its end");
            pending_ = source_(next_);
        }
    }

private:
    std::string where_;
    Source source_;
    Next next_;
    bool pending_ = false;
};

}  // namespace

CheckpointBound boundUnderWriteLock(kep::db::Database& db, const std::string& logPath) {
    kep::db::Transaction lock(db);
    const auto newest = newestCheckpoint(db);
    std::error_code error;
    const auto bytes = std::filesystem::file_size(logPath, error);
    return {newest ? newest->checkpoint.treeSize : 0, error ? 0 : bytes};
}

AuditVerification verifyAuditLog(kep::db::Database& db, const std::string& publicPem,
                                 const std::string& logPath, std::optional<CheckpointBound> bound) {
    return verifyAuditLog(db, CheckpointSignatures(publicPem), logPath, bound);
}

AuditVerification verifyAuditLog(kep::db::Database& db, const CheckpointSignatures& signatures,
                                 const std::string& logPath, std::optional<CheckpointBound> bound) {
    AuditVerification result;
    Findings findings(result);
    const auto limits = bound.value_or(CheckpointBound{INT64_MAX, UINT64_MAX});
    // One snapshot: a server appending meanwhile cannot make the two passes disagree.
    kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
    const bool listsAgree =
        compareCheckpointLists(db, signatures, logPath, limits, result, findings);

    CheckpointCursor rows(db, static_cast<std::int64_t>(limits.newestSize));
    StoredCheckpoint row;
    RootChecks tableChecks("audit_checkpoint", [&rows, &row](RootChecks::Next& out) {
        if (!rows.next(row)) {
            return false;
        }
        out.checkpoint = row.checkpoint;
        out.frontier = std::string(row.frontier.begin(), row.frontier.end());
        return true;
    });
    // The log's own checkpoints are checked too only where it differs from the table.
    LogCheckpoints logged(logPath, limits.logBytes, nullptr);
    std::string line;
    RootChecks logChecks("checkpoints.log", [&](RootChecks::Next& out) {
        return !listsAgree && logged.next(out.checkpoint, line);
    });

    kep::audit::CompactRange range;
    EntryCursor entries(db, 0);
    StoredEntry stored;
    std::int64_t expected = 1;
    while (entries.next(stored)) {
        ++result.entries;
        if (stored.leafIndex != expected) {
            findings.add("leaves " + std::to_string(expected) + " to " +
                         std::to_string(stored.leafIndex - 1) + " are missing before " +
                         describe(stored));
        }
        expected = stored.leafIndex + 1;
        if (const auto problem = kep::audit::problemWith(stored.entry)) {
            findings.add(describe(stored) + " holds a value no entry may hold: " + *problem);
        }
        const auto leaf = kep::audit::leafHash(kep::audit::canonicalBytes(stored.entry));
        if (!std::equal(leaf.begin(), leaf.end(), stored.leafHash.begin(), stored.leafHash.end())) {
            findings.add(describe(stored) + " was changed: it does not match its leaf hash");
        }
        range.append(leaf);
        tableChecks.at(range, findings, &result.newest);
        logChecks.at(range, findings, nullptr);
    }
    tableChecks.atEnd(range.size(), findings);
    logChecks.atEnd(range.size(), findings);
    result.head = range.head();
    snapshot.commit();
    return result;
}

}  // namespace kep::server::audit
