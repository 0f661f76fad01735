// One simulated kep-desk: a clerk filing cases and a manager approving some, queued in an
// in-memory outbox and synced by the desk's own engine (SyncClient) over its own HTTPS client.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "Fleet.h"
#include "MeasuringTransport.h"
#include "SyntheticFilings.h"
#include "net/HttpsClient.h"
#include "net/HttpsSyncTransport.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncClient.h"

namespace kep::loadgen {

using Instant = sync::Instant;

struct DeskPlan {
    int cases = 0;
    bool offlineFirst = false;  // every case (and approval) queued before the first exchange
    int approvePercent = 30;
    std::chrono::milliseconds duration{0};  // online: filings spread evenly over this long
    std::size_t pushBatch = 200;
    std::chrono::milliseconds maxBackoff{300'000};
    std::chrono::milliseconds requestTimeout{15'000};
    std::uint32_t firstProtocolSequence = 1;  // this desk's block of the office's numbers
};

// A case as the desk filed it: the ops whose answers say what the server must hold.
struct FiledCase {
    std::string caseId;
    std::int64_t filingSeq = 0;  // the one create, carrying the filed status (pending_approval)
    bool approve = false;        // the manager approves it once it reached the server
    std::optional<std::int64_t> approveSeq;
};

class SimulatedDesk {
public:
    SimulatedDesk(DeskIdentity identity, const DeskPlan& plan, const net::Endpoint& server,
                  const std::string& caFile, std::uint64_t seed);
    SimulatedDesk(const SimulatedDesk&) = delete;
    SimulatedDesk& operator=(const SimulatedDesk&) = delete;

    // Queues what is due (filings, approvals), then does at most one exchange with the server.
    // Called by one worker at a time; returns when it wants to be called again.
    Instant work();
    // Every case filed and every approval queued, the outbox drained, the engine idle.
    bool finished() const;

    const DeskIdentity& identity() const { return identity_; }
    const ExchangeLog& log() const { return log_; }
    const sync::MemoryDeskStore& store() const { return store_; }
    const std::vector<FiledCase>& filed() const { return filed_; }
    // The desk's own link, unmeasured: for reading its office's bucket back at the end.
    sync::SyncTransport& serverLink() { return https_; }

private:
    static Instant now();
    void fileCase(Instant at);
    void approve(FiledCase& filed, Instant at);
    bool queueDueWork(Instant at);
    std::optional<Instant> nextFilingAt() const;

    DeskIdentity identity_;
    DeskPlan plan_;
    std::string bucket_;
    SyntheticFilings filings_;
    std::mt19937_64 dice_;
    domain::HybridLogicalClock hlc_;
    domain::UuidV7Generator ids_;
    sync::OutboxOpFactory ops_;
    sync::MemoryDeskStore store_;
    net::HttpsClient client_;
    net::HttpsSyncTransport https_;
    ExchangeLog log_;
    MeasuringTransport measured_;
    sync::SyncClient engine_;
    Instant startedAt_;
    std::vector<FiledCase> filed_;
    std::deque<std::size_t> awaitingApproval_;  // filed_ indexes, in filing order
};

}  // namespace kep::loadgen
