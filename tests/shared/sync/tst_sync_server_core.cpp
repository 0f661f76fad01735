// The server's sync rules over the in-memory store: the next sequence only, duplicates answered
// with the stored result, gaps deferred, per-field merge, same-field clashes kept as conflicts
// with a deterministic winner, the lifecycle on transitions, buckets, nothing acknowledged
// without a commit, and pulls that never pass the safe high-water mark.
#include <QTest>

#include <algorithm>

#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/OpAuditEntry.h"
#include "shared/sync/SyncServerCore.h"

using namespace kep;
using namespace kep::sync;

Q_DECLARE_METATYPE(OpOutcome)

namespace {

// The library's toString() overloads hide QTest's: outcomes are compared by their codes, which
// also makes a failure print "rejected" rather than a number.
QByteArray code(OpOutcome outcome) {
    const std::string_view text = toString(outcome);
    return QByteArray(text.data(), qsizetype(text.size()));
}
QByteArray code(const std::optional<OpOutcome>& outcome) {
    return outcome ? code(*outcome) : QByteArray("none");
}

constexpr std::int64_t kT0 = 1'750'000'000'000;  // 2025-06-15, Unix ms
constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
const cases::Actor kClerkA{"u-clerk-a", cases::ActorRole::Clerk};
const cases::Actor kClerkB{"u-clerk-b", cases::ActorRole::Clerk};
const cases::Actor kManager{"u-manager", cases::ActorRole::Manager};
const std::string kOffice = "office:0101";
const std::string kOtherOffice = "office:0202";

// A store whose safe high-water mark can be held below its last commit, as a PostgreSQL store's
// is while a transaction holding a lower seq is still in flight.
class PinnedMarkStore : public MemorySyncServerStore {
public:
    std::optional<std::int64_t> pin;
    std::int64_t safeHighWaterMark() override {
        const std::int64_t committed = MemorySyncServerStore::safeHighWaterMark();
        return pin ? std::min(*pin, committed) : committed;
    }
};

class Fixture {
public:
    Fixture() : core(store, authority(), [this] { return now; }) {}

    static WriteAuthority authority() {
        WriteAuthority a;
        a.mayWriteBucket = [](std::string_view device, std::string_view bucket) {
            const std::string_view office = device.substr(0, device.find('/'));
            return bucket == "office:" + std::string{office};
        };
        a.mayActAs = [](std::string_view, const cases::Actor& actor) {
            return actor.id != "u-intruder";
        };
        return a;
    }

    OutboxOp op(const std::string& device, OpKind kind, std::int64_t base = 0) {
        OutboxOp o;
        o.opId = ids.next();
        o.deviceId = device;
        o.deviceSeq = ++seqs[device];
        o.hlc = {now, 0};
        o.baseVersion = base;
        o.kind = kind;
        o.entity = caseRef;
        o.bucket = kOffice;
        o.actor = kClerkA;
        return o;
    }
    OutboxOp createCase(const std::string& device, const cases::Actor& actor = kClerkA,
                        const std::string& status = "submitted") {
        OutboxOp o = op(device, OpKind::Create);
        o.actor = actor;
        o.fields = {{"status", status}, {"procedure", "p-17"}, {"phone", "2100000000"}};
        return o;
    }
    OutboxOp setField(const std::string& device, std::int64_t base, const std::string& field,
                      const std::string& value) {
        OutboxOp o = op(device, OpKind::SetFields, base);
        o.fields = {{field, value}};
        return o;
    }
    OutboxOp transition(const std::string& device, const std::string& to, const cases::Actor& actor,
                        const std::string& reason = {}) {
        OutboxOp o = op(device, OpKind::Transition, 1);
        o.toStatus = to;
        o.actor = actor;
        o.reason = reason;
        return o;
    }
    PushResponse push(const std::string& device, std::vector<OutboxOp> ops) {
        return core.push(device, PushRequest{kProtocolVersion, device, std::move(ops)});
    }
    OpResult pushOne(const OutboxOp& o) {
        const PushResponse r = push(o.deviceId, {o});
        if (r.results.size() != 1) {
            qFatal("one result expected");
        }
        return r.results.front();
    }
    std::string field(const std::string& name) {
        for (const EntityRow& row : store.entitiesIn(kOffice)) {
            if (row.ref == caseRef) {
                return row.fields.at(name).value;
            }
        }
        return "<no case>";
    }
    std::vector<EntityRow> conflicts() {
        std::vector<EntityRow> out;
        for (const EntityRow& row : store.entitiesIn(kOffice)) {
            if (row.ref.type == kConflictType) {
                out.push_back(row);
            }
        }
        return out;
    }

    std::int64_t now = kT0;
    PinnedMarkStore store;
    SyncServerCore core;
    domain::UuidV7Generator ids{[] {
        return std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{kT0}};
    }};
    std::map<std::string, std::int64_t> seqs;
    EntityRef caseRef{"case", "c-0001"};
};

