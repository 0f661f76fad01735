// The desk's sync engine as a state machine that does no I/O itself: it pushes the outbox in
// batches, pulls each bucket to its end, and retries with backoff — clock, dice and transport
// are injected, so kep-desk's thread, kep-loadgen and the simulation all drive the same code.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/HybridLogicalClock.h"
#include "shared/sync/OutboxStore.h"
#include "shared/sync/ReplicaStore.h"
#include "shared/sync/RetryBackoff.h"
#include "shared/sync/SyncTransport.h"

namespace kep::sync {

struct SyncClientConfig {
    std::string deviceId;
    std::vector<std::string> buckets;  // what the desk pulls (its office, catalogue, directory)
    std::size_t pushBatch = 200;       // ops per push request
    std::size_t auditBatch = 500;      // the desk's own audit entries per push request
    int pullLimit = 500;               // changes per pull request
    // Pull even without a nudge this often: nudges are hints and may be lost.
    std::chrono::milliseconds pollInterval{60'000};
    BackoffPolicy backoff;
};

// idle → pushing (batches in seq order until the outbox is empty) → pulling (each bucket until
// hasMore is false) → idle. Any transport error → waitingToRetry → (after the backoff) pushing.
enum class SyncPhase { Idle, Pushing, Pulling, WaitingToRetry };

std::string_view toString(SyncPhase phase);

// What the status bar and the sync panel show.
struct SyncStatus {
    SyncPhase phase = SyncPhase::Idle;
    std::size_t pendingOps = 0;
    std::optional<std::chrono::milliseconds> oldestPendingAge;
    std::optional<Instant> lastPushAt;     // the last push the server answered
    std::optional<Instant> lastPullAt;     // the last pull the server answered
    std::optional<Instant> upToDateAsOf;   // start of the last cycle that completed
    std::string lastError;                 // cleared when a cycle completes
    std::size_t needingAttention = 0;      // rejected and conflicting ops a person must see
    std::optional<Instant> nextAttemptAt;  // while waiting to retry
    int consecutiveFailures = 0;
};

// Told to the observer as it happens (the desk turns these into queued Qt signals).
struct SyncEvent {
    enum class Kind {
        PhaseChanged,
        OpRejected,    // deviceSeq, reason: shown to a person, kept in the outbox
        OpConflicted,  // deviceSeq, reason: the conflict inbox has the values
        Pulled,        // bucket, count: the replica changed
        Failed,        // reason: the last error
    };
    Kind kind = Kind::PhaseChanged;
    SyncPhase phase = SyncPhase::Idle;
    std::int64_t deviceSeq = 0;
    std::string bucket;
    std::size_t count = 0;
    std::string reason;
};

// Driving it (kep-desk's sync thread, one kep-loadgen desk):
//     while (running) {
//         while (client.step()) {}                 // one exchange per call
//         wait until client.nextWakeAt(), or an edit / nudge / "sync now" wakes the thread
//     }
// Edits call requestSync() after their transaction committed; nudges from the WebSocket go to
// onNudge(). Not thread-safe: every call from the one thread that owns the engine.
//
// What the engine guarantees: ops leave the outbox only when the server answered for them, and
// so do the desk's audit entries (a push carries up to auditBatch of them, with or without ops); an
// op answered rejected or conflict stays visible in the outbox (needsAttention) and is reported by
// an event; a pulled batch and its cursor are stored together; a cursor never goes back (a
// response with a lower cursor is an error, not applied); after an error nothing is sent before
// the backoff's time, and never twice within a second.
class SyncClient {
public:
    using WallClock = std::function<Instant()>;  // a steady clock is best: only differences count
    using RandomSource = std::function<std::uint64_t()>;

    // `hlc` is the desk's clock, shared with its OutboxOpFactory; it is moved past every op the
    // outbox holds (a restarted desk never stamps below its earlier ops) and forward by the
    // server's time in every answer (a desk whose clock is behind catches up, within the HLC's
    // own clamp on remote clocks).
    SyncClient(SyncClientConfig config, OutboxStore& outbox, ReplicaStore& replica,
               SyncTransport& transport, domain::HybridLogicalClock& hlc, WallClock clock,
               RandomSource random);

    // Does at most one exchange with the server when one is due. True when it did something
    // (call again), false when there is nothing to do before nextWakeAt().
    bool step();
    Instant nextWakeAt() const;

    // An edit was queued: run a cycle as soon as allowed (while waiting to retry: at the
    // backoff's time — a clerk filing during an outage does not hammer the server).
    void requestSync();
    // A person pressed "sync now": as requestSync(), and a wait for retry is cut short to one
    // second after the last attempt.
    void syncNow();
    // A nudge for a bucket this desk pulls, above its cursor, starts a cycle (not while waiting
    // to retry: after an outage every desk gets nudged, and the backoff spreads them out).
    void onNudge(const Nudge& nudge);

    SyncStatus status() const;
    SyncPhase phase() const { return phase_; }
    void setObserver(std::function<void(const SyncEvent&)> observer) {
        observer_ = std::move(observer);
    }

private:
    bool somethingToPush() const;  // ops or audit entries
    void startCycle(Instant now);
    void setPhase(SyncPhase phase);
    void pushBatch(Instant now);
    void pullBucket(Instant now);
    void finishCycle(Instant now);
    void fail(Instant attemptStart, std::string message);
    void notify(SyncEvent event);

    SyncClientConfig config_;
    OutboxStore& outbox_;
    ReplicaStore& replica_;
    SyncTransport& transport_;
    domain::HybridLogicalClock& hlc_;
    WallClock clock_;
    RandomSource random_;
    RetryBackoff backoff_;
    std::function<void(const SyncEvent&)> observer_;

    SyncPhase phase_ = SyncPhase::Idle;
    bool cycleRequested_ = true;  // a fresh engine syncs at once
    std::size_t bucketIndex_ = 0;
    Instant cycleStartedAt_{};
    Instant nextPollAt_{};
    Instant retryAt_{};
    std::optional<Instant> lastAttemptAt_;
    std::optional<Instant> lastPushAt_;
    std::optional<Instant> lastPullAt_;
    std::optional<Instant> upToDateAsOf_;
    std::string lastError_;
};

}  // namespace kep::sync
