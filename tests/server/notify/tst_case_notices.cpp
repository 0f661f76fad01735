// From the change log to the outbox, over a real kep.db written through the server's own case
// writer: which status changes the citizen hears about, once where once is enough, on which
// channels, in the case's language, with the protocol number and title and never the ΑΦΜ; and
// the follower's cursor moving in the transaction that queued the messages.
#include <QTest>

#include "SyncStoreBackends.h"
#include "jobs/ChangeFollower.h"
#include "notify/CaseNotices.h"
#include "notify/NotificationOutbox.h"
#include "shared/cases/CaseFields.h"
#include "shared/domain/TaxId.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/ServerCaseWriter.h"
#include "sync/SyncService.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <vector>

using namespace kep;
using kep::cases::CaseStatus;
using kep::server::notify::CaseNotices;
using kep::server::notify::NotificationOutbox;
using kep::server::sync::ServerCaseWriter;
namespace cf = kep::cases::fields;

namespace {

const cases::Actor kChannel{"channel:govgr", cases::ActorRole::GovChannel};
const cases::Actor kClerk{"u-clerk-1", cases::ActorRole::Clerk};
const cases::Actor kManager{"u-manager-1", cases::ActorRole::Manager};
const cases::Actor kAuthority{"u-authority-1", cases::ActorRole::Authority};
const std::string kProcedure = "900001";
const std::string kTitleEl = "Χορήγηση πρώτης άδειας διαμονής για εξαρτημένη εργασία";
const std::string kTitleEn = "Grant of a first residence permit for salaried employment";

const std::string& syntheticAfm() {
    static const std::string afm = domain::SyntheticTaxIds(7).afm();
    return afm;
}

std::string citizenJson(const std::string& email, const std::string& phone) {
    return boost::json::serialize(boost::json::object{{"kind", "greek"},
                                                      {"afm", syntheticAfm()},
                                                      {"surname_el", "Δοκιμαστική"},
                                                      {"given_name_el", "Ελένη"},
                                                      {"email", email},
                                                      {"phone", phone}});
}

sync::FieldMap filing(const std::string& protocol, const std::string& status,
                      const std::string& language, bool requiresApproval) {
    return {
        {std::string{cf::kProtocolNumber}, protocol},
        {std::string{cf::kProcedureId}, kProcedure},
        {std::string{cf::kLanguage}, language},
        {std::string{sync::case_fields::kStatus}, status},
        {std::string{sync::case_fields::kRequiresApproval}, requiresApproval ? "true" : "false"}};
}

struct Queued {
    std::string caseId;
    std::string notice;
    std::string channel;
    std::string language;
    std::string recipient;
    std::string subject;
    std::string body;
};

// A sync service and a case writer over one kep.db with a published procedure, and the
// notifications' follower on the same file.
class World {
public:
    World() : backend_("sqlite"), service_(backend_.store()) {
        auto& db = backend_.database();
        db.prepare(
              "INSERT INTO catalogue_procedures (id, published_version, change_seq, created_at) "
              "VALUES (?1, 1, 1, '2026-01-01T00:00:00Z')")
            .bind(1, kProcedure)
            .run();
        db.prepare(
              "INSERT INTO catalogue_versions (procedure_id, version, content_hash, "
              "canonical_json, title_el, title_en, imported_at, published_at) "
              "VALUES (?1, 1, ?2, '{}', ?3, ?4, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
            .bind(1, kProcedure)
            .bind(2, std::string(64, 'a'))
            .bind(3, kTitleEl)
            .bind(4, kTitleEn)
            .run();
        follower_ = std::make_unique<server::jobs::ChangeFollower>(db, "notifications", false);
    }

    ServerCaseWriter& writer() { return writer_; }
    db::Database& db() { return backend_.database(); }
    NotificationOutbox& outbox() { return outbox_; }

    // Runs the queueing job until it is up to date.
    void follow() {
        CaseNotices notices(db(), outbox_);
        while (follower_->poll([&](const server::jobs::CaseChange& c) { notices.handle(c); }) > 0) {
        }
    }

    std::vector<Queued> queued(const std::string& caseId) {
        auto select = db().prepare(
            "SELECT case_id, notice, channel, language, recipient, subject, body "
            "FROM notification_outbox WHERE case_id = ?1 ORDER BY change_seq, channel");
        select.bind(1, caseId);
        std::vector<Queued> out;
        while (select.step()) {
            out.push_back({select.text(0), select.text(1), select.text(2), select.text(3),
                           select.text(4), select.text(5), select.text(6)});
        }
        return out;
    }
    server::jobs::ChangeFollower& follower() { return *follower_; }

private:
    test::SyncStoreBackend backend_;
    server::sync::SyncService service_;
    ServerCaseWriter writer_{service_, "server:test"};
    NotificationOutbox outbox_{backend_.database()};
    std::unique_ptr<server::jobs::ChangeFollower> follower_;
};

void move(World& world, const std::string& caseId, const cases::Actor& actor, CaseStatus to,
          const std::string& reason = {}) {
    const auto result = world.writer().transition(caseId, "0101", actor, to, reason);
    QVERIFY2(result.ok(), result.reason.c_str());
}

std::vector<std::string> noticesOn(const std::vector<Queued>& queued, const std::string& channel) {
    std::vector<std::string> out;
    for (const Queued& q : queued) {
        if (q.channel == channel) {
            out.push_back(q.notice);
        }
    }
    return out;
}

}  // namespace

class tst_CaseNotices : public QObject {
    Q_OBJECT

private slots:
    // An online application's whole life: filed, documents asked for, result ready (once, for
    // completed and ready_for_pickup), delivered (nothing). The contact field wins over none.
    void onlineApplicationFromFilingToPickup() {
        World world;
        auto fields = filing("0101/2026/41", "submitted", "el", false);
        fields[std::string{cf::kContact}] =
            R"({"email":"Eleni.Test@Example.GR","phone":"691 234 5678"})";
        fields[std::string{cf::kCitizen}] = citizenJson("", "");
        QVERIFY(world.writer().create("case-1", "0101", kChannel, fields).ok());
        move(world, "case-1", kClerk, CaseStatus::Forwarded);
        move(world, "case-1", kAuthority, CaseStatus::InProgress);
        move(world, "case-1", kAuthority, CaseStatus::AwaitingDocuments,
             "πρόσφατη φωτογραφία διαβατηρίου");
        move(world, "case-1", kClerk, CaseStatus::InProgress);
        move(world, "case-1", kAuthority, CaseStatus::AwaitingDocuments, "βεβαίωση εργοδότη");
        move(world, "case-1", kAuthority, CaseStatus::InProgress);
        move(world, "case-1", kAuthority, CaseStatus::Completed);
        move(world, "case-1", kClerk, CaseStatus::ReadyForPickup);
        move(world, "case-1", kClerk, CaseStatus::Delivered);
        world.follow();

        const auto queued = world.queued("case-1");
        const std::vector<std::string> expected{"filed", "documents_needed", "documents_needed",
                                                "result_ready"};
        QCOMPARE(noticesOn(queued, "email"), expected);
        QCOMPARE(noticesOn(queued, "sms"), expected);
        for (const Queued& q : queued) {
            QCOMPARE(q.language, std::string{"el"});
            QCOMPARE(q.recipient, q.channel == "sms" ? std::string{"+306912345678"}
                                                     : std::string{"Eleni.Test@example.gr"});
            QVERIFY2(q.body.find("0101/2026/41") != std::string::npos, q.body.c_str());
            QVERIFY2(q.body.find(kTitleEl) != std::string::npos, q.body.c_str());
            QVERIFY(q.body.find(syntheticAfm()) == std::string::npos);
            QVERIFY(q.subject.find(syntheticAfm()) == std::string::npos);
            QVERIFY(q.body.find("Ελένη") == std::string::npos);
        }
        // Each request for documents carries its own reason, not the case's latest.
        QVERIFY(queued[2].body.find("φωτογραφία διαβατηρίου") != std::string::npos);
        QVERIFY(queued[4].body.find("βεβαίωση εργοδότη") != std::string::npos);
        QVERIFY(queued[0].subject.find("καταχωρίστηκε") != std::string::npos);
    }

