// Issue 9 over a real kep-server: every route that answers with a citizen's data writes its audit
// entry before it answers (an authority's case and inbox, a completed case's result at the KEP, a
// desk's pull of its office, the public status look-up); a read the policy refuses is written
// with outcome denied; identity changes and sign-ins are audited with the actor who made them.
#include "IntakeTestKit.h"
#include "SyncTestKit.h"

#include "db/Database.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/SyncMessages.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kep::test::bearer;
using kep::test::jsonOf;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr char kAuthority[] = "10102";  // the demo authority (cli/DemoData.h)

// One audit_entry row, as the assertions read it.
struct AuditRow {
    std::string actorKind;
    std::string actorId;
    std::string role;
    std::string workstation;
    std::string purpose;
    std::string outcome;
};

}  // namespace

class tst_ReadAuditRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> desk_;       // office 0101
    std::optional<SyncDesk> deskThess_;  // office 0202
    kep::cases::Actor clerk_;
    std::unique_ptr<kep::net::HttpsClient> seat_;  // an 0101 workstation people sign in at
    std::string authorityToken_;
    std::string authorityId_;  // the authority user's id
    std::string clerkToken_;

    // The audit rows of one action on one record, oldest first (read while the server runs).
    std::vector<AuditRow> rows(const std::string& action, const std::string& recordId) {
        auto db = kep::db::Database::open(server_.dataDir().toStdString() + "/kep.db",
                                          {.mode = kep::db::OpenMode::ReadOnly});
        auto select = db.prepare(
            "SELECT actor_kind, actor_id, role, workstation, purpose, outcome FROM audit_entry "
            "WHERE action = ? AND record_id = ? ORDER BY leaf_index");
        select.bind(1, action).bind(2, recordId);
        std::vector<AuditRow> found;
        while (select.step()) {
            found.push_back({select.text(0), select.text(1), select.text(2), select.text(3),
                             select.text(4), select.text(5)});
        }
        return found;
    }

    // A case the 0101 desk files for the demo authority and forwards to it.
    std::string forwardedCase() {
        auto& desk = *desk_;
        auto create = desk.newCase(clerk_);
        create.fields["citizen"] = R"({"afm":"123456783","surname":"ΔΟΚΙΜΗ","given_name":"ΑΝΝΑ"})";
        create.fields["authority_id"] = kAuthority;
        create.fields["due_date"] = "2026-05-29";
        create.fields["requires_approval"] = "false";
        create.fields["status"] = "submitted";
        auto forward = desk.ops->transition(create.entity, desk.bucket(), clerk_, 0,
                                            kep::cases::CaseStatus::Forwarded, {});
        forward.deviceSeq = desk.nextSeq++;
        auto result = desk.transport->push(desk.batch({create, forward}));
        const auto* response = std::get_if<kep::sync::PushResponse>(&result);
        if (!response || response->results.size() != 2 ||
            response->results[1].outcome != kep::sync::OpOutcome::Applied) {
            return {};
        }
        return create.entity.id;
    }

    kep::net::Response asAuthority(const std::string& method, const std::string& path,
                                   const std::string& body = {},
                                   const std::string& type = "application/json") {
        return seat_->request(method, path, body, body.empty() ? std::string() : type,
                              bearer(authorityToken_));
    }

    std::string pullTarget(const std::string& bucket) const {
        return "/api/v1/sync/pull?protocol=" + std::to_string(kep::sync::kProtocolVersion) +
               "&bucket=" + bucket + "&cursor=0";
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&desk_, "0101"}, {&deskThess_, "0202"}}),
                 qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk_, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        clerk_ = *clerk;

        auto& identity = kit_->identity();
        seat_ = identity.clientFor(desk_->workstation);
        const auto signedIn =
            identity.signInRaw(*seat_, "authority", identity.account("authority").password);
        QCOMPARE(signedIn.status, 200);
        authorityToken_ = jsonOf(signedIn)["token"].toString().toStdString();
        authorityId_ = jsonOf(signedIn)["user"].toObject()["id"].toString().toStdString();
        const auto clerkToken =
            identity.signIn(*seat_, "clerk", identity.account("clerk").password);
        QVERIFY2(clerkToken, qPrintable(identity.errorString()));
        clerkToken_ = *clerkToken;
    }

    void anAuthorityReadingACaseIsAuditedFirst() {
        const auto id = forwardedCase();
        QVERIFY(!id.empty());
        QCOMPARE(rows("case.read", id).size(), std::size_t{0});
        QCOMPARE(asAuthority("GET", "/api/v1/authority/cases/" + id).status, 200);
        const auto found = rows("case.read", id);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("user"));
        QCOMPARE(found[0].actorId, authorityId_);
        QCOMPARE(found[0].role, std::string("authority"));
        QCOMPARE(found[0].workstation, desk_->deviceId());
        QCOMPARE(found[0].purpose, std::string("authority_processing"));
        QCOMPARE(found[0].outcome, std::string("ok"));
    }

    void everyCaseAnInboxListsIsAudited() {
        const auto id = forwardedCase();
        QVERIFY(!id.empty());
        const auto inbox = asAuthority("GET", "/api/v1/authority/inbox?limit=500");
        QCOMPARE(inbox.status, 200);
        const auto cases = jsonOf(inbox)["cases"].toArray();
        QVERIFY(!cases.isEmpty());
        for (const auto& listed : cases) {
            const auto caseId = listed.toObject()["id"].toString().toStdString();
            const auto found = rows("case.list", caseId);
            QVERIFY2(!found.empty(), caseId.c_str());
            QCOMPARE(found.back().actorId, authorityId_);
        }
    }

    void theResultAtTheKepIsAuditedAsTheDeskReadsIt() {
        const auto id = forwardedCase();
        QVERIFY(!id.empty());
        QCOMPARE(asAuthority("POST", "/api/v1/authority/cases/" + id + "/accept").status, 200);
        QCOMPARE(asAuthority("POST", "/api/v1/authority/cases/" + id + "/complete",
                             "%PDF-1.7 synthetic result", "application/pdf")
                     .status,
                 200);
        QCOMPARE(desk_->client->get("/api/v1/cases/" + id + "/result").status, 200);
        const auto found = rows("case.read_result", id);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("device"));
        QCOMPARE(found[0].actorId, desk_->deviceId());
        QCOMPARE(found[0].purpose, std::string("sync"));
        // Another office's desk is refused, and the attempt is kept.
        QCOMPARE(deskThess_->client->get("/api/v1/cases/" + id + "/result").status, 403);
        const auto denied = rows("case.read_result", id);
        QCOMPARE(denied.size(), std::size_t{2});
        QCOMPARE(denied[1].actorId, deskThess_->deviceId());
        QCOMPARE(denied[1].outcome, std::string("denied"));
    }

    void aClerkRefusedAnAuthorityCaseIsAuditedAsDenied() {
        const auto id = forwardedCase();
        QVERIFY(!id.empty());
        const auto refused =
            seat_->request("GET", "/api/v1/authority/cases/" + id, {}, {}, bearer(clerkToken_));
        QCOMPARE(refused.status, 403);
        const auto found = rows("case.read", id);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("user"));
        QCOMPARE(found[0].actorId, clerk_.id);
        QCOMPARE(found[0].role, std::string("clerk"));
        QCOMPARE(found[0].outcome, std::string("denied"));
    }

    void aPullOfTheOfficeIsAuditedAndAnotherOfficesIsDenied() {
        QVERIFY(!forwardedCase().empty());  // the bucket holds at least one case
        const auto before = rows("bucket.pull", "office:0101").size();
        QCOMPARE(desk_->client->get(pullTarget("office:0101")).status, 200);
        auto found = rows("bucket.pull", "office:0101");
        QCOMPARE(found.size(), before + 1);
        QCOMPARE(found.back().actorKind, std::string("device"));
        QCOMPARE(found.back().workstation, desk_->deviceId());
        QCOMPARE(found.back().outcome, std::string("ok"));

        QCOMPARE(deskThess_->client->get(pullTarget("office:0101")).status, 403);
        found = rows("bucket.pull", "office:0101");
        QCOMPARE(found.size(), before + 2);
        QCOMPARE(found.back().actorId, deskThess_->deviceId());
        QCOMPARE(found.back().outcome, std::string("denied"));
    }

    void thePublicStatusLookUpIsAuditedWithoutTheCaller() {
        auto& identity = kit_->identity();
        const auto govKey = kep::test::channelKey(identity, "govgr");
        QVERIFY(govKey);
        const auto application = kep::test::greekApplication("900007", 77);
        const auto afm = application["citizen"].toObject()["afm"].toString().toStdString();
        auto anonymous = identity.anonymousClient();
        const auto filed =
            kep::test::fileApplication(*anonymous, *govKey, "read-audit-1", application);
        QCOMPARE(filed.status, 201);
        const auto caseId = jsonOf(filed)["case_id"].toString().toStdString();
        const auto protocol = jsonOf(filed)["protocol_number"].toString().toStdString();
        QVERIFY(!caseId.empty());

        QCOMPARE(anonymous->get("/api/v1/public/status?protocol=" + protocol + "&id=" + afm).status,
                 200);
        const auto found = rows("case.status_lookup", caseId);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("server"));
        QCOMPARE(found[0].actorId, std::string("server:public_status"));
        QCOMPARE(found[0].purpose, std::string("citizen_lookup"));
        // A wrong identifier learns nothing, so there is nothing to audit.
        QCOMPARE(
            anonymous->get("/api/v1/public/status?protocol=" + protocol + "&id=999999999").status,
            404);
        QCOMPARE(rows("case.status_lookup", caseId).size(), std::size_t{1});
    }

    void identityChangesAreAuditedWithTheirActor() {
        auto& identity = kit_->identity();
        QCOMPARE(identity.command({"user", "add", "--office", "0101", "--role", "clerk",
                                   "--username", "audited.clerk"},
                                  "Audited clerk passphrase 1"),
                 0);
        const auto added = QString::fromUtf8(server_.lastOutput()).trimmed();
        const auto userId = added.section(' ', -1).toStdString();
        auto found = rows("user.create", userId);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("admin_tool"));
        QCOMPARE(found[0].outcome, std::string("applied"));

        // The office's manager disables them through the API.
        const auto managerToken =
            identity.signIn(*seat_, "manager", identity.account("manager").password);
        QVERIFY(managerToken);
        QCOMPARE(seat_
                     ->request("POST", "/api/v1/users/" + userId + "/disable", "{}",
                               "application/json", bearer(*managerToken))
                     .status,
                 200);
        found = rows("user.disable", userId);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("user"));
        QCOMPARE(found[0].role, std::string("manager"));
        QCOMPARE(found[0].purpose, std::string("approval"));

        const auto workstation = identity.enrolNew("0202");
        QVERIFY2(workstation, qPrintable(identity.errorString()));
        const auto deviceId = workstation->deviceId.toStdString();
        found = rows("device.enrol", deviceId);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].actorKind, std::string("device"));
        QCOMPARE(identity.command({"revoke-device", "--device", workstation->deviceId}), 0);
        QCOMPARE(rows("device.revoke", deviceId).size(), std::size_t{1});

        QCOMPARE(identity.command({"api-key", "add", "--kind", "authority_system", "--name",
                                   "audited system", "--authority", kAuthority}),
                 0);
        const auto lines = QString::fromUtf8(server_.lastOutput()).split('\n');
        const auto keyId = lines.value(1).split(' ').value(2).toStdString();
        QCOMPARE(rows("api_key.create", keyId).size(), std::size_t{1});
    }

    void signInsAreAuditedNamingOnlyProvenUsers() {
        auto& identity = kit_->identity();
        const auto signedIn =
            identity.signInRaw(*seat_, "clerk", identity.account("clerk").password);
        QCOMPARE(signedIn.status, 200);
        auto found = rows("auth.sign_in", clerk_.id);
        QVERIFY(!found.empty());
        QCOMPARE(found.back().actorId, clerk_.id);
        QCOMPARE(found.back().outcome, std::string("ok"));

        const auto before = rows("auth.sign_in", "-").size();
        QCOMPARE(identity.signInRaw(*seat_, "nobody.here", "Wrong passphrase 12").status, 401);
        found = rows("auth.sign_in", "-");
        QCOMPARE(found.size(), before + 1);
        QCOMPARE(found.back().actorKind, std::string("device"));
        QCOMPARE(found.back().actorId, desk_->deviceId());
        QCOMPARE(found.back().outcome, std::string("denied"));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_ReadAuditRoutes)
#include "tst_read_audit_routes.moc"
