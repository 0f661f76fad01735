// The server's own case writes (intake, authorities, registries) over a real kep.db: they go
// through the lifecycle, continue their device's sequence after a restart, nudge the office, and
// the look-ups by id, protocol number and authority (migration 0010) find what was written.
#include <QTest>

#include "SyncStoreBackends.h"
#include "shared/cases/CaseFields.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/CaseRecords.h"
#include "sync/ServerCaseWriter.h"
#include "sync/SyncService.h"

#include <memory>
#include <vector>

using namespace kep;
using kep::cases::CaseStatus;
using kep::server::sync::CaseRecord;
using kep::server::sync::ServerCaseWriter;
using kep::server::sync::SyncService;
namespace cf = kep::cases::fields;

namespace {

const cases::Actor kChannel{"channel:govgr", cases::ActorRole::GovChannel};
const cases::Actor kClerk{"u-clerk-1", cases::ActorRole::Clerk};
const cases::Actor kAuthority{"u-authority-1", cases::ActorRole::Authority};
const std::string kAuthorityId = "ORG-100";

sync::FieldMap filedCase(const std::string& protocol) {
    return {{std::string{cf::kProtocolNumber}, protocol},
            {std::string{cf::kProcedureId}, "900001"},
            {std::string{cf::kChannel}, "govgr"},
            {std::string{cf::kAuthorityId}, kAuthorityId},
            {std::string{sync::case_fields::kStatus}, "submitted"},
            {std::string{sync::case_fields::kRequiresApproval}, "false"}};
}

// A sync service and its nudges over one real database file, reopened by restart().
class Server {
public:
    Server() : backend_("sqlite") { open(); }

    void restart() {
        service_.reset();
        backend_.restart();
        open();
    }
    SyncService& service() { return *service_; }
    db::Database& database() { return backend_.database(); }
    std::vector<std::string> nudgedBuckets;

private:
    void open() {
        service_ = std::make_unique<SyncService>(
            backend_.store(), [this](const sync::Nudge& nudge, std::string_view) {
                nudgedBuckets.push_back(nudge.bucket);
            });
    }

    test::SyncStoreBackend backend_;
    std::unique_ptr<SyncService> service_;
};

}  // namespace

class tst_ServerCaseWriter : public QObject {
    Q_OBJECT

private slots:
    void createdCaseIsFoundByIdAndProtocolAndNudgesItsOffice() {
        Server server;
        ServerCaseWriter writer(server.service(), "server:intake");
        const auto created = writer.create("case-1", "0101", kChannel, filedCase("0101/2027/5"));
        QVERIFY2(created.ok(), created.reason.c_str());
        QCOMPARE(created.version, 1);
        QCOMPARE(server.nudgedBuckets, std::vector<std::string>{"office:0101"});

        const auto byId = server::sync::findCase(server.database(), "case-1");
        QVERIFY(byId);
        QCOMPARE(byId->officeCode, std::string{"0101"});
        QVERIFY(byId->status == CaseStatus::Submitted);
        QCOMPARE(byId->field(cf::kChannel), std::string{"govgr"});
        QCOMPARE(byId->field(sync::case_fields::kFiledBy), kChannel.id);
        QCOMPARE(byId->field("no_such_field"), std::string{});

        const auto byProtocol = server::sync::findCaseByProtocol(server.database(), "0101/2027/5");
        QVERIFY(byProtocol);
        QCOMPARE(byProtocol->id, std::string{"case-1"});
        QVERIFY(!server::sync::findCaseByProtocol(server.database(), "0101/2027/6"));
        QVERIFY(!server::sync::findCase(server.database(), "case-2"));

        const auto history = server::sync::caseHistory(server.database(), "case-1");
        QCOMPARE(history.size(), std::size_t{1});
        QVERIFY(history.front().to == CaseStatus::Submitted);
        QCOMPARE(history.front().actorId, kChannel.id);
    }

    void lifecycleRefusalIsAnsweredWithItsCode() {
        Server server;
        ServerCaseWriter writer(server.service(), "server:authority");
        QVERIFY(writer.create("case-1", "0101", kChannel, filedCase("0101/2027/5")).ok());
        // An authority cannot accept a case the KEP has not forwarded.
        const auto refused =
            writer.transition("case-1", "0101", kAuthority, CaseStatus::InProgress);
        QVERIFY(!refused.ok());
        QVERIFY(refused.outcome == sync::OpOutcome::Rejected);
        QCOMPARE(refused.code(), std::string{"no_such_transition"});
        QVERIFY(server::sync::findCase(server.database(), "case-1")->status ==
                CaseStatus::Submitted);
        const auto missing = writer.transition("case-9", "0101", kAuthority, CaseStatus::Completed);
        QCOMPARE(missing.code(), std::string{"no_such_entity"});
    }

