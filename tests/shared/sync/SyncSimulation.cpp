#include "SyncSimulation.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

#include "shared/cases/CaseStatus.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncClient.h"
#include "shared/sync/SyncProtocol.h"
#include "shared/sync/SyncServerCore.h"

namespace kep::sync::sim {

SimStats& SimStats::operator+=(const SimStats& o) {
    desks += o.desks;
    ops += o.ops;
    applied += o.applied;
    rejected += o.rejected;
    conflicts += o.conflicts;
    droppedRequests += o.droppedRequests;
    droppedResponses += o.droppedResponses;
    delayedDuplicates += o.delayedDuplicates;
    serverCrashes += o.serverCrashes;
    deskRestarts += o.deskRestarts;
    offlineSpells += o.offlineSpells;
    skewedDesks += o.skewedDesks;
    clampedOps += o.clampedOps;
    nudges += o.nudges;
    return *this;
}

namespace {

using namespace std::chrono;

constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
const Instant kEpoch{milliseconds{1'750'000'000'000}};  // June 2025

// A check that failed: the message says which property and for what.
class PropertyFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}
    std::uint64_t next() { return engine_(); }
    // Written out rather than std::uniform_int_distribution, whose results differ between
    // standard libraries: a seed must replay the same everywhere.
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    std::mt19937_64 engine_;
};

struct Faults {
    double dropRequest = 0;
    double dropResponse = 0;
    double duplicate = 0;
    double commitLost = 0;
    double nudgeLost = 0;
};

class World;

// The network between one desk and the server: requests and answers go through the wire codec
// (what the real transport does), and may be lost, delayed or delivered twice.
class SimTransport : public SyncTransport {
public:
    SimTransport(World& world, std::size_t desk) : world_(world), desk_(desk) {}
    TransportResult<PushResponse> push(const PushRequest& request) override;
    TransportResult<PullResponse> pull(const PullRequest& request) override;

private:
    World& world_;
    std::size_t desk_;
};

struct SimDesk {
    SimDesk(World& world, std::size_t index, std::string deviceId, std::string officeBucket,
            std::int64_t skew, Rng& rng, std::size_t batch, int pullLimit);

    void restart();
    Instant deskTime() const;

    World& world;
    std::string id;
    std::string bucket;
    std::int64_t skewMs;
    bool online = true;
    MemoryDeskStore store;
    domain::HybridLogicalClock hlc;
    domain::UuidV7Generator ids;
    OutboxOpFactory factory;
    SimTransport transport;
    SyncClientConfig config;
    std::unique_ptr<SyncClient> client;
    std::vector<EntityRef> created;
    std::int64_t highestCursor = 0;
    cases::Actor clerk;
    cases::Actor manager;
    int counter = 0;
};

class World {
public:
    World(std::uint64_t seed, bool trace, MemorySyncServerStore* server);
    SimResult run();

    // Called by the transports.
    TransportResult<PushResponse> deliverPush(std::size_t desk, const PushRequest& request);
    TransportResult<PullResponse> deliverPull(std::size_t desk, const PullRequest& request);

    Instant now;
    Rng rng;

private:
    friend struct SimDesk;
    void log(const std::string& line);
    void restartServer(const char* why);
    PushResponse serverPush(const std::string& device, const PushRequest& request);
    void publishNudge(const std::string& bucket);
    void deliverDue();
    void edit(SimDesk& desk);
    void stepDesk(SimDesk& desk);
    void heal();
    void check();
    std::uint64_t digest() const;

    bool trace_;
    bool healing_ = false;
    Faults faults_;
    MemorySyncServerStore ownStore_;
    MemorySyncServerStore& store_;
    std::unique_ptr<SyncServerCore> core_;
    std::map<std::string, std::string> officeOf_;  // device → bucket it may write
    std::vector<std::unique_ptr<SimDesk>> desks_;
    struct DelayedPush {
        Instant at;
        std::string device;
        PushRequest request;
    };
    std::vector<DelayedPush> delayed_;
    struct DelayedNudge {
        Instant at;
        std::size_t desk;
        Nudge nudge;
    };
    std::vector<DelayedNudge> nudges_;
    std::deque<std::string> recent_;  // the last events, for a failure's message
    SimStats stats_;
};