    // Filed at the counter for approval, returned, resubmitted, sent for approval again, then
    // rejected: one "filed", and the rejection with its reason, in English; the citizen record's
    // contacts serve when there is no contact field, and a landline gets no SMS.
    void counterCaseReturnedThenRejected() {
        World world;
        auto fields = filing("0101/2026/42", "pending_approval", "en", true);
        fields[std::string{cf::kCitizen}] = citizenJson("john.test@example.com", "2101234567");
        QVERIFY(world.writer().create("case-2", "0101", kClerk, fields).ok());
        move(world, "case-2", kManager, CaseStatus::ReturnedToClerk, "wrong procedure picked");
        move(world, "case-2", kClerk, CaseStatus::Submitted);
        move(world, "case-2", kClerk, CaseStatus::PendingApproval);
        move(world, "case-2", kManager, CaseStatus::Rejected, "not eligible: no work permit");
        world.follow();

        const auto queued = world.queued("case-2");
        QCOMPARE(noticesOn(queued, "email"), (std::vector<std::string>{"filed", "rejected"}));
        QCOMPARE(noticesOn(queued, "sms"), std::vector<std::string>{});
        QCOMPARE(queued[0].language, std::string{"en"});
        QVERIFY(queued[0].body.find(kTitleEn) != std::string::npos);
        QVERIFY(queued[1].body.find("was rejected: not eligible: no work permit") !=
                std::string::npos);
        QVERIFY(queued[1].body.find("wrong procedure") == std::string::npos);
    }

