#include "shared/sync/MemoryDeskStore.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>

namespace kep::sync {

std::int64_t MemoryDeskStore::append(OutboxOp& op, Instant queuedAt) {
    op.deviceSeq = static_cast<std::int64_t>(entries_.size()) + 1;
    highestHlc_ = std::max(highestHlc_, op.hlc);
    entries_.push_back(OutboxEntry{op, OpState::Pending, queuedAt, {}, std::nullopt});
    ++pending_;
    return op.deviceSeq;
}

std::vector<OutboxOp> MemoryDeskStore::pendingOps(std::size_t limit) const {
    std::vector<OutboxOp> out;
    for (std::size_t i = firstPending_; i < entries_.size() && out.size() < limit; ++i) {
        if (entries_[i].state == OpState::Pending) {
            out.push_back(entries_[i].op);
        }
    }
    return out;
}

std::optional<Instant> MemoryDeskStore::oldestPendingQueuedAt() const {
    for (std::size_t i = firstPending_; i < entries_.size(); ++i) {
        if (entries_[i].state == OpState::Pending) {
            return entries_[i].queuedAt;
        }
    }
    return std::nullopt;
}

void MemoryDeskStore::settle(std::span<const Settlement> settlements) {
    // Checked before anything changes, so that a bad batch leaves the store as it was.
    for (const Settlement& s : settlements) {
        if (s.deviceSeq < 1 || s.deviceSeq > static_cast<std::int64_t>(entries_.size())) {
            throw std::logic_error("outbox: settling an op that was never queued");
        }
        if (s.state == OpState::Pending) {
            throw std::logic_error("outbox: settling an op as pending");
        }
    }
    for (const Settlement& s : settlements) {
        OutboxEntry& e = entries_[static_cast<std::size_t>(s.deviceSeq - 1)];
        if (e.state == OpState::Pending) {
            --pending_;
        }
        e.state = s.state;
        e.reason = s.reason;
        e.serverVersion = s.serverVersion;
    }
    while (firstPending_ < entries_.size() && entries_[firstPending_].state != OpState::Pending) {
        ++firstPending_;
    }
}

std::vector<OutboxEntry> MemoryDeskStore::needsAttention() const {
    std::vector<OutboxEntry> out;
    for (const OutboxEntry& e : entries_) {
        if (e.state == OpState::Rejected || e.state == OpState::Conflict) {
            out.push_back(e);
        }
    }
    return out;
}

std::int64_t MemoryDeskStore::cursor(std::string_view bucket) const {
    const auto it = cursors_.find(bucket);
    return it == cursors_.end() ? 0 : it->second;
}

void MemoryDeskStore::applyPulled(std::string_view bucket, std::span<const Change> changes,
                                  std::int64_t newCursor) {
    if (newCursor < cursor(bucket)) {
        throw std::logic_error("replica: the cursor of " + std::string{bucket} + " would go back");
    }
    for (const Change& c : changes) {
        if (c.deleted) {
            rows_.erase(c.entity);
            continue;
        }
        auto [it, inserted] = rows_.try_emplace(c.entity);
        ReplicaRow& row = it->second;
        if (!inserted && c.version <= row.version) {
            continue;
        }
        row.ref = c.entity;
        row.bucket = std::string{bucket};
        row.version = c.version;
        for (const auto& [name, value] : c.fields) {
            row.fields[name] = value;
        }
    }
    cursors_[std::string{bucket}] = newCursor;
}

std::optional<ReplicaRow> MemoryDeskStore::row(const EntityRef& ref) const {
    const auto it = rows_.find(ref);
    if (it == rows_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<ReplicaRow> MemoryDeskStore::rowsIn(std::string_view bucket) const {
    std::vector<ReplicaRow> out;
    for (const auto& [ref, row] : rows_) {
        if (row.bucket == bucket) {
            out.push_back(row);
        }
    }
    return out;
}

std::vector<audit::AuditEntry> MemoryDeskStore::pendingAudit(std::size_t limit) const {
    const auto count = std::min(limit, audit_.size());
    return {audit_.begin(), audit_.begin() + static_cast<std::ptrdiff_t>(count)};
}

void MemoryDeskStore::auditDelivered(std::span<const audit::AuditEntry> entries) {
    std::set<std::string_view> sent;
    for (const audit::AuditEntry& entry : entries) {
        sent.insert(entry.entryId);
    }
    std::erase_if(audit_, [&](const audit::AuditEntry& e) { return sent.contains(e.entryId); });
}

}  // namespace kep::sync
