// SyncService and NudgeHub without a network: the write authority a push runs with, the nudge
// after a commit that changed something (and none for duplicates), and who a nudge reaches.
#include "shared/sync/MemorySyncServerStore.h"
#include "shared/sync/SyncProtocol.h"
#include "sync/NudgeHub.h"
#include "sync/SyncService.h"

#include <QTest>

#include <stdexcept>

using kep::server::sync::NudgeHub;
using kep::server::sync::PushPermissions;
using kep::server::sync::SyncService;

namespace {

const std::string kDevice = "desk-1";
const kep::cases::Actor kClerk{"user-clerk", kep::cases::ActorRole::Clerk};

kep::sync::OutboxOp caseOp(std::int64_t seq, std::string bucket, kep::cases::Actor actor) {
    static kep::domain::UuidV7Generator ids;
    kep::sync::OutboxOp op;
    op.opId = ids.next();
    op.deviceId = kDevice;
    op.deviceSeq = seq;
    op.kind = kep::sync::OpKind::Create;
    op.entity = {"case", ids.next().toString()};
    op.bucket = std::move(bucket);
    op.actor = std::move(actor);
    op.fields = {{"notes", "x"}};
    return op;
}

struct RecordingPeer : kep::http::WebSocketPeer {
    std::vector<std::string> received;
    void send(std::string message) override { received.push_back(std::move(message)); }
};

}  // namespace

class tst_SyncService : public QObject {
    Q_OBJECT

private slots:
    // The op's bucket and user decide; the device's office bucket and its users only.
    void writeAuthority_data() {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("reason");
        QTest::newRow("own office, own user") << "office:0101"
                                              << "user-clerk"
                                              << "applied"
                                              << "";
        QTest::newRow("another office") << "office:0202"
                                        << "user-clerk"
                                        << "rejected"
                                        << "bucket_forbidden";
        QTest::newRow("a user not of the office") << "office:0101"
                                                  << "user-other"
                                                  << "rejected"
                                                  << "actor_forbidden";
    }
    void writeAuthority() {
        QFETCH(QString, bucket);
        QFETCH(QString, actor);
        QFETCH(QString, outcome);
        QFETCH(QString, reason);
        kep::sync::MemorySyncServerStore store;
        SyncService service(store);
        const PushPermissions permissions{"office:0101", {"user-clerk"}};
        const auto response =
            service.push(kDevice,
                         {kep::sync::kProtocolVersion,
                          kDevice,
                          {caseOp(1, bucket.toStdString(),
                                  {actor.toStdString(), kep::cases::ActorRole::Clerk})}},
                         permissions);
        QCOMPARE(response.results.size(), std::size_t(1));
        QCOMPARE(QString::fromUtf8(kep::sync::toString(response.results[0].outcome).data()),
                 outcome);
        QVERIFY(response.results[0].reason.starts_with(reason.toStdString()));
        QCOMPARE(store.entitiesIn(bucket.toStdString()).size(),
                 std::size_t(outcome == "applied" ? 1 : 0));
    }