SimDesk::SimDesk(World& w, std::size_t index, std::string deviceId, std::string officeBucket,
                 std::int64_t skew, Rng& rng, std::size_t batch, int pullLimit)
    : world(w)
    , id(std::move(deviceId))
    , bucket(std::move(officeBucket))
    , skewMs(skew)
    , hlc([this] { return duration_cast<milliseconds>(deskTime().time_since_epoch()).count(); })
    , ids([this] { return time_point_cast<milliseconds>(deskTime()); },
          [&rng](std::span<std::uint8_t> out) {
              for (auto& b : out) {
                  b = static_cast<std::uint8_t>(rng.next());
              }
          })
    , factory(id, hlc, ids)
    , transport(w, index)
    , clerk{"u-clerk-" + id, cases::ActorRole::Clerk}
    , manager{"u-manager-" + bucket.substr(bucket.find(':') + 1), cases::ActorRole::Manager} {
    config.deviceId = id;
    config.buckets = {bucket, "catalogue"};
    config.pushBatch = batch;
    config.pullLimit = pullLimit;
    restart();
}

Instant SimDesk::deskTime() const {
    return world.now + milliseconds{skewMs};
}

void SimDesk::restart() {
    // The engine's memory is gone; the stores (SQLite on a real desk) and the HLC's persisted
    // value survive. The engine's clock is the world's: a steady clock does not jump with skew.
    client = std::make_unique<SyncClient>(
        config, store, store, transport, hlc, [this] { return world.now; },
        [this] { return world.rng.next(); });
}

TransportResult<PushResponse> SimTransport::push(const PushRequest& request) {
    return world_.deliverPush(desk_, request);
}

TransportResult<PullResponse> SimTransport::pull(const PullRequest& request) {
    return world_.deliverPull(desk_, request);
}

