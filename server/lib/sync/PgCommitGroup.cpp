#include "sync/PgCommitGroup.h"

#include <stdexcept>

namespace kep::server::sync {

using kep::sync::Change;
using kep::sync::EntityRef;
using kep::sync::EntityRow;
using kep::sync::LoggedChange;
using kep::sync::StoredResult;

// A thread's view of the group: a push between begin() and commit()/rollback() holds the turn and
// reaches the store directly; reads outside a push take the turn for the one call.
class PgCommitGroup::Member : public kep::sync::SyncServerStore {
public:
    explicit Member(PgCommitGroup& group) : group_(group), store_(group.store_) {}
    ~Member() override {
        if (inPush_) {
            rollback();
        }
    }
    Member(const Member&) = delete;
    Member& operator=(const Member&) = delete;

    void begin() override {
        if (inPush_) {
            throw std::logic_error("sync store: a transaction is already open");
        }
        group_.enterPush();
        inPush_ = true;
    }
    void commit() override {
        requirePush();
        inPush_ = false;
        group_.keepPushAndWait();
    }
    void rollback() override {
        // After a failed commit() the push is no longer held: the group has rolled back.
        if (inPush_) {
            inPush_ = false;
            group_.dropPush();
        }
    }

    std::int64_t lastAppliedSeq(std::string_view deviceId) override {
        requirePush();
        return store_.lastAppliedSeq(deviceId);
    }
    void setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) override {
        requirePush();
        store_.setLastAppliedSeq(deviceId, seq);
    }
    std::optional<StoredResult> result(std::string_view deviceId, std::int64_t seq) override {
        requirePush();
        return store_.result(deviceId, seq);
    }
    void putResult(std::string_view deviceId, std::int64_t seq,
                   const StoredResult& result) override {
        requirePush();
        store_.putResult(deviceId, seq, result);
    }
    std::optional<EntityRow> entity(const EntityRef& ref) override {
        requirePush();
        return store_.entity(ref);
    }
    void putEntity(const EntityRow& row) override {
        requirePush();
        store_.putEntity(row);
    }
    void appendHistory(const EntityRef& ref, const kep::cases::HistoryEntry& entry) override {
        requirePush();
        store_.appendHistory(ref, entry);
    }
    std::int64_t appendChange(LoggedChange change) override {
        requirePush();
        return store_.appendChange(std::move(change));
    }
    void appendAudit(std::span<const kep::audit::AuditEntry> entries) override {
        requirePush();
        store_.appendAudit(entries);
    }
    void prefetchEntities(std::span<const EntityRef> refs) override {
        requirePush();
        store_.prefetchEntities(refs);
    }

    std::int64_t safeHighWaterMark() override {
        if (inPush_) {
            return store_.safeHighWaterMark();
        }
        const Turn turn(group_);
        return store_.safeHighWaterMark();
    }
    std::vector<Change> changesAfter(std::string_view bucket, std::int64_t after, std::int64_t upTo,
                                     std::size_t limit) override {
        if (inPush_) {
            return store_.changesAfter(bucket, after, upTo, limit);
        }
        // Inside the group's open transaction, if there is one: nothing of it is written before
        // its COMMIT, so this still reads committed rows only.
        const Turn turn(group_);
        return store_.changesAfter(bucket, after, upTo, limit);
    }

private:
    // The turn for one read outside a push.
    class Turn {
    public:
        explicit Turn(PgCommitGroup& group) : group_(group) {
            std::unique_lock lock(group_.mutex_);
            group_.takeTurn(lock);
        }
        ~Turn() {
            const std::lock_guard lock(group_.mutex_);
            group_.releaseTurn();
        }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

    private:
        PgCommitGroup& group_;
    };

    void requirePush() const {
        if (!inPush_) {
            throw std::logic_error("sync store: no open transaction");
        }
    }

    PgCommitGroup& group_;
    PgSyncServerStore& store_;
    bool inPush_ = false;
};