    // A restarted server continues the writer's sequence: its next op is applied, not taken
    // for a repeat of an op it sent before the restart.
    void sequenceContinuesAfterRestart() {
        Server server;
        {
            ServerCaseWriter writer(server.service(), "server:intake");
            QVERIFY(writer.create("case-1", "0101", kChannel, filedCase("0101/2027/1")).ok());
            QVERIFY(writer.create("case-2", "0101", kChannel, filedCase("0101/2027/2")).ok());
        }
        server.restart();
        ServerCaseWriter writer(server.service(), "server:intake");
        const auto third = writer.create("case-3", "0101", kChannel, filedCase("0101/2027/3"));
        QVERIFY2(third.ok(), third.reason.c_str());
        QVERIFY(server::sync::findCase(server.database(), "case-3"));
        QCOMPARE(server.service().lastAppliedSeq("server:intake"), std::int64_t{3});
    }

    void serverFieldWriteWinsOverEarlierDeskEdit() {
        Server server;
        ServerCaseWriter writer(server.service(), "server:registry");
        QVERIFY(writer.create("case-1", "0101", kChannel, filedCase("0101/2027/1")).ok());
        const auto written =
            writer.setFields("case-1", "0101", kClerk, {{"registry_documents", "[]"}});
        QVERIFY2(written.ok(), written.reason.c_str());
        QCOMPARE(written.version, 2);
        QCOMPARE(server::sync::findCase(server.database(), "case-1")->field("registry_documents"),
                 std::string{"[]"});
    }

    // The authority sees a case only once the KEP forwarded it, and keeps seeing it after it
    // decided; the status filter and the other authority's empty list.
    void authorityListFollowsForwarding() {
        Server server;
        ServerCaseWriter writer(server.service(), "server:authority");
        QVERIFY(writer.create("case-1", "0101", kChannel, filedCase("0101/2027/1")).ok());
        QVERIFY(writer.create("case-2", "0101", kChannel, filedCase("0101/2027/2")).ok());
        QVERIFY(server::sync::casesOfAuthority(server.database(), kAuthorityId, std::nullopt, 50)
                    .empty());

        QVERIFY(writer.transition("case-1", "0101", kClerk, CaseStatus::Forwarded).ok());
        auto listed =
            server::sync::casesOfAuthority(server.database(), kAuthorityId, std::nullopt, 50);
        QCOMPARE(listed.size(), std::size_t{1});
        QCOMPARE(listed.front().id, std::string{"case-1"});

        QVERIFY(writer.transition("case-1", "0101", kAuthority, CaseStatus::InProgress).ok());
        QVERIFY(
            writer.transition("case-1", "0101", kAuthority, CaseStatus::Rejected, "not eligible")
                .ok());
        listed = server::sync::casesOfAuthority(server.database(), kAuthorityId,
                                                CaseStatus::Rejected, 50);
        QCOMPARE(listed.size(), std::size_t{1});
        QCOMPARE(listed.front().field(sync::case_fields::kStatusReason),
                 std::string{"not eligible"});
        QVERIFY(server::sync::casesOfAuthority(server.database(), kAuthorityId,
                                               CaseStatus::Forwarded, 50)
                    .empty());
        QVERIFY(
            server::sync::casesOfAuthority(server.database(), "ORG-200", std::nullopt, 50).empty());
    }

    // Withdrawn before it reached the authority: the authority never sees it.
    void caseWithdrawnBeforeForwardingStaysInvisible() {
        Server server;
        ServerCaseWriter writer(server.service(), "server:intake");
        QVERIFY(writer.create("case-1", "0101", kChannel, filedCase("0101/2027/1")).ok());
        QVERIFY(writer.transition("case-1", "0101", kClerk, CaseStatus::Withdrawn, "moved abroad")
                    .ok());
        QVERIFY(server::sync::casesOfAuthority(server.database(), kAuthorityId, std::nullopt, 50)
                    .empty());
    }
};

QTEST_GUILESS_MAIN(tst_ServerCaseWriter)
#include "tst_server_case_writer.moc"