World::World(std::uint64_t seed, bool trace, MemorySyncServerStore* server)
    : now(kEpoch)
    , rng(seed)
    , trace_(trace)
    , store_(server != nullptr ? *server : ownStore_) {
    faults_.dropRequest = static_cast<double>(rng.below(20)) / 100.0;
    faults_.dropResponse = static_cast<double>(rng.below(20)) / 100.0;
    faults_.duplicate = static_cast<double>(rng.below(15)) / 100.0;
    faults_.commitLost = static_cast<double>(rng.below(8)) / 100.0;
    faults_.nudgeLost = static_cast<double>(rng.below(50)) / 100.0;
    store_.setCommitFault([this] {
        if (healing_ || !rng.chance(faults_.commitLost)) {
            return false;
        }
        ++stats_.serverCrashes;
        return true;
    });
    restartServer("start");

    const auto deskCount = static_cast<std::size_t>(2 + rng.below(7));
    const std::int64_t offices = 1 + rng.below(std::min<std::int64_t>(3, deskCount));
    stats_.desks = deskCount;
    for (std::size_t i = 0; i < deskCount; ++i) {
        const std::string bucket = "office:010" + std::to_string(1 + i % offices);
        std::int64_t skew = 0;
        const std::int64_t kind = rng.below(100);
        if (kind < 15) {
            skew = kYearMs;
        } else if (kind < 30) {
            skew = -kYearMs;
        } else if (kind < 50) {
            skew = rng.below(600'000) - 300'000;
        }
        if (skew == kYearMs || skew == -kYearMs) {
            ++stats_.skewedDesks;
        }
        const std::string id = "desk-" + std::to_string(i + 1);
        officeOf_[id] = bucket;
        // One draw per statement: the order of a call's arguments is unspecified, and a seed
        // must replay the same under every compiler.
        const auto batch = static_cast<std::size_t>(1 + rng.below(40));
        const auto pullLimit = static_cast<int>(1 + rng.below(40));
        desks_.push_back(
            std::make_unique<SimDesk>(*this, i, id, bucket, skew, rng, batch, pullLimit));
    }
    log("world: " + std::to_string(deskCount) + " desks, " + std::to_string(offices) + " offices");
}

void World::log(const std::string& line) {
    const std::string stamped =
        "[" + std::to_string(duration_cast<milliseconds>(now - kEpoch).count()) + "ms] " + line;
    if (trace_) {
        std::fprintf(stderr, "%s\n", stamped.c_str());
    }
    recent_.push_back(stamped);
    if (recent_.size() > 40) {
        recent_.pop_front();
    }
}

void World::restartServer(const char* why) {
    store_.crash();
    WriteAuthority authority;
    authority.mayWriteBucket = [this](std::string_view device, std::string_view bucket) {
        const auto it = officeOf_.find(std::string{device});
        return it != officeOf_.end() && it->second == bucket;
    };
    if (core_) {
        stats_.clampedOps += core_->clampedOps();
    }
    core_ = std::make_unique<SyncServerCore>(store_, authority, [this] {
        return duration_cast<milliseconds>(now.time_since_epoch()).count();
    });
    log(std::string{"server: restart ("} + why + ")");
}

PushResponse World::serverPush(const std::string& device, const PushRequest& request) {
    const std::int64_t before = store_.safeHighWaterMark();
    PushResponse response = core_->push(device, request);
    if (store_.safeHighWaterMark() != before) {
        publishNudge(officeOf_.at(device));
    }
    return response;
}

void World::publishNudge(const std::string& bucket) {
    const Nudge nudge{kProtocolVersion, bucket, store_.safeHighWaterMark()};
    for (std::size_t i = 0; i < desks_.size(); ++i) {
        if (desks_[i]->bucket != bucket || rng.chance(faults_.nudgeLost)) {
            continue;
        }
        // Delayed by up to 2 s, so nudges overtake each other; sometimes twice.
        nudges_.push_back({now + milliseconds{rng.below(2000)}, i, nudge});
        if (rng.chance(0.1)) {
            nudges_.push_back({now + milliseconds{rng.below(5000)}, i, nudge});
        }
    }
}

TransportResult<PushResponse> World::deliverPush(std::size_t index, const PushRequest& sent) {
    SimDesk& desk = *desks_[index];
    now += milliseconds{1 + rng.below(200)};
    if (!desk.online) {
        return TransportError{TransportError::Kind::Unreachable, "offline"};
    }
    if (!healing_ && rng.chance(faults_.dropRequest)) {
        ++stats_.droppedRequests;
        now += seconds{10};
        log(desk.id + ": push of " + std::to_string(sent.ops.size()) + " lost on the way");
        return TransportError{TransportError::Kind::Timeout, "timed out"};
    }
    const PushRequest request = decodePushRequest(encode(sent));
    if (!healing_ && rng.chance(faults_.duplicate)) {
        ++stats_.delayedDuplicates;
        delayed_.push_back({now + milliseconds{rng.below(60'000)}, desk.id, request});
    }
    PushResponse response;
    try {
        response = serverPush(desk.id, request);
    } catch (const MemorySyncServerStore::CommitLost&) {
        restartServer("commit lost");
        return TransportError{TransportError::Kind::ServerError, "server error"};
    }
    log(desk.id + ": push seq " + std::to_string(request.ops.front().deviceSeq) + ".." +
        std::to_string(request.ops.back().deviceSeq) + " → last applied " +
        std::to_string(response.lastAppliedSeq));
    now += milliseconds{1 + rng.below(200)};
    if (!healing_ && rng.chance(faults_.dropResponse)) {
        ++stats_.droppedResponses;
        log(desk.id + ": push answer lost");
        return TransportError{TransportError::Kind::Timeout, "timed out"};
    }
    return decodePushResponse(encode(response));
}

TransportResult<PullResponse> World::deliverPull(std::size_t index, const PullRequest& sent) {
    SimDesk& desk = *desks_[index];
    now += milliseconds{1 + rng.below(200)};
    if (!desk.online) {
        return TransportError{TransportError::Kind::Unreachable, "offline"};
    }
    if (!healing_ && rng.chance(faults_.dropRequest)) {
        ++stats_.droppedRequests;
        now += seconds{10};
        return TransportError{TransportError::Kind::Timeout, "timed out"};
    }
    const PullResponse response = core_->pull(decodePullRequest(encode(sent)));
    now += milliseconds{1 + rng.below(200)};
    if (!healing_ && rng.chance(faults_.dropResponse)) {
        ++stats_.droppedResponses;
        return TransportError{TransportError::Kind::Timeout, "timed out"};
    }
    log(desk.id + ": pull " + sent.bucket + " from " + std::to_string(sent.cursor) + " → " +
        std::to_string(response.changes.size()) + " changes, cursor " +
        std::to_string(response.cursor));
    return decodePullResponse(encode(response));
}

void World::deliverDue() {
    // Late copies of pushes: the server must answer them as repeats and apply nothing twice.
    for (std::size_t i = 0; i < delayed_.size();) {
        if (delayed_[i].at > now && !healing_) {
            ++i;
            continue;
        }
        const DelayedPush late = std::move(delayed_[i]);
        delayed_.erase(delayed_.begin() + static_cast<std::ptrdiff_t>(i));
        try {
            serverPush(late.device, late.request);
            log(late.device + ": a late copy of seq " +
                std::to_string(late.request.ops.front().deviceSeq) + " arrived");
        } catch (const MemorySyncServerStore::CommitLost&) {
            restartServer("commit lost");
        }
    }
    for (std::size_t i = 0; i < nudges_.size();) {
        if (nudges_[i].at > now) {
            ++i;
            continue;
        }
        const DelayedNudge n = nudges_[i];
        nudges_.erase(nudges_.begin() + static_cast<std::ptrdiff_t>(i));
        if (desks_[n.desk]->online) {
            ++stats_.nudges;
            desks_[n.desk]->client->onNudge(decodeNudge(encode(n.nudge)));
        }
    }
}

void World::edit(SimDesk& desk) {
    std::vector<EntityRef> known = desk.created;
    std::vector<EntityRef> conflicts;
    for (const ReplicaRow& row : desk.store.rowsIn(desk.bucket)) {
        if (row.ref.type == "case") {
            known.push_back(row.ref);
        } else if (row.ref.type == kConflictType && row.fields.at("state") == "open") {
            conflicts.push_back(row.ref);
        }
    }
    const auto version = [&](const EntityRef& ref) -> std::int64_t {
        const auto row = desk.store.row(ref);
        return row ? row->version : 0;
    };
    const cases::Actor actor = rng.chance(0.2) ? desk.manager : desk.clerk;
    // Now and then a desk writes to an office that is not its own: the server must refuse it.
    const std::string bucket = rng.chance(0.03) ? std::string{"office:0109"} : desk.bucket;
    const std::int64_t choice = rng.below(100);
    OutboxOp op;
    if (choice < 20 || known.empty()) {
        const EntityRef ref{"case", desk.ids.next().toString()};
        // A filing in one op (pending_approval: refused where the procedure has no approval),
        // as kep-desk sends it, or a draft for transitions to move on.
        static constexpr std::array kInitial{"pending_approval", "submitted", "submitted", "draft",
                                             ""};
        FieldMap fields{{"procedure", "p-" + std::to_string(rng.below(44))},
                        {"phone", "21" + std::to_string(rng.below(100'000'000))},
                        {"requires_approval", rng.chance(0.7) ? "true" : "false"}};
        if (const std::string status =
                kInitial[static_cast<std::size_t>(rng.below(std::ssize(kInitial)))];
            !status.empty()) {
            fields["status"] = status;
        }
        op = desk.factory.create(ref, bucket, actor, fields);
        desk.created.push_back(ref);
    } else if (choice < 70) {
        // Few field names, so that desks clash on them.
        static constexpr std::array kFields{"phone", "address", "notes", "email"};
        const EntityRef ref = known[static_cast<std::size_t>(rng.below(std::ssize(known)))];
        FieldMap fields;
        for (std::int64_t n = 1 + rng.below(2); n > 0; --n) {
            fields[kFields[static_cast<std::size_t>(rng.below(4))]] =
                desk.id + "#" + std::to_string(++desk.counter);
        }
        op = desk.factory.setFields(ref, bucket, actor, version(ref), fields);
    } else if (choice < 95 || conflicts.empty()) {
        const EntityRef ref = known[static_cast<std::size_t>(rng.below(std::ssize(known)))];
        const std::int64_t pick = rng.below(std::ssize(cases::kAllStatuses) + 1);
        const std::string to =
            pick == std::ssize(cases::kAllStatuses)
                ? std::string{"no_such_status"}
                : std::string{cases::toString(cases::kAllStatuses[static_cast<std::size_t>(pick)])};
        op = desk.factory.transition(ref, bucket, actor, version(ref), to,
                                     rng.chance(0.6) ? "a reason" : "");
    } else {
        const EntityRef ref = conflicts[static_cast<std::size_t>(rng.below(std::ssize(conflicts)))];
        op = desk.factory.setFields(ref, bucket, desk.manager, version(ref),
                                    {{"state", "resolved"}, {"resolved_by", desk.manager.id}});
    }
    desk.store.append(op, now);
    desk.client->requestSync();
    ++stats_.ops;
    log(desk.id + ": queued seq " + std::to_string(op.deviceSeq) + " " +
        std::string{toString(op.kind)} + " " + op.entity.type + " " + op.entity.id);
}

void World::stepDesk(SimDesk& desk) {
    desk.client->step();
    for (const std::string& bucket : desk.config.buckets) {
        const std::int64_t cursor = desk.store.cursor(bucket);
        if (bucket == desk.bucket) {
            if (cursor < desk.highestCursor) {
                throw PropertyFailure(desk.id + ": the cursor went back");
            }
            desk.highestCursor = cursor;
        }
    }
}

void World::heal() {
    healing_ = true;
    log("heal: network fixed, every desk online");
    for (auto& desk : desks_) {
        desk->online = true;
    }
    deliverDue();
    // Rounds until one in which no desk pushed anything: then every desk has pulled past every
    // change there is. A desk whose outbox cannot drain makes the rounds run out.
    for (int round = 0; round < 40; ++round) {
        now += minutes{6};  // past any backoff
        deliverDue();
        const std::size_t commitsBefore = store_.commitCount();
        bool idle = true;
        for (auto& desk : desks_) {
            desk->client->syncNow();
            int guard = 0;
            while (desk->client->step()) {
                if (++guard > 100'000) {
                    throw PropertyFailure(desk->id + ": the engine never settles");
                }
            }
            idle =
                idle && desk->client->phase() == SyncPhase::Idle && desk->store.pendingCount() == 0;
        }
        if (idle && store_.commitCount() == commitsBefore) {
            return;
        }
    }
    for (auto& desk : desks_) {
        if (desk->store.pendingCount() != 0 || desk->client->phase() != SyncPhase::Idle) {
            throw PropertyFailure(desk->id + ": outbox did not drain after healing (" +
                                  std::to_string(desk->store.pendingCount()) +
                                  " pending, last error: " + desk->client->status().lastError +
                                  ")");
        }
    }
    throw PropertyFailure("the world did not become quiet after healing");
}

void World::check() {
    // Which op caused how many changes of cases (conflicts counted apart).
    std::map<domain::Uuid, int> caseChanges;
    std::map<domain::Uuid, int> conflictEntities;
    std::set<std::int64_t> seqs;
    for (const std::string& bucket : store_.buckets()) {
        for (const LoggedChange& c : store_.changeLog(bucket)) {
            if (!seqs.insert(c.change.seq).second) {
                throw PropertyFailure("change seq " + std::to_string(c.change.seq) +
                                      " was handed out twice");
            }
            if (!c.causedBy) {
                continue;
            }
            (c.change.entity.type == kConflictType && c.change.version == 1
                 ? conflictEntities
                 : caseChanges)[*c.causedBy]++;
        }
    }

    std::set<domain::Uuid> allOps;
    for (const auto& deskPtr : desks_) {
        const SimDesk& desk = *deskPtr;
        const auto& entries = desk.store.entries();
        const std::string who = desk.id + " seq ";
        if (store_.committedLastAppliedSeq(desk.id) != std::ssize(entries)) {
            throw PropertyFailure(desk.id + ": the server applied up to " +
                                  std::to_string(store_.committedLastAppliedSeq(desk.id)) +
                                  ", the desk queued " + std::to_string(entries.size()));
        }
        std::size_t attention = 0;
        for (const OutboxEntry& e : entries) {
            const std::string op = who + std::to_string(e.op.deviceSeq);
            allOps.insert(e.op.opId);
            // No acknowledged op lost: what the desk was told is what the server kept.
            const auto stored = store_.committedResult(desk.id, e.op.deviceSeq);
            if (!stored || stored->opId != e.op.opId) {
                throw PropertyFailure(op + ": settled at the desk, unknown to the server");
            }
            const OpState expected = stored->outcome == OpOutcome::Applied    ? OpState::Applied
                                     : stored->outcome == OpOutcome::Conflict ? OpState::Conflict
                                                                              : OpState::Rejected;
            if (e.state != expected || e.reason != stored->reason) {
                throw PropertyFailure(op + ": the desk's outcome differs from the server's");
            }
            // Exactly once.
            const int changes = caseChanges[e.op.opId];
            const int clashes = conflictEntities[e.op.opId];
            switch (e.state) {
                case OpState::Applied:
                    ++stats_.applied;
                    if (e.op.kind != OpKind::SetFields ? changes != 1 : changes > 1) {
                        throw PropertyFailure(op + ": applied " + std::to_string(changes) +
                                              " times");
                    }
                    if (clashes != 0) {
                        throw PropertyFailure(op + ": applied, yet it made a conflict");
                    }
                    break;
                case OpState::Conflict:
                    ++stats_.conflicts;
                    ++attention;
                    if (changes > 1 || clashes < 1) {
                        throw PropertyFailure(op + ": a conflict without its record");
                    }
                    break;
                case OpState::Rejected:
                    ++stats_.rejected;
                    ++attention;
                    if (changes != 0 || clashes != 0 || e.reason.empty()) {
                        throw PropertyFailure(op + ": rejected, yet applied or without a reason");
                    }
                    break;
                case OpState::Pending:
                    throw PropertyFailure(op + ": still pending after healing");
            }
        }
        // Nothing silently dropped: every rejected or conflicting op is in front of a person.
        if (desk.store.needsAttention().size() != attention) {
            throw PropertyFailure(desk.id + ": an op needing attention is not listed");
        }
    }
    for (const auto& [opId, count] : caseChanges) {
        if (!allOps.contains(opId)) {
            throw PropertyFailure("the server applied an op no desk queued");
        }
    }

    // Convergence: every replica equals the server's rows of its bucket, field by field.
    for (const auto& deskPtr : desks_) {
        const SimDesk& desk = *deskPtr;
        const auto rows = desk.store.rowsIn(desk.bucket);
        const auto server = store_.entitiesIn(desk.bucket);
        if (rows.size() != server.size()) {
            throw PropertyFailure(desk.id + ": holds " + std::to_string(rows.size()) +
                                  " rows, the server " + std::to_string(server.size()));
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            FieldMap values;
            for (const auto& [name, field] : server[i].fields) {
                values[name] = field.value;
            }
            if (rows[i].ref != server[i].ref || rows[i].version != server[i].version ||
                rows[i].fields != values) {
                throw PropertyFailure(desk.id + ": " + rows[i].ref.type + " " + rows[i].ref.id +
                                      " differs from the server's");
            }
        }
        if (desk.store.cursor(desk.bucket) != store_.safeHighWaterMark()) {
            throw PropertyFailure(desk.id + ": its cursor stopped short of the server's mark");
        }
    }

    // A case's history has one entry per transition the server applied to it.
    for (const std::string& bucket : store_.buckets()) {
        for (const EntityRow& row : store_.entitiesIn(bucket)) {
            if (row.ref.type != kCaseType) {
                continue;
            }
            const auto& history = store_.history(row.ref);
            const std::string status = row.fields.at(std::string{case_fields::kStatus}).value;
            if (!history.empty() && cases::toString(history.back().to) != status) {
                throw PropertyFailure("case " + row.ref.id + ": status and history disagree");
            }
        }
    }
}

std::uint64_t World::digest() const {
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::string_view text) {
        for (const char c : text) {
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        }
        h = (h ^ 0xFFU) * 1099511628211ULL;
    };
    for (const std::string& bucket : store_.buckets()) {
        for (const LoggedChange& c : store_.changeLog(bucket)) {
            mix(std::to_string(c.change.seq));
            mix(c.change.entity.id);
            for (const auto& [name, value] : c.change.fields) {
                mix(name);
                mix(value);
            }
        }
    }
    for (const auto& desk : desks_) {
        for (const OutboxEntry& e : desk->store.entries()) {
            mix(e.op.opId.toString());
            mix(e.reason);
        }
    }
    mix(std::to_string(duration_cast<milliseconds>(now - kEpoch).count()));
    return h;
}

SimResult World::run() {
    SimResult result;
    try {
        const std::int64_t steps = 150 + rng.below(250);
        for (std::int64_t step = 0; step < steps; ++step) {
            now += milliseconds{rng.below(3000)};
            deliverDue();
            SimDesk& desk = *desks_[static_cast<std::size_t>(rng.below(std::ssize(desks_)))];
            const std::int64_t roll = rng.below(100);
            if (roll < 30) {
                edit(desk);
            } else if (roll < 80) {
                stepDesk(desk);
            } else if (roll < 87) {
                desk.online = !desk.online || rng.chance(0.3);
                if (!desk.online) {
                    ++stats_.offlineSpells;
                }
                log(desk.id + (desk.online ? ": online" : ": offline"));
            } else if (roll < 90) {
                ++stats_.deskRestarts;
                desk.restart();
                log(desk.id + ": restarted");
            } else if (roll < 92) {
                ++stats_.serverCrashes;
                restartServer("crash");
            } else {
                now += milliseconds{rng.below(600'000)};
            }
        }
        heal();
        check();
        stats_.clampedOps += core_->clampedOps();
    } catch (const std::exception& e) {
        result.ok = false;
        result.failure = e.what();
        result.failure += "\nlast events:";
        for (const std::string& line : recent_) {
            result.failure += "\n  " + line;
        }
    }
    result.digest = digest();
    result.stats = stats_;
    return result;
}

}  // namespace

SimResult runSimulation(std::uint64_t seed, bool trace, MemorySyncServerStore* server) {
    World world(seed, trace, server);
    return world.run();
}

}  // namespace kep::sync::sim