    // No usable contact: nothing is queued, and the follower still moves past the changes.
    void caseWithoutContactsQueuesNothing() {
        World world;
        auto fields = filing("0101/2026/43", "submitted", "el", false);
        fields[std::string{cf::kCitizen}] = citizenJson("not-an-address", "");
        QVERIFY(world.writer().create("case-3", "0101", kChannel, fields).ok());
        world.follow();
        QVERIFY(world.queued("case-3").empty());
        QVERIFY(world.follower().cursor() > 0);
    }

    // A change handled twice (a crash after handling, before the commit, replays it) still
    // queues one message per channel.
    void handlingAChangeTwiceQueuesOnce() {
        World world;
        auto fields = filing("0101/2026/44", "submitted", "el", false);
        fields[std::string{cf::kContact}] = R"({"email":"eleni.test@example.gr"})";
        QVERIFY(world.writer().create("case-4", "0101", kChannel, fields).ok());
        move(world, "case-4", kClerk, CaseStatus::Forwarded);
        move(world, "case-4", kAuthority, CaseStatus::InProgress);
        move(world, "case-4", kAuthority, CaseStatus::Rejected, "out of scope");
        std::vector<server::jobs::CaseChange> changes;
        world.follower().poll([&](const server::jobs::CaseChange& c) { changes.push_back(c); });
        CaseNotices notices(world.db(), world.outbox());
        std::size_t first = 0;
        std::size_t second = 0;
        for (const auto& change : changes) {
            first += notices.handle(change);
        }
        for (const auto& change : changes) {
            second += notices.handle(change);
        }
        QCOMPARE(first, std::size_t(2));  // filed and rejected, by e-mail
        QCOMPARE(second, std::size_t(0));
    }

    // If handling fails, the cursor stays and nothing of the batch is kept: the job tries again.
    void failedHandlingKeepsNothing() {
        World world;
        auto fields = filing("0101/2026/45", "submitted", "el", false);
        fields[std::string{cf::kContact}] = R"({"phone":"6912345678"})";
        QVERIFY(world.writer().create("case-5", "0101", kChannel, fields).ok());
        const std::int64_t before = world.follower().cursor();
        CaseNotices notices(world.db(), world.outbox());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 world.follower().poll([&](const server::jobs::CaseChange& c) {
                                     notices.handle(c);
                                     throw std::runtime_error("disk full");
                                 }));
        QCOMPARE(world.follower().cursor(), before);
        QVERIFY(world.queued("case-5").empty());
        world.follow();
        QCOMPARE(world.queued("case-5").size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(tst_CaseNotices)
#include "tst_case_notices.moc"
