// The desk's sync engine against the real server core through an in-process transport that can
// fail: batches in seq order, then every bucket pulled; rejected and conflicting ops kept and
// reported; lost answers resent and de-duplicated; backoff; nudges; cursors that never go back.
#include <QTest>

#include <deque>

#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncClient.h"
#include "shared/sync/SyncServerCore.h"

using namespace kep;
using namespace kep::sync;
using namespace std::chrono;

namespace {

const Instant kT0{milliseconds{1'750'000'000'000}};
const std::string kOffice = "office:0101";
const cases::Actor kClerk{"u-clerk", cases::ActorRole::Clerk};

// Reaches the server core directly; can refuse to deliver, deliver and lose the answer, or
// answer a pull with something crafted.
class CoreTransport : public SyncTransport {
public:
    explicit CoreTransport(SyncServerCore& core) : core_(core) {}

    TransportResult<PushResponse> push(const PushRequest& request) override {
        pushes.push_back(request);
        if (unreachable > 0) {
            --unreachable;
            return TransportError{TransportError::Kind::Unreachable, "unreachable"};
        }
        PushResponse response = core_.push(request.deviceId, request);
        if (loseAnswers > 0) {
            --loseAnswers;
            return TransportError{TransportError::Kind::Timeout, "timed out"};
        }
        return response;
    }

    TransportResult<PullResponse> pull(const PullRequest& request) override {
        pulls.push_back(request);
        if (unreachable > 0) {
            --unreachable;
            return TransportError{TransportError::Kind::Unreachable, "unreachable"};
        }
        if (!craftedPulls.empty()) {
            PullResponse crafted = craftedPulls.front();
            craftedPulls.pop_front();
            return crafted;
        }
        return core_.pull(request);
    }

    int unreachable = 0;
    int loseAnswers = 0;
    std::deque<PullResponse> craftedPulls;
    std::vector<PushRequest> pushes;
    std::vector<PullRequest> pulls;

private:
    SyncServerCore& core_;
};

struct Server {
    Server()
        : core(store, authority(),
               [this] { return duration_cast<milliseconds>(now.time_since_epoch()).count(); }) {}
    static WriteAuthority authority() {
        WriteAuthority a;
        a.mayWriteBucket = [](std::string_view, std::string_view bucket) {
            return bucket == kOffice;
        };
        return a;
    }
    Instant now = kT0;
    MemorySyncServerStore store;
    SyncServerCore core;
};

// One desk: its stores, clock, op factory and engine. The clock is shared with the server.
struct Desk {
    Desk(Server& server, std::string id, std::size_t batch = 200)
        : deviceId(std::move(id))
        , transport(server.core)
        , now(server.now)
        , hlc([this] { return duration_cast<milliseconds>(now.time_since_epoch()).count(); })
        , ids([this] { return time_point_cast<milliseconds>(now); },
              [this](std::span<std::uint8_t> out) {
                  for (auto& b : out) {
                      b = static_cast<std::uint8_t>(++fill);
                  }
              })
        , factory(deviceId, hlc, ids) {
        config.deviceId = deviceId;
        config.buckets = {kOffice, "catalogue"};
        config.pushBatch = batch;
        restart();
    }

    void restart() {
        client = std::make_unique<SyncClient>(
            config, store, store, transport, hlc, [this] { return now; }, [this] { return dice; });
        client->setObserver([this](const SyncEvent& e) { events.push_back(e); });
    }

    std::int64_t queue(OutboxOp op) {
        const std::int64_t seq = store.append(op, now);
        client->requestSync();
        return seq;
    }
    std::int64_t createCase(const std::string& id, const std::string& bucket = kOffice) {
        return queue(factory.create({"case", id}, bucket, kClerk, {{"phone", "1"}}));
    }
    // Steps until the engine has nothing to do now; returns the number of exchanges.
    int drain() {
        int steps = 0;
        while (client->step()) {
            if (++steps > 1000) {
                qFatal("the engine does not settle");
            }
        }
        return steps;
    }
    // A read at the counter, audited by the desk itself (issue 9).
    audit::AuditEntry read(const std::string& caseId) {
        audit::AuditEntry entry{ids.next().toString(),
                                "2025-06-15T15:06:40.000Z",
                                "user",
                                kClerk.id,
                                "clerk",
                                "0101",
                                deviceId,
                                "case.read",
                                "case",
                                caseId,
                                "counter_service",
                                "ok"};
        store.recordAudit(entry);
        return entry;
    }
    bool saw(SyncEvent::Kind kind) const {
        return std::any_of(events.begin(), events.end(),
                           [&](const SyncEvent& e) { return e.kind == kind; });
    }

