// Group commit for PgSyncServerStore (issue 10): the pushes that arrive while one COMMIT is on its
// way share the next one — one transaction, one lock, one fsync — each acknowledged only after it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>

#include "shared/sync/SyncServerStore.h"
#include "storage/pg/PgConnection.h"
#include "sync/PgSyncServerStore.h"

namespace kep::server::sync {

// Why: a desk pushes a handful of ops at a time, and each push alone is a transaction of a dozen
// round trips, a wait for the writers' lock and an fsync — about fifty pushes a second per
// connection, whatever the disk. Here a kep-server process's pushing threads each hold a member()
// (a SyncServerStore for their SyncServerCore) over one connection: a push runs the core's logic
// in the group's open transaction, alone (the turn), so the single-writer reasoning of the store
// holds; its commit() keeps its writes and waits. Whoever finds the turn free, nobody waiting for
// it and the group not yet committed, commits the whole group, and every member of it returns
// (or throws the commit's failure) only then. A push that fails is dropped alone
// (PgSyncServerStore::dropPush()); the others still commit. Groups are capped at `maxPushes`, so
// a steady stream of pushes still commits.
class PgCommitGroup {
public:
    explicit PgCommitGroup(kep::server::pg::Connection& db, std::size_t maxPushes = 128);
    ~PgCommitGroup();
    PgCommitGroup(const PgCommitGroup&) = delete;
    PgCommitGroup& operator=(const PgCommitGroup&) = delete;

    // One per thread (not thread-safe itself); must not outlive the group.
    std::unique_ptr<kep::sync::SyncServerStore> member();

    // COMMITs made and pushes they carried, for the bench and the tests.
    std::uint64_t commits() const;
    std::uint64_t pushesCommitted() const;
    // sync_counter.last_seq as this group's last COMMIT left it (or its first transaction found
    // it): every change up to it is committed. A push that returned has its changes below it.
    std::int64_t committedMark() const;
    // Threads waiting for the turn: what a test waits for before letting a group commit.
    int waiting() const;

private:
    class Member;

    void takeTurn(std::unique_lock<std::mutex>& lock);
    void enterPush();
    void keepPushAndWait();
    void commitGroup(std::unique_lock<std::mutex>& lock);
    void dropPush();
    void releaseTurn();  // under mutex_
    bool mayCommit(std::uint64_t group) const;

    PgSyncServerStore store_;
    const std::size_t maxPushes_;
    mutable std::mutex mutex_;
    std::condition_variable turnFree_;    // for the threads waiting for the turn
    std::condition_variable groupMoved_;  // for kept pushes: the group may commit, or has
    bool turnTaken_ = false;              // a push (or a read) is using the store
    bool committing_ = false;
    int waiting_ = 0;          // threads waiting for the turn
    std::uint64_t group_ = 1;  // the open group's number
    std::uint64_t done_ = 0;   // every group up to this one has committed or failed
    std::size_t kept_ = 0;     // pushes kept in the open group
    // The groups whose COMMIT failed: why, and how many of their members are still to be told.
    std::map<std::uint64_t, std::pair<std::exception_ptr, std::size_t>> failures_;
    std::uint64_t commits_ = 0;
    std::uint64_t pushesCommitted_ = 0;
    std::int64_t committedMark_ = 0;
};

}  // namespace kep::server::sync