PgCommitGroup::PgCommitGroup(kep::server::pg::Connection& db, std::size_t maxPushes)
    : store_(db)
    , maxPushes_(maxPushes == 0 ? 1 : maxPushes) {}

PgCommitGroup::~PgCommitGroup() {
    if (store_.inTransaction()) {
        store_.rollback();
    }
}

std::unique_ptr<kep::sync::SyncServerStore> PgCommitGroup::member() {
    return std::make_unique<Member>(*this);
}

std::uint64_t PgCommitGroup::commits() const {
    const std::lock_guard lock(mutex_);
    return commits_;
}

std::uint64_t PgCommitGroup::pushesCommitted() const {
    const std::lock_guard lock(mutex_);
    return pushesCommitted_;
}

std::int64_t PgCommitGroup::committedMark() const {
    const std::lock_guard lock(mutex_);
    return committedMark_;
}

int PgCommitGroup::waiting() const {
    const std::lock_guard lock(mutex_);
    return waiting_;
}

void PgCommitGroup::takeTurn(std::unique_lock<std::mutex>& lock) {
    ++waiting_;
    turnFree_.wait(lock, [this] { return !turnTaken_ && !committing_; });
    --waiting_;
    turnTaken_ = true;
}

void PgCommitGroup::enterPush() {
    std::unique_lock lock(mutex_);
    takeTurn(lock);
    lock.unlock();
    try {
        // The first push of a group opens its transaction (and takes the writers' lock).
        if (!store_.inTransaction()) {
            store_.begin();
        }
        store_.markPush();
    } catch (...) {
        lock.lock();
        releaseTurn();
        throw;
    }
}

void PgCommitGroup::dropPush() {
    store_.dropPush();
    std::unique_lock lock(mutex_);
    if (kept_ == 0) {
        // Nothing of the group to commit: do not hold the writers' lock for nobody.
        store_.rollback();
    }
    releaseTurn();
}

// Wakes only whom the free turn concerns: with dozens of request threads on two cores, waking all
// of them at every push cost more than the pushes (each woke, took the mutex and slept again).
void PgCommitGroup::releaseTurn() {
    turnTaken_ = false;
    if (waiting_ > 0) {
        turnFree_.notify_one();  // they all wait for the same thing: any one may take it
    }
    if (waiting_ == 0 || kept_ >= maxPushes_) {
        groupMoved_.notify_all();  // the kept pushes: one of them commits the group
    }
}

bool PgCommitGroup::mayCommit(std::uint64_t group) const {
    return group == group_ && !committing_ && !turnTaken_ && (waiting_ == 0 || kept_ >= maxPushes_);
}

void PgCommitGroup::keepPushAndWait() {
    store_.keepPush();
    std::unique_lock lock(mutex_);
    ++kept_;
    const std::uint64_t group = group_;
    releaseTurn();
    groupMoved_.wait(lock, [&] { return done_ >= group || mayCommit(group); });
    if (done_ < group) {
        commitGroup(lock);
    }
    if (const auto failed = failures_.find(group); failed != failures_.end()) {
        const std::exception_ptr why = failed->second.first;
        if (--failed->second.second == 0) {
            failures_.erase(failed);
        }
        std::rethrow_exception(why);
    }
}

void PgCommitGroup::commitGroup(std::unique_lock<std::mutex>& lock) {
    committing_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
        store_.commit();  // rolls back by itself when it throws
    } catch (...) {
        failure = std::current_exception();
    }
    lock.lock();
    if (failure) {
        failures_.insert_or_assign(group_, std::pair{failure, kept_});
    } else {
        ++commits_;
        pushesCommitted_ += kept_;
        committedMark_ = store_.committedSeq();
    }
    done_ = group_;
    ++group_;
    kept_ = 0;
    committing_ = false;
    groupMoved_.notify_all();  // every member of the group returns
    if (waiting_ > 0) {
        turnFree_.notify_one();
    }
}

}  // namespace kep::server::sync
