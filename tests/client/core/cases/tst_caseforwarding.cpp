// Forwarding at the KEP desk: who may forward which case (the lifecycle's table, by role and the
// procedure's approval rule), where the case goes as the desk's catalogue says (the competent
// authority the central administration chose, else the register's owner, named when known), and
// the forward itself: one transition op queued, or nothing when the destination is unknown.
#include "../../support/CatalogueFeed.h"
#include "cases/CaseForwarding.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CatalogueStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk::cases;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::catalogue::Language;

Q_DECLARE_METATYPE(CaseStatus)
Q_DECLARE_METATYPE(ActorRole)

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kManager{"user-manager-1", ActorRole::Manager};

// 2 March 2026, 08:00 UTC.
const Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + std::chrono::hours{8}};

// The sample catalogue, and 900003 again with a competent authority the central administration
// chose (as `kep-server catalogue set --authority` publishes it).
void loadCatalogue(kep::desk::catalogue::CatalogueStore& catalogue) {
    auto feed = kep::desk::test::CatalogueFeed::sample();
    for (auto& entry : feed.entries) {
        if (entry.id == "900003") {
            const std::string unset = "\"competentAuthorityId\":null";
            entry.recordJson.replace(entry.recordJson.find(unset), unset.size(),
                                     "\"competentAuthorityId\":\"20444\"");
        }
    }
    catalogue.applyPage(feed.everything());
}

}  // namespace

class tst_CaseForwarding : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    std::unique_ptr<kep::desk::catalogue::CatalogueStore> catalogue_;
    kep::domain::SyntheticTaxIds afms_{11};

    std::string file(const std::string& procedureId, bool requiresApproval) {
        CaseFiling f;
        f.procedureId = procedureId;
        f.catalogueVersion = 1;
        f.procedureTitle = "Χορήγηση πρώτης άδειας διαμονής";
        f.requiresApproval = requiresApproval;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        f.citizen.person.afm = afms_.afm();
        f.citizen.person.givenNameEl = "Ελένη";
        f.citizen.person.surnameEl = "Παπαδοπούλου";
        f.dueDate = std::chrono::year{2026} / 3 / 20;
        const auto result = store_->file(f, kClerk, kNow);
        if (!result.ok()) {
            qFatal("filing refused: %s", result.message.c_str());
        }
        return result.filed->id;
    }

    std::int64_t outboxOps() {
        auto st = db_->prepare("SELECT count(*) FROM outbox");
        st.step();
        return st.int64(0);
    }