    std::string deviceId;
    CoreTransport transport;
    Instant& now;
    std::uint8_t fill = 0;
    std::uint64_t dice = 0;
    domain::HybridLogicalClock hlc;
    domain::UuidV7Generator ids;
    OutboxOpFactory factory;
    MemoryDeskStore store;
    SyncClientConfig config;
    std::unique_ptr<SyncClient> client;
    std::vector<SyncEvent> events;
};

QByteArray code(SyncPhase phase) {
    const std::string_view text = toString(phase);
    return QByteArray(text.data(), qsizetype(text.size()));
}

}  // namespace

class tst_SyncClient : public QObject {
    Q_OBJECT

private slots:
    void auditEntriesTravelWithThePushAndLeaveOnItsAnswer() {
        Server server;
        Desk desk(server, "desk-1");
        desk.config.auditBatch = 2;
        desk.restart();
        desk.createCase("c-1");
        const auto first = desk.read("c-1");
        const auto second = desk.read("c-1");
        const auto third = desk.read("c-1");
        // Offline: the entries wait, like the op.
        desk.transport.unreachable = 1;
        desk.drain();
        QCOMPARE(desk.store.pendingAuditCount(), std::size_t{3});
        QVERIFY(server.store.auditLog().empty());
        // A lost answer: the server has them, the desk keeps them and sends them again.
        desk.now += seconds{10};
        desk.transport.loseAnswers = 1;
        desk.drain();
        QCOMPARE(desk.store.pendingAuditCount(), std::size_t{3});
        desk.now += seconds{30};
        desk.client->syncNow();
        desk.drain();
        QCOMPARE(desk.store.pendingAuditCount(), std::size_t{0});
        // Two per push, oldest first; the third went alone, with no ops.
        const auto& pushes = desk.transport.pushes;
        QCOMPARE(pushes.back().audit, (std::vector<audit::AuditEntry>{third}));
        QVERIFY(pushes.back().ops.empty());
        QCOMPARE(pushes[pushes.size() - 2].audit, (std::vector<audit::AuditEntry>{first, second}));
        // On the server once each, after the op's own entry.
        QCOMPARE(server.store.auditLog().size(), std::size_t{4});
        QCOMPARE(server.store.auditLog()[1], first);
        QCOMPARE(code(desk.client->phase()), code(SyncPhase::Idle));
        QVERIFY(desk.client->status().lastError.empty());
    }

    void anIdleDeskWakesForAnAuditEntry() {
        Server server;
        Desk desk(server, "desk-1");
        desk.drain();
        QVERIFY(desk.client->nextWakeAt() > desk.now);
        desk.read("c-9");
        QCOMPARE(desk.client->nextWakeAt(), desk.now);
        desk.drain();
        QCOMPARE(server.store.auditLog().size(), std::size_t{1});
    }