// A read the desk recorded itself (issue 9), as DeskAuditTrail makes it.
audit::AuditEntry deskRead(domain::UuidV7Generator& ids, const std::string& device,
                           const cases::Actor& actor = kClerkA) {
    return {ids.next().toString(),
            "2025-06-15T15:06:40.000Z",
            "user",
            actor.id,
            std::string{cases::toString(actor.role)},
            "0101",
            device,
            "case.read",
            "case",
            "c-0001",
            "counter_service",
            "ok"};
}

std::vector<std::string> auditedIds(const MemorySyncServerStore& store) {
    std::vector<std::string> ids;
    for (const audit::AuditEntry& entry : store.auditLog()) {
        ids.push_back(entry.entryId);
    }
    return ids;
}

const std::string kDeskA = "0101/desk-a";
const std::string kDeskB = "0101/desk-b";
const std::string kDeskC = "0202/desk-c";

}  // namespace

class tst_SyncServerCore : public QObject {
    Q_OBJECT

private slots:
    void appliesOnceAndAnswersRepeatsWithTheStoredResult() {
        Fixture f;
        const OutboxOp create = f.createCase(kDeskA);
        const OpResult first = f.pushOne(create);
        QCOMPARE(code(first.outcome), code(OpOutcome::Applied));
        QCOMPARE(first.serverVersion, std::optional<std::int64_t>{1});

        const PushResponse again = f.push(kDeskA, {create});
        QCOMPARE(code(again.results.front().outcome), code(OpOutcome::Duplicate));
        QCOMPARE(code(again.results.front().original), code(OpOutcome::Applied));
        QCOMPARE(again.results.front().serverVersion, first.serverVersion);
        QCOMPARE(again.lastAppliedSeq, std::int64_t{1});
        QCOMPARE(f.store.changeLog(kOffice).size(), std::size_t{1});  // applied once
        // filed_by comes from the actor, not from the desk's payload.
        QCOMPARE(f.field("filed_by"), kClerkA.id);
    }

    void aRejectedOpConsumesItsSequenceAndRepeatsAsRejected() {
        Fixture f;
        OutboxOp forbidden = f.createCase(kDeskA);
        forbidden.bucket = kOtherOffice;
        const OpResult r = f.pushOne(forbidden);
        QCOMPARE(code(r.outcome), code(OpOutcome::Rejected));
        QVERIFY(r.reason.starts_with("bucket_forbidden"));
        QCOMPARE(code(f.pushOne(f.createCase(kDeskA)).outcome),
                 code(OpOutcome::Applied));  // seq 2 goes on
        const OpResult repeat = f.push(kDeskA, {forbidden}).results.front();
        QCOMPARE(code(repeat.outcome), code(OpOutcome::Duplicate));
        QCOMPARE(code(repeat.original), code(OpOutcome::Rejected));
        QCOMPARE(repeat.reason, r.reason);
    }

    void aGapDefersTheRestOfTheBatch() {
        Fixture f;
        const OutboxOp one = f.createCase(kDeskA);
        const OutboxOp two = f.setField(kDeskA, 1, "phone", "1");
        const OutboxOp three = f.setField(kDeskA, 1, "phone", "2");
        const PushResponse gap = f.push(kDeskA, {two, three});
        QCOMPARE(gap.results.size(), std::size_t{2});
        QCOMPARE(code(gap.results[0].outcome), code(OpOutcome::Deferred));
        QVERIFY(gap.results[0].reason.starts_with("sequence_gap: expected sequence 1"));
        QCOMPARE(code(gap.results[1].outcome), code(OpOutcome::Deferred));
        QCOMPARE(gap.lastAppliedSeq, std::int64_t{0});
        QVERIFY(f.store.changeLog(kOffice).empty());

        const PushResponse all = f.push(kDeskA, {one, two, three});
        for (const OpResult& r : all.results) {
            QCOMPARE(code(r.outcome), code(OpOutcome::Applied));
        }
        QCOMPARE(all.lastAppliedSeq, std::int64_t{3});
        QCOMPARE(f.field("phone"), std::string{"2"});
    }

