#include "shared/sync/SyncClient.h"

#include <algorithm>

namespace kep::sync {

std::string_view toString(SyncPhase phase) {
    switch (phase) {
        case SyncPhase::Idle:
            return "idle";
        case SyncPhase::Pushing:
            return "pushing";
        case SyncPhase::Pulling:
            return "pulling";
        case SyncPhase::WaitingToRetry:
            return "waiting_to_retry";
    }
    return "?";
}

SyncClient::SyncClient(SyncClientConfig config, OutboxStore& outbox, ReplicaStore& replica,
                       SyncTransport& transport, domain::HybridLogicalClock& hlc, WallClock clock,
                       RandomSource random)
    : config_(std::move(config))
    , outbox_(outbox)
    , replica_(replica)
    , transport_(transport)
    , hlc_(hlc)
    , clock_(std::move(clock))
    , random_(std::move(random))
    , backoff_(config_.backoff) {
    hlc_.restore(outbox_.highestHlc());
    nextPollAt_ = clock_();
}

bool SyncClient::step() {
    const Instant now = clock_();
    if (phase_ == SyncPhase::WaitingToRetry) {
        if (now < retryAt_) {
            return false;
        }
        startCycle(now);
    } else if (phase_ == SyncPhase::Idle) {
        if (!cycleRequested_ && !somethingToPush() && now < nextPollAt_) {
            return false;
        }
        startCycle(now);
    }
    if (phase_ == SyncPhase::Pushing) {
        if (somethingToPush()) {
            pushBatch(now);
            return true;
        }
        bucketIndex_ = 0;
        setPhase(SyncPhase::Pulling);
    }
    if (bucketIndex_ >= config_.buckets.size()) {
        finishCycle(now);  // nothing to pull: no exchange
        return false;
    }
    pullBucket(now);
    if (phase_ == SyncPhase::Pulling && bucketIndex_ >= config_.buckets.size()) {
        finishCycle(now);
    }
    return true;
}

Instant SyncClient::nextWakeAt() const {
    switch (phase_) {
        case SyncPhase::Pushing:
        case SyncPhase::Pulling:
            return clock_();
        case SyncPhase::WaitingToRetry:
            return retryAt_;
        case SyncPhase::Idle:
            break;
    }
    if (cycleRequested_ || somethingToPush()) {
        return clock_();
    }
    return nextPollAt_;
}

bool SyncClient::somethingToPush() const {
    return outbox_.pendingCount() > 0 || outbox_.pendingAuditCount() > 0;
}

void SyncClient::requestSync() {
    cycleRequested_ = true;
}

void SyncClient::syncNow() {
    cycleRequested_ = true;
    if (phase_ == SyncPhase::WaitingToRetry) {
        const Instant earliest =
            lastAttemptAt_ ? *lastAttemptAt_ + config_.backoff.minGap : clock_();
        retryAt_ = std::min(retryAt_, std::max(earliest, clock_()));
    }
}

void SyncClient::onNudge(const Nudge& nudge) {
    const bool pulled = std::find(config_.buckets.begin(), config_.buckets.end(), nudge.bucket) !=
                        config_.buckets.end();
    if (pulled && nudge.upTo > replica_.cursor(nudge.bucket)) {
        cycleRequested_ = true;
    }
}

void SyncClient::startCycle(Instant now) {
    cycleRequested_ = false;
    cycleStartedAt_ = now;
    bucketIndex_ = 0;
    setPhase(SyncPhase::Pushing);
}

void SyncClient::setPhase(SyncPhase phase) {
    if (phase_ != phase) {
        phase_ = phase;
        notify({SyncEvent::Kind::PhaseChanged, phase, 0, {}, 0, {}});
    }
}

void SyncClient::pushBatch(Instant now) {
    lastAttemptAt_ = now;
    PushRequest request;
    request.deviceId = config_.deviceId;
    request.ops = outbox_.pendingOps(config_.pushBatch);
    request.audit = outbox_.pendingAudit(config_.auditBatch);
    auto answer = transport_.push(request);
    if (const auto* error = std::get_if<TransportError>(&answer)) {
        fail(now, "push: " + error->message);
        return;
    }
    const PushResponse& response = std::get<PushResponse>(answer);
    // Answered, so committed: the server wrote the entries with the push (or had them already).
    if (!request.audit.empty()) {
        outbox_.auditDelivered(request.audit);
    }

    std::vector<Settlement> settlements;
    std::string deferredReason;
    for (const OpResult& result : response.results) {
        const auto sent =
            std::find_if(request.ops.begin(), request.ops.end(),
                         [&](const OutboxOp& op) { return op.deviceSeq == result.deviceSeq; });
        if (sent == request.ops.end() || sent->opId != result.opId) {
            fail(now, "push: the server answered for an op it was not sent");
            return;
        }
        OpState state = OpState::Applied;
        switch (result.settledOutcome()) {
            case OpOutcome::Applied:
                state = OpState::Applied;
                break;
            case OpOutcome::Conflict:
                state = OpState::Conflict;
                break;
            case OpOutcome::Rejected:
                state = OpState::Rejected;
                break;
            case OpOutcome::Deferred:
            case OpOutcome::Duplicate:
                if (deferredReason.empty()) {
                    deferredReason = result.reason;
                }
                continue;
        }
        settlements.push_back({result.deviceSeq, state, result.reason, result.serverVersion});
    }
    hlc_.update(response.serverHlc);
    if (settlements.empty() && !request.ops.empty()) {
        // Nothing moved: sending the same batch at once would loop. The server expects an op
        // this desk no longer has, or it answered nothing; a person must see that.
        fail(now, "push: the server applied none of the ops (" + deferredReason + ")");
        return;
    }
    if (!settlements.empty()) {
        outbox_.settle(settlements);
    }
    lastPushAt_ = now;
    for (const Settlement& s : settlements) {
        if (s.state == OpState::Rejected) {
            notify({SyncEvent::Kind::OpRejected, phase_, s.deviceSeq, {}, 0, s.reason});
        } else if (s.state == OpState::Conflict) {
            notify({SyncEvent::Kind::OpConflicted, phase_, s.deviceSeq, {}, 0, s.reason});
        }
    }
}

void SyncClient::pullBucket(Instant now) {
    const std::string& bucket = config_.buckets[bucketIndex_];
    const std::int64_t cursor = replica_.cursor(bucket);
    lastAttemptAt_ = now;
    PullRequest request;
    request.bucket = bucket;
    request.cursor = cursor;
    request.limit = config_.pullLimit;
    auto answer = transport_.pull(request);
    if (const auto* error = std::get_if<TransportError>(&answer)) {
        fail(now, "pull " + bucket + ": " + error->message);
        return;
    }
    const PullResponse& response = std::get<PullResponse>(answer);
    if (response.bucket != bucket) {
        fail(now, "pull " + bucket + ": the answer is for another bucket");
        return;
    }
    if (response.cursor < cursor) {
        fail(now, "pull " + bucket + ": the server's cursor is behind this desk's");
        return;
    }
    std::int64_t previous = cursor;
    for (const Change& change : response.changes) {
        if (change.seq <= previous || change.seq > response.cursor) {
            fail(now, "pull " + bucket + ": changes out of order");
            return;
        }
        previous = change.seq;
    }
    if (response.hasMore && response.cursor == cursor) {
        fail(now, "pull " + bucket + ": the server has more but sent nothing");
        return;
    }
    replica_.applyPulled(bucket, response.changes, response.cursor);
    hlc_.update(response.serverHlc);
    lastPullAt_ = now;
    if (!response.changes.empty()) {
        notify({SyncEvent::Kind::Pulled, phase_, 0, bucket, response.changes.size(), {}});
    }
    if (!response.hasMore) {
        ++bucketIndex_;
    }
}

void SyncClient::finishCycle(Instant now) {
    upToDateAsOf_ = cycleStartedAt_;
    lastError_.clear();
    backoff_.reset();
    nextPollAt_ = now + config_.pollInterval;
    setPhase(SyncPhase::Idle);
}

void SyncClient::fail(Instant attemptStart, std::string message) {
    lastError_ = std::move(message);
    retryAt_ = backoff_.afterFailure(attemptStart, clock_(), random_());
    setPhase(SyncPhase::WaitingToRetry);
    notify({SyncEvent::Kind::Failed, phase_, 0, {}, 0, lastError_});
}

void SyncClient::notify(SyncEvent event) {
    if (observer_) {
        observer_(event);
    }
}

SyncStatus SyncClient::status() const {
    const Instant now = clock_();
    SyncStatus s;
    s.phase = phase_;
    s.pendingOps = outbox_.pendingCount();
    if (const auto oldest = outbox_.oldestPendingQueuedAt()) {
        s.oldestPendingAge = std::max(now - *oldest, std::chrono::milliseconds{0});
    }
    s.lastPushAt = lastPushAt_;
    s.lastPullAt = lastPullAt_;
    s.upToDateAsOf = upToDateAsOf_;
    s.lastError = lastError_;
    s.needingAttention = outbox_.needsAttention().size();
    if (phase_ == SyncPhase::WaitingToRetry) {
        s.nextAttemptAt = retryAt_;
    }
    s.consecutiveFailures = backoff_.failures();
    return s;
}

}  // namespace kep::sync
