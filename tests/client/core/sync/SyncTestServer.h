// The sync server of the desk's sync tests, in process: the real SyncServerCore over the
// in-memory store, reached through a transport that can be taken offline and a nudge channel
// fed after each push that changed something; plus synthetic filings for the desks.
#pragma once

#include "cases/CaseStore.h"
#include "cases/CitizenJson.h"
#include "cases/DeskOutboxStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "sync/CaseReplica.h"
#include "sync/DeskSync.h"

#include <QObject>
#include <QStringList>
#include "shared/domain/TaxId.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/SyncConnector.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <stdexcept>

namespace kep::desk::test {

class SyncTestServer {
public:
    SyncTestServer() : core_(store_, {}) {}

    std::atomic<bool> online{true};
    std::atomic<int> pushes{0};
    std::atomic<int> pulls{0};

    kep::sync::TransportResult<kep::sync::PushResponse> push(const kep::sync::PushRequest& r) {
        if (!online) {
            return kep::sync::TransportError{kep::sync::TransportError::Kind::Unreachable,
                                             "connect: network unreachable"};
        }
        ++pushes;
        std::set<std::string> changed;
        kep::sync::PushResponse response;
        {
            std::lock_guard lock(mutex_);
            const std::int64_t before = store_.safeHighWaterMark();
            response = core_.push(r.deviceId, r);
            if (store_.safeHighWaterMark() > before) {
                for (const auto& op : r.ops) {
                    changed.insert(op.bucket);
                }
            }
        }
        for (const auto& bucket : changed) {
            nudge(bucket);
        }
        return response;
    }

    kep::sync::TransportResult<kep::sync::PullResponse> pull(const kep::sync::PullRequest& r) {
        if (!online) {
            return kep::sync::TransportError{kep::sync::TransportError::Kind::Unreachable,
                                             "connect: network unreachable"};
        }
        ++pulls;
        std::lock_guard lock(mutex_);
        return core_.pull(r);
    }

    // Tells every open channel that the bucket has changes up to the server's mark.
    void nudge(const std::string& bucket) {
        std::lock_guard lock(nudgeMutex_);
        std::int64_t mark = 0;
        {
            std::lock_guard storeLock(mutex_);
            mark = store_.safeHighWaterMark();
        }
        for (auto* queue : channels_) {
            queue->push_back({kep::sync::kProtocolVersion, bucket, mark});
        }
        nudged_.notify_all();
    }

    // A connector whose transport and nudge channel reach this server (nudges optional).
    kep::desk::sync::SyncConnector connector(bool withNudges = true) {
        kep::desk::sync::SyncConnector c;
        c.transport = [this] { return std::make_unique<Transport>(*this); };
        if (withNudges) {
            c.nudges = [this] { return std::make_unique<Channel>(*this); };
        }
        return c;
    }

    int openChannels() {
        std::lock_guard lock(nudgeMutex_);
        return static_cast<int>(channels_.size());
    }

private:
    class Transport final : public kep::sync::SyncTransport {
    public:
        explicit Transport(SyncTestServer& server) : server_(server) {}
        kep::sync::TransportResult<kep::sync::PushResponse> push(
            const kep::sync::PushRequest& r) override {
            return server_.push(r);
        }
        kep::sync::TransportResult<kep::sync::PullResponse> pull(
            const kep::sync::PullRequest& r) override {
            return server_.pull(r);
        }

    private:
        SyncTestServer& server_;
    };

    class Channel final : public kep::desk::sync::NudgeChannel {
    public:
        explicit Channel(SyncTestServer& server) : server_(server) {}
        ~Channel() override {
            std::lock_guard lock(server_.nudgeMutex_);
            server_.channels_.erase(&queue_);
        }
        void open() override {
            if (!server_.online) {
                throw std::runtime_error("connect: network unreachable");
            }
            std::lock_guard lock(server_.nudgeMutex_);
            server_.channels_.insert(&queue_);
        }
        std::optional<kep::sync::Nudge> next(std::chrono::milliseconds deadline) override {
            std::unique_lock lock(server_.nudgeMutex_);
            server_.nudged_.wait_for(lock, deadline,
                                     [this] { return !queue_.empty() || !server_.online; });
            if (!server_.online) {
                server_.channels_.erase(&queue_);
                throw std::runtime_error("connection lost");
            }
            if (queue_.empty()) {
                return std::nullopt;
            }
            auto nudge = queue_.front();
            queue_.pop_front();
            return nudge;
        }