    void pushesBatchesInOrderThenPullsEveryBucket() {
        Server server;
        Desk desk(server, "desk-1", 2);
        for (int i = 1; i <= 5; ++i) {
            desk.createCase("c-" + std::to_string(i));
        }
        QCOMPARE(desk.drain(), 5);  // three pushes, two pulls
        QCOMPARE(desk.transport.pushes.size(), std::size_t{3});
        std::vector<std::int64_t> sent;
        for (const PushRequest& p : desk.transport.pushes) {
            QVERIFY(p.ops.size() <= 2);
            for (const OutboxOp& op : p.ops) {
                sent.push_back(op.deviceSeq);
            }
        }
        QCOMPARE(sent, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
        QCOMPARE(desk.transport.pulls.size(), std::size_t{2});
        QCOMPARE(desk.transport.pulls[0].bucket, kOffice);
        QCOMPARE(desk.transport.pulls[1].bucket, std::string{"catalogue"});

        QCOMPARE(code(desk.client->phase()), code(SyncPhase::Idle));
        const SyncStatus status = desk.client->status();
        QCOMPARE(status.pendingOps, std::size_t{0});
        QCOMPARE(status.upToDateAsOf, std::optional{kT0});
        QVERIFY(status.lastError.empty());
        QCOMPARE(desk.store.rowsIn(kOffice).size(), std::size_t{5});
        QCOMPARE(desk.store.cursor(kOffice), std::int64_t{5});
        QCOMPARE(desk.store.row({"case", "c-3"})->fields.at("status"), std::string{"draft"});
    }

    void rejectedOpsStayVisibleAndAreReported() {
        Server server;
        Desk desk(server, "desk-1");
        desk.createCase("c-1", "office:0202");  // not this desk's office
        desk.createCase("c-2");
        desk.drain();
        QCOMPARE(desk.store.pendingCount(), std::size_t{0});
        const auto attention = desk.store.needsAttention();
        QCOMPARE(attention.size(), std::size_t{1});
        QCOMPARE(attention.front().op.deviceSeq, std::int64_t{1});
        QVERIFY(attention.front().reason.starts_with("bucket_forbidden"));
        QVERIFY(desk.saw(SyncEvent::Kind::OpRejected));
        QCOMPARE(desk.client->status().needingAttention, std::size_t{1});
        QVERIFY(desk.store.row({"case", "c-2"}).has_value());
    }

    void conflictsAreReportedAndPulled() {
        Server server;
        Desk a(server, "desk-a");
        Desk b(server, "desk-b");
        a.createCase("c-1");
        a.drain();
        b.drain();
        const std::int64_t base = b.store.row({"case", "c-1"})->version;
        a.queue(a.factory.setFields({"case", "c-1"}, kOffice, kClerk, base, {{"phone", "a"}}));
        b.queue(b.factory.setFields({"case", "c-1"}, kOffice, kClerk, base, {{"phone", "b"}}));
        a.drain();
        b.drain();
        QVERIFY(b.saw(SyncEvent::Kind::OpConflicted));
        QCOMPARE(b.store.needsAttention().size(), std::size_t{1});
        bool conflictPulled = false;
        for (const ReplicaRow& row : b.store.rowsIn(kOffice)) {
            conflictPulled = conflictPulled || row.ref.type == "conflict";
        }
        QVERIFY(conflictPulled);
    }

    void aLostAnswerIsResentAndDeDuplicated() {
        Server server;
        Desk desk(server, "desk-1");
        desk.createCase("c-1");
        desk.transport.loseAnswers = 1;
        desk.drain();
        QCOMPARE(code(desk.client->phase()), code(SyncPhase::WaitingToRetry));
        QCOMPARE(desk.store.pendingCount(), std::size_t{1});  // not settled without an answer
        QCOMPARE(server.store.committedLastAppliedSeq("desk-1"), std::int64_t{1});  // yet applied

        server.now = desk.client->nextWakeAt();
        desk.drain();
        QCOMPARE(desk.transport.pushes.size(), std::size_t{2});
        QCOMPARE(desk.store.pendingCount(), std::size_t{0});
        QVERIFY(desk.store.needsAttention().empty());
        QCOMPARE(desk.store.entries().front().state, OpState::Applied);
        QCOMPARE(server.store.changeLog(kOffice).size(), std::size_t{1});
    }

    void failuresBackOffAndStayASecondApart() {
        Server server;
        Desk desk(server, "desk-1");
        desk.dice = 0;  // the shortest wait the policy allows
        desk.createCase("c-1");
        desk.transport.unreachable = 3;
        QCOMPARE(desk.drain(), 1);
        QCOMPARE(code(desk.client->phase()), code(SyncPhase::WaitingToRetry));
        SyncStatus status = desk.client->status();
        QCOMPARE(status.consecutiveFailures, 1);
        QCOMPARE(status.lastError, std::string{"push: unreachable"});
        QCOMPARE(status.nextAttemptAt, std::optional{kT0 + seconds{1}});
        QCOMPARE(desk.client->nextWakeAt(), kT0 + seconds{1});

        server.now += milliseconds{999};
        QVERIFY(!desk.client->step());  // not before the second is up
        QCOMPARE(desk.transport.pushes.size(), std::size_t{1});
        // An edit or a nudge during an outage does not cut the wait short.
        desk.createCase("c-2");
        desk.client->onNudge({kProtocolVersion, kOffice, 999});
        QCOMPARE(desk.client->nextWakeAt(), kT0 + seconds{1});
        QVERIFY(!desk.client->step());

        for (int attempt = 2; attempt <= 4; ++attempt) {
            server.now = desk.client->nextWakeAt();
            desk.drain();
            QCOMPARE(desk.transport.pushes.size(), std::size_t(attempt));
        }
        status = desk.client->status();
        QCOMPARE(status.pendingOps, std::size_t{0});
        QCOMPARE(status.consecutiveFailures, 0);
        QVERIFY(status.lastError.empty());
        QVERIFY(desk.saw(SyncEvent::Kind::Failed));
    }

    void theWindowGrowsWithFailuresAndSyncNowCutsIt() {
        Server server;
        Desk desk(server, "desk-1");
        desk.createCase("c-1");
        desk.transport.unreachable = 100;
        // Dice at the top of each window: the waits are the windows, 1 s doubling.
        std::int64_t window = 1'000;
        for (int i = 0; i < 6; ++i) {
            desk.dice = static_cast<std::uint64_t>(window);
            desk.drain();
            QCOMPARE(desk.client->nextWakeAt() - server.now, milliseconds{window});
            server.now = desk.client->nextWakeAt();
            window *= 2;
        }
        desk.dice = static_cast<std::uint64_t>(window);
        desk.drain();
        const Instant lastAttempt = server.now;
        QCOMPARE(desk.client->nextWakeAt(), lastAttempt + milliseconds{window});
        server.now = lastAttempt + milliseconds{300};
        desk.client->syncNow();
        QCOMPARE(desk.client->nextWakeAt(), lastAttempt + seconds{1});
    }

    void nudgesStartAPullOnlyWhenThereIsSomethingNew() {
        Server server;
        Desk a(server, "desk-a");
        Desk b(server, "desk-b");
        b.drain();
        const Instant idleUntil = b.client->nextWakeAt();
        QCOMPARE(idleUntil, kT0 + b.config.pollInterval);
        a.createCase("c-1");
        a.drain();
        const std::int64_t upTo = server.store.safeHighWaterMark();

        b.client->onNudge({kProtocolVersion, kOffice, b.store.cursor(kOffice)});
        b.client->onNudge({kProtocolVersion, "office:0202", upTo});  // not a bucket b pulls
        QVERIFY(!b.client->step());
        b.client->onNudge({kProtocolVersion, kOffice, upTo});
        QVERIFY(b.drain() > 0);
        QVERIFY(b.store.row({"case", "c-1"}).has_value());
        QCOMPARE(b.client->nextWakeAt(), kT0 + b.config.pollInterval);
    }

    void aCursorThatGoesBackIsRefused() {
        Server server;
        Desk desk(server, "desk-1");
        desk.createCase("c-1");
        desk.createCase("c-2");
        desk.drain();
        QCOMPARE(desk.store.cursor(kOffice), std::int64_t{2});
        PullResponse stale;
        stale.bucket = kOffice;
        stale.cursor = 1;
        desk.transport.craftedPulls.push_back(stale);
        desk.client->syncNow();
        desk.drain();
        QCOMPARE(code(desk.client->phase()), code(SyncPhase::WaitingToRetry));
        QVERIFY(desk.client->status().lastError.find("behind") != std::string::npos);
        QCOMPARE(desk.store.cursor(kOffice), std::int64_t{2});
    }

    void statusShowsPendingOpsAndTheirAge() {
        Server server;
        Desk desk(server, "desk-1");
        desk.transport.unreachable = 100;
        desk.createCase("c-1");
        server.now += seconds{30};
        desk.createCase("c-2");
        desk.drain();
        server.now += seconds{60};
        const SyncStatus status = desk.client->status();
        QCOMPARE(status.pendingOps, std::size_t{2});
        QCOMPARE(status.oldestPendingAge, std::optional{milliseconds{90'000}});
        QVERIFY(!status.lastPushAt);
        QVERIFY(!status.upToDateAsOf);
    }

    void aRestartedDeskStampsAboveItsQueuedOps() {
        Server server;
        Desk desk(server, "desk-1");
        desk.now += hours{24 * 365};  // a clock a year ahead queues an op…
        desk.createCase("c-1");
        const domain::HlcTimestamp queued = desk.store.entries().front().op.hlc;
        desk.now = kT0;  // …then the clock is corrected and the desk restarts
        domain::HybridLogicalClock fresh(
            [&] { return duration_cast<milliseconds>(desk.now.time_since_epoch()).count(); });
        SyncClient restarted(
            desk.config, desk.store, desk.store, desk.transport, fresh, [&] { return desk.now; },
            [] { return std::uint64_t{0}; });
        QVERIFY(fresh.now() > queued);
    }
};

QTEST_APPLESS_MAIN(tst_SyncClient)
#include "tst_sync_client.moc"