    void aReusedSequenceIsRejectedNotApplied() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        OutboxOp impostor = f.setField(kDeskA, 1, "phone", "9");
        impostor.deviceSeq = 1;  // an outbox that was reset hands out 1 again
        const OpResult r = f.pushOne(impostor);
        QCOMPARE(code(r.outcome), code(OpOutcome::Rejected));
        QVERIFY(r.reason.starts_with("sequence_reused"));
        QCOMPARE(f.field("phone"), std::string{"2100000000"});
    }

    void differentFieldsMerge() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        QCOMPARE(code(f.pushOne(f.setField(kDeskB, 1, "phone", "b-phone")).outcome),
                 code(OpOutcome::Applied));
        QCOMPARE(code(f.pushOne(f.setField(kDeskA, 1, "address", "a-addr")).outcome),
                 code(OpOutcome::Applied));
        QCOMPARE(f.field("phone"), std::string{"b-phone"});
        QCOMPARE(f.field("address"), std::string{"a-addr"});
        QVERIFY(f.conflicts().empty());
    }

    void sameFieldClashKeepsADeterministicWinner_data() {
        QTest::addColumn<qint64>("hlcA");
        QTest::addColumn<qint64>("hlcB");
        QTest::addColumn<bool>("aFirst");
        QTest::addColumn<QString>("winner");
        // Desk B's device id sorts after desk A's: it wins a tie of HLCs.
        QTest::newRow("A later, A first") << qint64(kT0 + 500) << qint64(kT0 + 100) << true << "a";
        QTest::newRow("A later, B first") << qint64(kT0 + 500) << qint64(kT0 + 100) << false << "a";
        QTest::newRow("B later, A first") << qint64(kT0 + 100) << qint64(kT0 + 500) << true << "b";
        QTest::newRow("B later, B first") << qint64(kT0 + 100) << qint64(kT0 + 500) << false << "b";
        QTest::newRow("tie, A first") << qint64(kT0 + 100) << qint64(kT0 + 100) << true << "b";
        QTest::newRow("tie, B first") << qint64(kT0 + 100) << qint64(kT0 + 100) << false << "b";
    }

    void sameFieldClashKeepsADeterministicWinner() {
        QFETCH(qint64, hlcA);
        QFETCH(qint64, hlcB);
        QFETCH(bool, aFirst);
        QFETCH(QString, winner);
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        OutboxOp a = f.setField(kDeskA, 0, "phone", "a");  // based on nothing pulled
        OutboxOp b = f.setField(kDeskB, 1, "phone", "b");
        f.pushOne(f.setField(kDeskA, 1, "notes", "unrelated"));  // A's earlier own write
        a.hlc = {hlcA, 0};
        b.hlc = {hlcB, 0};
        a.baseVersion = 1;
        f.now = kT0 + 1000;
        const OpResult first = f.pushOne(aFirst ? a : b);
        const OpResult second = f.pushOne(aFirst ? b : a);
        QCOMPARE(code(first.outcome), code(OpOutcome::Applied));
        QCOMPARE(code(second.outcome), code(OpOutcome::Conflict));
        QVERIFY(second.reason.starts_with("field_clash: phone"));
        QCOMPARE(f.field("phone"), winner.toStdString());

        const auto conflicts = f.conflicts();
        QCOMPARE(conflicts.size(), std::size_t{1});
        const auto& c = conflicts.front().fields;
        QCOMPARE(c.at("kept_value").value, winner.toStdString());
        QCOMPARE(c.at("lost_value").value, winner == "a" ? std::string{"b"} : std::string{"a"});
        QCOMPARE(c.at("lost_device").value, winner == "a" ? kDeskB : kDeskA);
        QCOMPARE(c.at("field").value, std::string{"phone"});
        QCOMPARE(c.at("state").value, std::string{"open"});
        QCOMPARE(c.at("op").value, (aFirst ? b : a).opId.toString());
        // The conflict travels to the office's desks like any other change.
        QCOMPARE(f.store.changeLog(kOffice).back().change.entity, conflicts.front().ref);
    }

    void aDeviceNeverClashesWithItsOwnEarlierWrite() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        QCOMPARE(code(f.pushOne(f.setField(kDeskA, 0, "phone", "1")).outcome),
                 code(OpOutcome::Applied));
        QCOMPARE(code(f.pushOne(f.setField(kDeskA, 0, "phone", "2")).outcome),
                 code(OpOutcome::Applied));
        QCOMPARE(f.field("phone"), std::string{"2"});
        QVERIFY(f.conflicts().empty());
    }

    void theSameValueFromBothSidesIsNoConflict() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        f.pushOne(f.setField(kDeskA, 1, "phone", "same"));
        QCOMPARE(code(f.pushOne(f.setField(kDeskB, 1, "phone", "same")).outcome),
                 code(OpOutcome::Applied));
        QVERIFY(f.conflicts().empty());
    }

    void aClockAYearAheadIsClampedAndDoesNotWin() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        OutboxOp future = f.setField(kDeskA, 1, "phone", "from the future");
        future.hlc = {kT0 + kYearMs, 0};
        QCOMPARE(code(f.pushOne(future).outcome), code(OpOutcome::Applied));
        QCOMPARE(f.core.clampedOps(), std::uint64_t{1});
        // Two minutes later desk B, which had not seen that write, sets the same field: its
        // honest HLC beats the clamped one (now + 60 s), though not the raw one.
        f.now = kT0 + 120'000;
        OutboxOp honest = f.setField(kDeskB, 1, "phone", "honest");
        QCOMPARE(code(f.pushOne(honest).outcome), code(OpOutcome::Conflict));
        QCOMPARE(f.field("phone"), std::string{"honest"});
    }

    void transitionsGoThroughTheLifecycle_data() {
        QTest::addColumn<QString>("initial");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<OpOutcome>("outcome");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("submit a draft") << "draft"
                                        << "submitted"
                                        << "clerk"
                                        << "" << OpOutcome::Applied << "";
        QTest::newRow("approve submitted") << "submitted"
                                           << "approved"
                                           << "manager"
                                           << "" << OpOutcome::Rejected << "no_such_transition";
        QTest::newRow("clerk asks approval") << "submitted"
                                             << "pending_approval"
                                             << "clerk"
                                             << "" << OpOutcome::Applied << "";
        QTest::newRow("withdraw without reason") << "submitted"
                                                 << "withdrawn"
                                                 << "clerk"
                                                 << "" << OpOutcome::Rejected << "reason_required";
        QTest::newRow("withdraw with reason") << "submitted"
                                              << "withdrawn"
                                              << "clerk"
                                              << "citizen withdrew" << OpOutcome::Applied << "";
        QTest::newRow("clerk may not forward to in_progress")
            << "submitted"
            << "in_progress"
            << "clerk"
            << "" << OpOutcome::Rejected << "no_such_transition";
        QTest::newRow("unknown status") << "submitted"
                                        << "teleported"
                                        << "clerk"
                                        << "" << OpOutcome::Rejected << "unknown_status";
    }

    void transitionsGoThroughTheLifecycle() {
        QFETCH(QString, initial);
        QFETCH(QString, to);
        QFETCH(QString, actor);
        QFETCH(QString, reason);
        QFETCH(OpOutcome, outcome);
        QFETCH(QString, refusal);
        Fixture f;
        f.pushOne(f.createCase(kDeskA, kClerkA, initial.toStdString()));
        const OpResult r = f.pushOne(f.transition(
            kDeskA, to.toStdString(), actor == "clerk" ? kClerkA : kManager, reason.toStdString()));
        QCOMPARE(code(r.outcome), code(outcome));
        QVERIFY2(r.reason.starts_with(refusal.toStdString()), r.reason.c_str());
        const EntityRef ref = f.caseRef;
        // The create is the first history entry; an applied transition adds one, with its who
        // and when also in the case's fields for the desks that pull it.
        const auto& who = actor == "clerk" ? kClerkA : kManager;
        if (outcome == OpOutcome::Applied) {
            QCOMPARE(f.field("status"), to.toStdString());
            QCOMPARE(f.store.history(ref).size(), std::size_t{2});
            QCOMPARE(f.store.history(ref).back().actorId, who.id);
            QCOMPARE(f.field("status_actor"), who.id);
            QCOMPARE(f.field("status_role"), std::string{kep::cases::toString(who.role)});
            QVERIFY(!f.field("status_at").empty());
        } else {
            QCOMPARE(f.field("status"), initial.toStdString());
            QCOMPARE(f.store.history(ref).size(), std::size_t{1});
            QCOMPARE(f.store.history(ref).front().actorId, kClerkA.id);
        }
    }

    void aCaseIsFiledInOneCreate_data() {
        QTest::addColumn<QString>("status");  // the create's status field ("" = none)
        QTest::addColumn<QString>("requiresApproval");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("refusal");      // "" = applied
        QTest::addColumn<QStringList>("history");  // each entry as "from>to"
        QTest::newRow("for approval: two steps")
            << "pending_approval"
            << "true"
            << "clerk"
            << "" << QStringList{"draft>submitted", "submitted>pending_approval"};
        QTest::newRow("no approval needed: submitted") << "submitted"
                                                       << "false"
                                                       << "clerk"
                                                       << "" << QStringList{"draft>submitted"};
        QTest::newRow("submitted, approval asked later") << "submitted"
                                                         << "true"
                                                         << "manager"
                                                         << "" << QStringList{"draft>submitted"};
        QTest::newRow("kept a draft: who opened it") << "draft"
                                                     << "true"
                                                     << "clerk"
                                                     << "" << QStringList{"draft>draft"};
        QTest::newRow("no status is a draft") << ""
                                              << "true"
                                              << "clerk"
                                              << "" << QStringList{"draft>draft"};
        QTest::newRow("filed online by the channel") << "submitted"
                                                     << "true"
                                                     << "gov_channel"
                                                     << "" << QStringList{"draft>submitted"};
        QTest::newRow("the channel does not ask for approval")
            << "pending_approval"
            << "true"
            << "gov_channel"
            << "role_not_allowed" << QStringList{};
        QTest::newRow("for approval without the option")
            << "pending_approval"
            << "false"
            << "clerk"
            << "approval_not_required" << QStringList{};
        QTest::newRow("approved at once") << "approved"
                                          << "true"
                                          << "manager"
                                          << "bad_initial_status" << QStringList{};
        QTest::newRow("not a status") << "teleported"
                                      << "true"
                                      << "clerk"
                                      << "bad_initial_status" << QStringList{};
        QTest::newRow("an authority does not file") << "submitted"
                                                    << "true"
                                                    << "authority"
                                                    << "role_not_allowed" << QStringList{};
    }

    void aCaseIsFiledInOneCreate() {
        QFETCH(QString, status);
        QFETCH(QString, requiresApproval);
        QFETCH(QString, role);
        QFETCH(QString, refusal);
        QFETCH(QStringList, history);
        Fixture f;
        const cases::Actor filer{"u-filer", *cases::actorRoleFromString(role.toStdString())};
        OutboxOp create = f.createCase(kDeskA, filer, status.toStdString());
        create.fields["requires_approval"] = requiresApproval.toStdString();
        if (status.isEmpty()) {
            create.fields.erase("status");
        }
        f.now = kT0 + 5000;
        const OpResult r = f.pushOne(create);
        if (!refusal.isEmpty()) {
            QCOMPARE(code(r.outcome), code(OpOutcome::Rejected));
            QVERIFY2(r.reason.starts_with(refusal.toStdString() + ":"), r.reason.c_str());
            QCOMPARE(f.field("status"), std::string{"<no case>"});
            QVERIFY(f.store.changeLog(kOffice).empty());
            QVERIFY(f.store.history(f.caseRef).empty());
            return;
        }
        QCOMPARE(code(r.outcome), code(OpOutcome::Applied));
        // One op, one version, one change for the desks that pull — whatever the steps.
        QCOMPARE(r.serverVersion, std::optional<std::int64_t>{1});
        QCOMPARE(f.store.changeLog(kOffice).size(), std::size_t{1});
        const std::string filed = status.isEmpty() ? "draft" : status.toStdString();
        QCOMPARE(f.field("status"), filed);
        QCOMPARE(f.field("filed_by"), filer.id);
        QCOMPARE(f.field("status_actor"), filer.id);
        QCOMPARE(f.field("status_role"), role.toStdString());
        QCOMPARE(f.field("status_at"), std::to_string(kT0 + 5000));
        QStringList steps;
        for (const cases::HistoryEntry& entry : f.store.history(f.caseRef)) {
            steps << QString::fromStdString(std::string{cases::toString(entry.from)} + ">" +
                                            std::string{cases::toString(entry.to)});
            QCOMPARE(entry.actorId, filer.id);
            QCOMPARE(entry.at.time_since_epoch().count(), kT0 + 5000);
        }
        QCOMPARE(steps, history);
    }

    void thePreviousProtocolsThreeOpsStillFile() {
        // A desk of protocol version 1 files as a create (draft) and two transitions; the case
        // ends as the one-op filing leaves it, and the answers are in version 1.
        Fixture f;
        static_assert(kOldestAcceptedProtocolVersion < kProtocolVersion);
        OutboxOp create = f.createCase(kDeskA, kClerkA, "");
        create.fields.erase("status");
        std::vector<OutboxOp> ops{create, f.transition(kDeskA, "submitted", kClerkA),
                                  f.transition(kDeskA, "pending_approval", kClerkA)};
        const PushResponse old =
            f.core.push(kDeskA, PushRequest{kOldestAcceptedProtocolVersion, kDeskA, ops});
        QCOMPARE(old.protocol, kOldestAcceptedProtocolVersion);
        for (const OpResult& r : old.results) {
            QVERIFY2(r.outcome == OpOutcome::Applied, r.reason.c_str());
        }
        QCOMPARE(f.field("status"), std::string{"pending_approval"});
        QCOMPARE(f.store.history(f.caseRef).size(), std::size_t{3});  // opened, and two steps

        Fixture now;
        const OutboxOp filed = now.createCase(kDeskA, kClerkA, "pending_approval");
        const PushResponse current = now.push(kDeskA, {filed});
        QCOMPARE(current.protocol, kProtocolVersion);
        QCOMPARE(now.field("status"), f.field("status"));
        const auto& oneOp = now.store.history(now.caseRef);
        const auto& threeOps = f.store.history(f.caseRef);
        QVERIFY(std::equal(oneOp.begin(), oneOp.end(), threeOps.end() - 2));
        QCOMPARE(f.core.pull({kOldestAcceptedProtocolVersion, kOffice, 0, 10}).protocol,
                 kOldestAcceptedProtocolVersion);
    }

    void fourEyes() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA, kManager));
        f.pushOne(f.transition(kDeskA, "pending_approval", kManager));
        const OpResult own = f.pushOne(f.transition(kDeskA, "approved", kManager));
        QCOMPARE(code(own.outcome), code(OpOutcome::Rejected));
        QVERIFY(own.reason.starts_with("own_case"));
    }

    void transitionsRebaseOnTheStatusNow() {
        // Two managers approve the same case offline: the second finds it approved already.
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        f.pushOne(f.transition(kDeskA, "pending_approval", kClerkA));
        QCOMPARE(code(f.pushOne(f.transition(kDeskA, "approved", kManager)).outcome),
                 code(OpOutcome::Applied));
        const OpResult late = f.pushOne(f.transition(kDeskB, "approved", kManager));
        QCOMPARE(code(late.outcome), code(OpOutcome::Rejected));
        QVERIFY(late.reason.starts_with("no_such_transition"));
    }

    void bucketsAndOwnership_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("other office's bucket")
            << QString::fromStdString(kDeskC) << QString::fromStdString(kOffice) << "phone"
            << "u-clerk-c"
            << "bucket_forbidden";
        QTest::newRow("moving a case to my bucket")
            << QString::fromStdString(kDeskC) << QString::fromStdString(kOtherOffice) << "phone"
            << "u-clerk-c"
            << "wrong_bucket";
        QTest::newRow("status by set_fields")
            << QString::fromStdString(kDeskB) << QString::fromStdString(kOffice) << "status"
            << "u-clerk-b"
            << "reserved_field";
        QTest::newRow("status change's author by set_fields")
            << QString::fromStdString(kDeskB) << QString::fromStdString(kOffice) << "status_actor"
            << "u-clerk-b"
            << "reserved_field";
        QTest::newRow("filer by set_fields")
            << QString::fromStdString(kDeskB) << QString::fromStdString(kOffice) << "filed_by"
            << "u-clerk-b"
            << "reserved_field";
        QTest::newRow("unknown user")
            << QString::fromStdString(kDeskB) << QString::fromStdString(kOffice) << "phone"
            << "u-intruder"
            << "actor_forbidden";
    }

    void bucketsAndOwnership() {
        QFETCH(QString, device);
        QFETCH(QString, bucket);
        QFETCH(QString, field);
        QFETCH(QString, actor);
        QFETCH(QString, refusal);
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        OutboxOp o = f.setField(device.toStdString(), 1, field.toStdString(), "x");
        o.bucket = bucket.toStdString();
        o.actor = {actor.toStdString(), cases::ActorRole::Clerk};
        const OpResult r = f.pushOne(o);
        QCOMPARE(code(r.outcome), code(OpOutcome::Rejected));
        QVERIFY2(r.reason.starts_with(refusal.toStdString()), r.reason.c_str());
        QCOMPARE(f.field("phone"), std::string{"2100000000"});
    }

    void conflictsAreServerOwned() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        f.pushOne(f.setField(kDeskA, 1, "phone", "a"));
        f.pushOne(f.setField(kDeskB, 1, "phone", "b"));
        const EntityRef conflict = f.conflicts().front().ref;

        OutboxOp forge = f.createCase(kDeskA);
        forge.entity = {"conflict", "forged"};
        QVERIFY(f.pushOne(forge).reason.starts_with("server_owned_type"));
        OutboxOp rewrite = f.setField(kDeskA, 1, "lost_value", "edited");
        rewrite.entity = conflict;
        QVERIFY(f.pushOne(rewrite).reason.starts_with("reserved_field"));
        OutboxOp resolve = f.setField(kDeskA, 1, "state", "resolved");
        resolve.entity = conflict;
        QCOMPARE(code(f.pushOne(resolve).outcome), code(OpOutcome::Applied));
        OutboxOp transition = f.transition(kDeskA, "submitted", kClerkA);
        transition.entity = conflict;
        QVERIFY(f.pushOne(transition).reason.starts_with("not_a_case"));
    }

    void nothingIsAcknowledgedWithoutACommit() {
        Fixture f;
        bool crash = true;
        f.store.setCommitFault([&] { return crash; });
        const OutboxOp create = f.createCase(kDeskA);
        QVERIFY_THROWS_EXCEPTION(MemorySyncServerStore::CommitLost, f.push(kDeskA, {create}));
        QCOMPARE(f.store.committedLastAppliedSeq(kDeskA), std::int64_t{0});
        QVERIFY(!f.store.committedResult(kDeskA, 1));
        QVERIFY(f.store.changeLog(kOffice).empty());
        QVERIFY(!f.store.inTransaction());
        crash = false;
        // The resend is applied (not a duplicate of something that was never stored).
        QCOMPARE(code(f.pushOne(create).outcome), code(OpOutcome::Applied));
    }

    void aRequestForAnotherDeviceIsRefused() {
        Fixture f;
        const OutboxOp create = f.createCase(kDeskA);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            f.core.push(kDeskB, PushRequest{kProtocolVersion, kDeskA, {create}}));
        QVERIFY(!f.store.inTransaction());
    }

    void oneAuditEntryPerSettledOp() {
        Fixture f;
        const OutboxOp create = f.createCase(kDeskA);
        const OutboxOp refused = f.transition(kDeskA, "approved", kClerkA);  // four eyes
        f.push(kDeskA, {create, refused});
        const OutboxOp mine = f.setField(kDeskA, 1, "phone", "2101111111");
        const OutboxOp theirs = f.setField(kDeskB, 1, "phone", "2102222222");
        f.pushOne(mine);
        QCOMPARE(code(f.pushOne(theirs).outcome), code(OpOutcome::Conflict));

        const auto& log = f.store.auditLog();
        QCOMPARE(log.size(), std::size_t{4});
        const audit::AuditEntry& filed = log[0];
        QCOMPARE(filed.entryId, create.opId.toString());
        QCOMPARE(filed.at, std::string{"2025-06-15T15:06:40.000Z"});
        QCOMPARE(filed.actorKind, std::string{"user"});
        QCOMPARE(filed.actorId, kClerkA.id);
        QCOMPARE(filed.role, std::string{"clerk"});
        QCOMPARE(filed.office, std::string{"0101"});
        QCOMPARE(filed.workstation, kDeskA);
        QCOMPARE(filed.action, std::string{"case.create"});
        QCOMPARE(filed.recordType, std::string{"case"});
        QCOMPARE(filed.recordId, f.caseRef.id);
        QCOMPARE(filed.purpose, std::string{"counter_service"});
        QCOMPARE(filed.outcome, std::string{"applied"});
        QVERIFY(!audit::problemWith(filed));
        QCOMPARE(log[1].action, std::string{"case.transition"});
        QCOMPARE(log[1].outcome, std::string{"rejected"});
        QCOMPARE(log[2].action, std::string{"case.set_fields"});
        QCOMPARE(log[3].outcome, std::string{"conflict"});
        QCOMPARE(log[3].workstation, kDeskB);

        // A duplicate was audited when it was applied; a deferred op is not settled yet.
        OutboxOp gap = f.setField(kDeskA, 2, "notes", "x");
        gap.deviceSeq += 5;
        f.push(kDeskA, {create, mine, gap});
        QCOMPARE(f.store.auditLog().size(), std::size_t{4});
    }

    void theAuditEntriesCommitWithTheOps() {
        Fixture f;
        f.store.setCommitFault([] { return true; });
        PushRequest request{kProtocolVersion, kDeskA, {f.createCase(kDeskA)}};
        request.audit = {deskRead(f.ids, kDeskA)};
        QVERIFY_THROWS_EXCEPTION(MemorySyncServerStore::CommitLost, f.core.push(kDeskA, request));
        QVERIFY(f.store.auditLog().empty());
        f.store.setCommitFault({});
        f.core.push(kDeskA, request);
        // The op's entry and the desk's, in one call; sent again after a lost answer, kept once.
        QCOMPARE(auditedIds(f.store), (std::vector<std::string>{request.ops[0].opId.toString(),
                                                                request.audit[0].entryId}));
        f.core.push(kDeskA, request);
        QCOMPARE(f.store.auditLog().size(), std::size_t{2});
        QCOMPARE(f.store.auditLog()[1], request.audit[0]);
    }

    void aPushOfReadsOnlyIsAudited() {
        Fixture f;
        PushRequest request{kProtocolVersion, kDeskA, {}};
        request.audit = {deskRead(f.ids, kDeskA), deskRead(f.ids, kDeskA, kManager)};
        const PushResponse response = f.core.push(kDeskA, request);
        QVERIFY(response.results.empty());
        QCOMPARE(f.store.auditLog().size(), std::size_t{2});
    }

    void aDeskEntryFromElsewhereRefusesThePush_data() {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("value");
        QTest::newRow("another device") << "workstation"
                                        << "0101/desk-b";
        QTest::newRow("another office") << "office"
                                        << "0202";
        QTest::newRow("no office") << "office"
                                   << "";
        QTest::newRow("not a user") << "actorKind"
                                    << "server";
        QTest::newRow("not a desk role") << "role"
                                         << "it";
    }
    void aDeskEntryFromElsewhereRefusesThePush() {
        QFETCH(QString, member);
        QFETCH(QString, value);
        Fixture f;
        PushRequest request{kProtocolVersion, kDeskA, {f.createCase(kDeskA)}};
        request.audit = {deskRead(f.ids, kDeskA), deskRead(f.ids, kDeskA)};
        audit::AuditEntry& bad = request.audit[1];
        const std::string text = value.toStdString();
        if (member == "workstation") {
            bad.workstation = text;
        } else if (member == "office") {
            bad.office = text;
        } else if (member == "actorId") {
            bad.actorId = text;
        } else if (member == "actorKind") {
            bad.actorKind = text;
        } else {
            bad.role = text;
        }
        try {
            f.core.push(kDeskA, request);
            QFAIL("the push was accepted");
        } catch (const PushRefused& refused) {
            const std::string what = refused.what();
            QVERIFY2(what.find("audit[1]: " + member.toStdString()) != std::string::npos,
                     refused.what());
        }
        // Nothing written: not the op, not the other entry.
        QVERIFY(!f.store.inTransaction());
        QCOMPARE(f.store.committedLastAppliedSeq(kDeskA), std::int64_t{0});
        QVERIFY(f.store.auditLog().empty());
    }

    // Read offline by a clerk who has been disabled since: recorded as the desk reports it, and
    // the desk's pushes go on.
    void aDeskEntryOfAUserNoLongerAtTheDeviceIsRecorded() {
        Fixture f;
        PushRequest request{kProtocolVersion, kDeskA, {f.createCase(kDeskA)}};
        request.audit = {deskRead(f.ids, kDeskA)};
        request.audit[0].actorId = "u-disabled-since";
        const PushResponse response = f.core.push(kDeskA, request);
        QCOMPARE(response.results.size(), std::size_t{1});
        QCOMPARE(response.lastAppliedSeq, std::int64_t{1});
        const auto& log = f.store.auditLog();
        QVERIFY(std::any_of(log.begin(), log.end(), [](const audit::AuditEntry& e) {
            return e.actorId == "u-disabled-since";
        }));
    }

    void anOpThatCannotBeAuditedIsRejected() {
        Fixture f;
        f.caseRef = {"case", "c#0001"};  // printable, so the protocol lets it through
        const OpResult r = f.pushOne(f.createCase(kDeskA));
        QCOMPARE(code(r.outcome), code(OpOutcome::Rejected));
        QVERIFY2(r.reason.starts_with("unauditable_op: recordId"), r.reason.c_str());
        QVERIFY(f.store.changeLog(kOffice).empty());
        QVERIFY(f.store.auditLog().empty());
    }

    void purposeFollowsTheRole_data() {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("actorKind");
        using R = cases::ActorRole;
        QTest::newRow("clerk files") << int(R::Clerk) << int(OpKind::Create) << "counter_service"
                                     << "user";
        QTest::newRow("manager approves")
            << int(R::Manager) << int(OpKind::Transition) << "approval"
            << "user";
        QTest::newRow("manager edits")
            << int(R::Manager) << int(OpKind::SetFields) << "counter_service"
            << "user";
        QTest::newRow("authority person")
            << int(R::Authority) << int(OpKind::Transition) << "authority_processing"
            << "user";
        QTest::newRow("authority system")
            << int(R::AuthoritySystem) << int(OpKind::Transition) << "authority_processing"
            << "api_key";
        QTest::newRow("gov.gr") << int(R::GovChannel) << int(OpKind::Create) << "online_application"
                                << "api_key";
        QTest::newRow("central") << int(R::CentralAdmin) << int(OpKind::SetFields)
                                 << "administration"
                                 << "user";
    }
    void purposeFollowsTheRole() {
        QFETCH(int, role);
        QFETCH(int, kind);
        QFETCH(QString, purpose);
        QFETCH(QString, actorKind);
        OutboxOp op;
        op.actor = {"a-1", cases::ActorRole(role)};
        op.kind = OpKind(kind);
        const audit::AuditEntry entry = auditEntryFor(op, OpOutcome::Applied, kT0);
        QCOMPARE(QString::fromStdString(entry.purpose), purpose);
        QCOMPARE(QString::fromStdString(entry.actorKind), actorKind);
    }

    void pullPagesInOrderAndMovesToTheMark() {
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        for (int i = 0; i < 4; ++i) {
            f.pushOne(f.setField(kDeskA, 1, "phone", std::to_string(i)));
        }
        OutboxOp other = f.createCase(kDeskC);
        other.bucket = kOtherOffice;
        other.entity = {"case", "c-other"};
        f.pushOne(other);  // seq 6, another bucket

        PullResponse page = f.core.pull({kProtocolVersion, kOffice, 0, 2});
        QCOMPARE(page.changes.size(), std::size_t{2});
        QCOMPARE(page.changes[0].seq, std::int64_t{1});
        QCOMPARE(page.cursor, std::int64_t{2});
        QVERIFY(page.hasMore);
        page = f.core.pull({kProtocolVersion, kOffice, 2, 10});
        QCOMPARE(page.changes.size(), std::size_t{3});
        QCOMPARE(page.changes.back().seq, std::int64_t{5});
        QVERIFY(!page.hasMore);
        QCOMPARE(page.cursor, std::int64_t{6});  // the mark: past the other bucket's change
        QCOMPARE(page.changes.back().fields.at("phone"), std::string{"3"});

        const PullResponse empty = f.core.pull({kProtocolVersion, "catalogue", 0, 10});
        QVERIFY(empty.changes.empty());
        QCOMPARE(empty.cursor, std::int64_t{6});
        // A cursor beyond the mark is answered as it is: it never goes back.
        const PullResponse ahead = f.core.pull({kProtocolVersion, kOffice, 99, 10});
        QCOMPARE(ahead.cursor, std::int64_t{99});
        QVERIFY(ahead.changes.empty());
    }

    void pullNeverPassesTheSafeHighWaterMark() {
        // Seq 2 is still in flight in another writer while seq 3 has committed: a pull must stop
        // at 1, or the desk's cursor would pass 2 and never see it.
        Fixture f;
        f.pushOne(f.createCase(kDeskA));
        f.pushOne(f.setField(kDeskA, 1, "phone", "x"));
        f.pushOne(f.setField(kDeskA, 1, "phone", "y"));
        f.store.pin = 1;
        PullResponse r = f.core.pull({kProtocolVersion, kOffice, 0, 100});
        QCOMPARE(r.changes.size(), std::size_t{1});
        QCOMPARE(r.cursor, std::int64_t{1});
        QVERIFY(!r.hasMore);
        r = f.core.pull({kProtocolVersion, kOffice, 1, 100});
        QVERIFY(r.changes.empty());
        QCOMPARE(r.cursor, std::int64_t{1});
        f.store.pin.reset();
        r = f.core.pull({kProtocolVersion, kOffice, 1, 100});
        QCOMPARE(r.changes.size(), std::size_t{2});
        QCOMPARE(r.changes.front().seq, std::int64_t{2});
        QCOMPARE(r.cursor, std::int64_t{3});
    }
};

QTEST_APPLESS_MAIN(tst_SyncServerCore)
#include "tst_sync_server_core.moc"