    private:
        SyncTestServer& server_;
        std::deque<kep::sync::Nudge> queue_;
    };

    std::mutex mutex_;  // the core is not thread-safe: one caller at a time, as a route does
    kep::sync::MemorySyncServerStore store_;
    kep::sync::SyncServerCore core_;
    std::mutex nudgeMutex_;
    std::condition_variable nudged_;
    std::set<std::deque<kep::sync::Nudge>*> channels_;
};

// What a DeskSync reported, received queued on the test's thread (a QSignalSpy would record
// on the sync thread, racing the test's reads).
class SyncWatch : public QObject {
public:
    explicit SyncWatch(kep::desk::sync::DeskSync& sync) {
        using kep::desk::sync::DeskSync;
        connect(&sync, &DeskSync::statusChanged, this,
                [this](const kep::desk::sync::SyncSnapshot& s) {
                    status = s;
                    ++reports;
                });
        connect(&sync, &DeskSync::liveNudgesChanged, this,
                [this](bool connected) { live = connected; });
        connect(&sync, &DeskSync::pulled, this,
                [this](const QString& bucket, int) { pulledBuckets << bucket; });
        connect(&sync, &DeskSync::opNeedsAttention, this,
                [this](qint64, const QString& reason, bool conflict) {
                    attention << reason;
                    conflicts += conflict ? 1 : 0;
                });
    }

    kep::desk::sync::SyncSnapshot status;
    int reports = 0;
    bool live = false;
    QStringList pulledBuckets;
    QStringList attention;
    int conflicts = 0;
};

// 2026-03-10 10:00 UTC, a Tuesday.
inline const kep::cases::Instant kSyncNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                                          std::chrono::hours{10}};

inline kep::cases::Citizen syntheticCitizen(std::uint64_t seed, const std::string& surname) {
    kep::domain::SyntheticTaxIds ids(seed);
    kep::cases::Citizen c;
    c.person.kind = kep::cases::CitizenKind::Greek;
    c.person.afm = ids.afm();
    c.person.givenNameEl = "Ελένη";
    c.person.surnameEl = surname;
    return c;
}

inline kep::desk::cases::CaseFiling syntheticFiling(const kep::cases::Citizen& citizen) {
    kep::desk::cases::CaseFiling f;
    f.procedureId = "900012";
    f.catalogueVersion = 3;
    f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
    f.requiresApproval = true;
    f.citizen = citizen;
    f.evidence = {{"1", kep::cases::EvidenceState::Provided}};
    f.feeCents = 150;
    f.dueDate = std::chrono::year{2026} / 3 / 20;
    f.notes = "πρώτη σημείωση";
    return f;
}

// A case filed at a desk of office 0101 as the sync protocol has it: the kase row and, in the
// same transaction, its one create op (the fields a desk may set, and the filed status
// pending_approval). Returns the case id.
inline std::string queueFiledCase(kep::db::Database& db, const std::string& device,
                                  std::uint64_t seed, const std::string& surname,
                                  const kep::cases::Actor& clerk) {
    kep::db::Transaction tx(db);
    kep::desk::cases::DeskOutboxStore outbox(db);
    kep::domain::HybridLogicalClock clock;
    clock.restore(outbox.highestHlc());
    kep::domain::UuidV7Generator ids;
    kep::sync::OutboxOpFactory ops(device, clock, ids);
    const std::string id = ids.next().toString();
    const kep::sync::FieldMap fields{
        {"protocol_number", "0101/2026/" + std::to_string(seed)},
        {"procedure_id", "900012"},
        {"catalogue_version", "3"},
        {"citizen", kep::desk::cases::citizenToJson(syntheticCitizen(seed, surname))},
        {"evidence", R"({"1":"provided"})"},
        {"fee_cents", "150"},
        {"due_date", "2026-03-20"},
        {"notes", ""},
        {"requires_approval", "true"},
        {"status", "pending_approval"}};
    kep::sync::FieldMap local = fields;
    local["filed_by"] = clerk.id;
    kep::desk::sync::writeCase(db, {id, "0101", local, std::nullopt}, kSyncNow);
    auto create = ops.create({"case", id}, "office:0101", clerk, fields);
    outbox.append(create, kSyncNow);
    tx.commit();
    return id;
}

}  // namespace kep::desk::test
