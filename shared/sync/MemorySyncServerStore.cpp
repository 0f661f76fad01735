#include "shared/sync/MemorySyncServerStore.h"

#include <algorithm>
#include <stdexcept>

namespace kep::sync {

namespace {

const std::vector<LoggedChange> kNoChanges;
const std::vector<cases::HistoryEntry> kNoHistory;

}  // namespace

void MemorySyncServerStore::requireOpen() const {
    if (!open_) {
        throw std::logic_error("server store: no open transaction");
    }
}

void MemorySyncServerStore::begin() {
    if (open_) {
        throw std::logic_error("server store: a transaction is already open");
    }
    pending_ = State{};
    pending_.lastSeq = committed_.lastSeq;
    open_ = true;
}

void MemorySyncServerStore::commit() {
    requireOpen();
    if (commitFault_ && commitFault_()) {
        rollback();
        throw CommitLost();
    }
    for (auto& [device, seq] : pending_.deviceSeq) {
        committed_.deviceSeq[device] = seq;
    }
    for (auto& [key, result] : pending_.results) {
        committed_.results[key] = std::move(result);
    }
    for (auto& [ref, row] : pending_.entities) {
        committed_.entities[ref] = std::move(row);
    }
    for (auto& [ref, entries] : pending_.history) {
        auto& target = committed_.history[ref];
        target.insert(target.end(), entries.begin(), entries.end());
    }
    for (auto& [bucket, changes] : pending_.changes) {
        auto& target = committed_.changes[bucket];
        target.insert(target.end(), std::make_move_iterator(changes.begin()),
                      std::make_move_iterator(changes.end()));
    }
    committed_.lastSeq = pending_.lastSeq;
    committed_.audit.insert(committed_.audit.end(), std::make_move_iterator(pending_.audit.begin()),
                            std::make_move_iterator(pending_.audit.end()));
    committed_.auditIds.merge(pending_.auditIds);
    pending_ = State{};
    open_ = false;
    ++commits_;
}

void MemorySyncServerStore::rollback() {
    pending_ = State{};
    open_ = false;
}

std::int64_t MemorySyncServerStore::lastAppliedSeq(std::string_view deviceId) {
    requireOpen();
    if (const auto it = pending_.deviceSeq.find(deviceId); it != pending_.deviceSeq.end()) {
        return it->second;
    }
    return committedLastAppliedSeq(deviceId);
}

void MemorySyncServerStore::setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) {
    requireOpen();
    pending_.deviceSeq[std::string{deviceId}] = seq;
}

std::optional<StoredResult> MemorySyncServerStore::result(std::string_view deviceId,
                                                          std::int64_t seq) {
    requireOpen();
    const ResultKey key{std::string{deviceId}, seq};
    if (const auto it = pending_.results.find(key); it != pending_.results.end()) {
        return it->second;
    }
    return committedResult(deviceId, seq);
}

void MemorySyncServerStore::putResult(std::string_view deviceId, std::int64_t seq,
                                      const StoredResult& result) {
    requireOpen();
    pending_.results[{std::string{deviceId}, seq}] = result;
}

std::optional<EntityRow> MemorySyncServerStore::entity(const EntityRef& ref) {
    requireOpen();
    if (const auto it = pending_.entities.find(ref); it != pending_.entities.end()) {
        return it->second;
    }
    if (const auto it = committed_.entities.find(ref); it != committed_.entities.end()) {
        return it->second;
    }
    return std::nullopt;
}

void MemorySyncServerStore::putEntity(const EntityRow& row) {
    requireOpen();
    pending_.entities[row.ref] = row;
}

void MemorySyncServerStore::appendHistory(const EntityRef& ref, const cases::HistoryEntry& entry) {
    requireOpen();
    pending_.history[ref].push_back(entry);
}

std::int64_t MemorySyncServerStore::appendChange(LoggedChange change) {
    requireOpen();
    change.change.seq = ++pending_.lastSeq;
    const std::int64_t seq = change.change.seq;
    auto& bucket = pending_.changes[change.bucket];
    bucket.push_back(std::move(change));
    return seq;
}

void MemorySyncServerStore::appendAudit(std::span<const audit::AuditEntry> entries) {
    requireOpen();
    // All checked before any is kept, as AuditLog::append does: a bad entry writes nothing.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (const auto problem = audit::problemWith(entries[i])) {
            throw std::invalid_argument("audit entry " + std::to_string(i) + ": " + *problem);
        }
    }
    for (const audit::AuditEntry& entry : entries) {
        if (committed_.auditIds.contains(entry.entryId) ||
            !pending_.auditIds.insert(entry.entryId).second) {
            continue;
        }
        pending_.audit.push_back(entry);
    }
}

std::vector<Change> MemorySyncServerStore::changesAfter(std::string_view bucket, std::int64_t after,
                                                        std::int64_t upTo, std::size_t limit) {
    std::vector<Change> out;
    const auto it = committed_.changes.find(bucket);
    if (it == committed_.changes.end()) {
        return out;
    }
    const auto& log = it->second;
    auto first = std::upper_bound(
        log.begin(), log.end(), after,
        [](std::int64_t seq, const LoggedChange& c) { return seq < c.change.seq; });
    for (; first != log.end() && first->change.seq <= upTo && out.size() < limit; ++first) {
        out.push_back(first->change);
    }
    return out;
}

std::vector<EntityRow> MemorySyncServerStore::entitiesIn(std::string_view bucket) const {
    std::vector<EntityRow> out;
    for (const auto& [ref, row] : committed_.entities) {
        if (row.bucket == bucket) {
            out.push_back(row);
        }
    }
    return out;
}

const std::vector<LoggedChange>& MemorySyncServerStore::changeLog(std::string_view bucket) const {
    const auto it = committed_.changes.find(bucket);
    return it == committed_.changes.end() ? kNoChanges : it->second;
}

std::vector<std::string> MemorySyncServerStore::buckets() const {
    std::vector<std::string> out;
    for (const auto& [bucket, log] : committed_.changes) {
        out.push_back(bucket);
    }
    return out;
}

std::optional<StoredResult> MemorySyncServerStore::committedResult(std::string_view deviceId,
                                                                   std::int64_t seq) const {
    const auto it = committed_.results.find({std::string{deviceId}, seq});
    if (it == committed_.results.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::int64_t MemorySyncServerStore::committedLastAppliedSeq(std::string_view deviceId) const {
    const auto it = committed_.deviceSeq.find(deviceId);
    return it == committed_.deviceSeq.end() ? 0 : it->second;
}

const std::vector<cases::HistoryEntry>& MemorySyncServerStore::history(const EntityRef& ref) const {
    const auto it = committed_.history.find(ref);
    return it == committed_.history.end() ? kNoHistory : it->second;
}

}  // namespace kep::sync