    void anotherDeviceIsRefused() {
        kep::sync::MemorySyncServerStore store;
        SyncService service(store);
        const kep::sync::PushRequest request{kep::sync::kProtocolVersion, "desk-2", {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 service.push(kDevice, request, {"office:0101", {}}));
    }

    // A commit that changed the bucket nudges once, up to the safe mark; a repeat does not.
    void nudgeAfterCommitOnly() {
        kep::sync::MemorySyncServerStore store;
        std::vector<std::pair<kep::sync::Nudge, std::string>> nudges;
        SyncService service(store, [&](const kep::sync::Nudge& nudge, std::string_view origin) {
            nudges.emplace_back(nudge, std::string(origin));
        });
        const PushPermissions permissions{"office:0101", {"user-clerk"}};
        const kep::sync::PushRequest request{
            kep::sync::kProtocolVersion,
            kDevice,
            {caseOp(1, "office:0101", kClerk), caseOp(2, "office:0101", kClerk)}};
        service.push(kDevice, request, permissions);
        QCOMPARE(nudges.size(), std::size_t(1));
        QCOMPARE(nudges[0].first.bucket, std::string("office:0101"));
        QCOMPARE(nudges[0].first.upTo, store.safeHighWaterMark());
        QCOMPARE(nudges[0].second, kDevice);
        service.push(kDevice, request, permissions);  // duplicates: nothing new to pull
        QCOMPARE(nudges.size(), std::size_t(1));
        const auto rejected = kep::sync::PushRequest{
            kep::sync::kProtocolVersion, kDevice, {caseOp(3, "office:0202", kClerk)}};
        service.push(kDevice, rejected, permissions);  // rejected: nothing changed
        QCOMPARE(nudges.size(), std::size_t(1));
    }

    // A failed commit acknowledges nothing and nudges nobody.
    void failedCommitNudgesNobody() {
        kep::sync::MemorySyncServerStore store;
        store.setCommitFault([] { return true; });
        int nudges = 0;
        SyncService service(store, [&](const kep::sync::Nudge&, std::string_view) { ++nudges; });
        const kep::sync::PushRequest request{
            kep::sync::kProtocolVersion, kDevice, {caseOp(1, "office:0101", kClerk)}};
        QVERIFY_THROWS_EXCEPTION(kep::sync::MemorySyncServerStore::CommitLost,
                                 service.push(kDevice, request, {"office:0101", {"user-clerk"}}));
        QCOMPARE(nudges, 0);
        QCOMPARE(store.committedLastAppliedSeq(kDevice), std::int64_t(0));
    }

    // A nudge reaches the peers that may read its bucket, except the device that pushed.
    void hubReachesOnlyReaders() {
        NudgeHub hub;
        auto pusher = std::make_shared<RecordingPeer>();
        auto colleague = std::make_shared<RecordingPeer>();
        auto otherOffice = std::make_shared<RecordingPeer>();
        hub.join(pusher, "desk-1", {"office:0101", "catalogue"});
        hub.join(colleague, "desk-2", {"office:0101", "catalogue"});
        hub.join(otherOffice, "desk-3", {"office:0202", "catalogue"});
        QCOMPARE(hub.publish({kep::sync::kProtocolVersion, "office:0101", 7}, "desk-1"),
                 std::size_t(1));
        QCOMPARE(colleague->received.size(), std::size_t(1));
        QCOMPARE(kep::sync::decodeNudge(colleague->received[0]).upTo, std::int64_t(7));
        QVERIFY(pusher->received.empty());
        QVERIFY(otherOffice->received.empty());
        QCOMPARE(hub.publish({kep::sync::kProtocolVersion, "catalogue", 3}), std::size_t(3));
        hub.leave(*colleague);
        otherOffice.reset();  // gone without leaving
        QCOMPARE(hub.size(), std::size_t(1));
        QCOMPARE(hub.publish({kep::sync::kProtocolVersion, "catalogue", 4}), std::size_t(1));
    }

    // A desk of the previous protocol version hears nudges it can decode, in its own version.
    void eachPeerHearsItsOwnVersion() {
        NudgeHub hub;
        auto current = std::make_shared<RecordingPeer>();
        auto previous = std::make_shared<RecordingPeer>();
        hub.join(current, "desk-1", {"office:0101"});
        hub.join(previous, "desk-2", {"office:0101"}, kep::sync::kOldestAcceptedProtocolVersion);
        QCOMPARE(hub.publish({kep::sync::kProtocolVersion, "office:0101", 9}), std::size_t(2));
        QCOMPARE(kep::sync::decodeNudge(current->received.at(0)).protocol,
                 kep::sync::kProtocolVersion);
        const auto heard = kep::sync::decodeNudge(previous->received.at(0));
        QCOMPARE(heard.protocol, kep::sync::kOldestAcceptedProtocolVersion);
        QCOMPARE(heard.upTo, std::int64_t(9));
    }
};

QTEST_GUILESS_MAIN(tst_SyncService)
#include "tst_sync_service.moc"