private slots:
    void initTestCase() {
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
        catalogue_ = std::make_unique<kep::desk::catalogue::CatalogueStore>(*db_);
        loadCatalogue(*catalogue_);
    }

    // The two ways into forwarded, and what refuses every other.
    void whoMayForwardWhat_data() {
        QTest::addColumn<CaseStatus>("status");
        QTest::addColumn<bool>("requiresApproval");
        QTest::addColumn<ActorRole>("role");
        QTest::addColumn<QString>("answer");
        QTest::newRow("approved, by a clerk")
            << CaseStatus::Approved << true << ActorRole::Clerk << "ok";
        QTest::newRow("approved, by a manager")
            << CaseStatus::Approved << true << ActorRole::Manager << "ok";
        QTest::newRow("submitted, no approval needed")
            << CaseStatus::Submitted << false << ActorRole::Clerk << "ok";
        QTest::newRow("submitted, approval needed")
            << CaseStatus::Submitted << true << ActorRole::Clerk << "approval_required";
        QTest::newRow("awaiting approval")
            << CaseStatus::PendingApproval << true << ActorRole::Manager << "no_such_transition";
        QTest::newRow("already forwarded")
            << CaseStatus::Forwarded << true << ActorRole::Clerk << "no_such_transition";
        QTest::newRow("delivered")
            << CaseStatus::Delivered << false << ActorRole::Clerk << "terminal_status";
        QTest::newRow("by the authority")
            << CaseStatus::Approved << true << ActorRole::Authority << "role_not_allowed";
        QTest::newRow("by the central administration")
            << CaseStatus::Approved << true << ActorRole::CentralAdmin << "role_not_allowed";
    }

    void whoMayForwardWhat() {
        QFETCH(CaseStatus, status);
        QFETCH(bool, requiresApproval);
        QFETCH(ActorRole, role);
        QFETCH(QString, answer);
        CaseSummary c;
        c.status = status;
        c.requiresApproval = requiresApproval;
        c.filedBy = kClerk.id;
        const auto result = CaseForwarding::check(c, {"user-9", role});
        QCOMPARE(QString::fromUtf8(result.code().data(), qsizetype(result.code().size())), answer);
    }

    void destinationFromTheCatalogue_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("name");
        // 900001's register entry names its owner; 900002's gives the owner's id alone.
        QTest::newRow("owner named, Greek") << "900001" << int(Language::El) << "10101"
                                            << "Υπουργείο Μετανάστευσης και Ασύλου";
        QTest::newRow("owner named, English") << "900001" << int(Language::En) << "10101"
                                              << "Ministry of Migration and Asylum";
        QTest::newRow("owner by id alone") << "900002" << int(Language::El) << "10101"
                                           << "";
        QTest::newRow("competent authority chosen centrally")
            << "900003" << int(Language::El) << "20444"
            << "";
        QTest::newRow("procedure not in the catalogue") << "123456" << int(Language::El) << ""
                                                        << "";
    }

    void destinationFromTheCatalogue() {
        QFETCH(QString, procedure);
        QFETCH(int, language);
        QFETCH(QString, authority);
        QFETCH(QString, name);
        CaseForwarding forwarding(*store_, catalogue_.get());
        CaseSummary c;
        c.procedureId = procedure.toStdString();
        const auto where = forwarding.destination(c, Language(language));
        QCOMPARE(QString::fromStdString(where.authorityId), authority);
        QCOMPARE(QString::fromStdString(where.name), name);

        // Without a catalogue the desk cannot tell.
        CaseForwarding blind(*store_, nullptr);
        QVERIFY(blind.destination(c, Language(language)).authorityId.empty());
    }

    // A forward is the lifecycle's step on the desk and one transition op for the server.
    void forwardQueuesOneTransition() {
        CaseForwarding forwarding(*store_, catalogue_.get());
        const std::string id = file("900001", false);
        const auto before = outboxOps();
        const auto outcome = forwarding.forward(id, kClerk, kNow + std::chrono::hours{1});
        QVERIFY2(outcome.ok(), outcome.lifecycle.message.c_str());
        QCOMPARE(outcome.destination.authorityId, std::string("10101"));
        QVERIFY(store_->caseById(id)->status == CaseStatus::Forwarded);
        QVERIFY(store_->history(id).back().to == CaseStatus::Forwarded);
        QCOMPARE(store_->history(id).back().actorId, kClerk.id);
        QCOMPARE(outboxOps(), before + 1);
        const auto ops = store_->outbox().pendingOps(100);
        QVERIFY(ops.back().kind == kep::sync::OpKind::Transition);
        QCOMPARE(ops.back().entity.id, id);
        QCOMPARE(ops.back().toStatus, std::string("forwarded"));

        // Twice is refused by the lifecycle, and queues nothing more.
        const auto again = forwarding.forward(id, kClerk, kNow + std::chrono::hours{2});
        QCOMPARE(again.refusal, ForwardOutcome::Refusal::Lifecycle);
        QCOMPARE(outboxOps(), before + 1);
    }

    void approvedCaseIsForwardedByTheManagerToo() {
        CaseForwarding forwarding(*store_, catalogue_.get());
        const std::string id = file("900005", true);
        QCOMPARE(forwarding.forward(id, kManager, kNow).refusal,
                 ForwardOutcome::Refusal::Lifecycle);  // still awaiting approval
        QVERIFY(store_->transition(id, CaseStatus::Approved, kManager, {}, kNow).ok());
        const auto outcome = forwarding.forward(id, kManager, kNow, Language::En);
        QVERIFY(outcome.ok());
        QCOMPARE(outcome.destination.authorityId, std::string("10102"));
        QCOMPARE(outcome.destination.name, std::string("Ministry of the Interior"));
    }

    // Nobody would see a case forwarded to an authority the desk cannot name: refused, unchanged.
    void unknownDestinationIsRefused() {
        CaseForwarding forwarding(*store_, catalogue_.get());
        const std::string id = file("123456", false);
        const auto before = outboxOps();
        const auto outcome = forwarding.forward(id, kClerk, kNow);
        QCOMPARE(outcome.refusal, ForwardOutcome::Refusal::NoAuthority);
        QVERIFY(store_->caseById(id)->status == CaseStatus::Submitted);
        QCOMPARE(outboxOps(), before);
        QCOMPARE(forwarding.forward("no-such-case", kClerk, kNow).refusal,
                 ForwardOutcome::Refusal::NoSuchCase);
    }
};

QTEST_GUILESS_MAIN(tst_CaseForwarding)
#include "tst_caseforwarding.moc"
