// The desk's cases store: filing with a leased number, the outbox written in the same
// transaction, refusal with no lease, lease persistence, lifecycle and four eyes, look-ups.
#include "cases/CaseStore.h"
#include "cases/DraftStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kep::desk::cases;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kManager{"user-manager-1", ActorRole::Manager};
// 2026-03-10 10:00 UTC, a Tuesday.
const Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                   std::chrono::hours{10}};

kep::cases::Citizen greekCitizen(const std::string& afm, const std::string& surname) {
    kep::cases::Citizen c;
    c.person.kind = kep::cases::CitizenKind::Greek;
    c.person.afm = afm;
    c.person.givenNameEl = "Ελένη";
    c.person.surnameEl = surname;
    return c;
}

CaseFiling filingFor(const kep::cases::Citizen& citizen, bool approval = true) {
    CaseFiling f;
    f.procedureId = "900012";
    f.catalogueVersion = 3;
    f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
    f.requiresApproval = approval;
    f.citizen = citizen;
    f.evidence = {{"1", kep::cases::EvidenceState::Provided},
                  {"2", kep::cases::EvidenceState::Missing}};
    f.feeCents = 150;
    f.dueDate = std::chrono::year{2026} / 3 / 20;
    return f;
}

template <typename Enum>
QString code(Enum value) {
    return QString::fromUtf8(kep::cases::toString(value).data());
}
QString code(kep::sync::OpKind kind) {
    return QString::fromUtf8(kep::sync::toString(kind).data());
}

// Every statement on the citizens or cases tables that stepped through a whole table: the
// returning-citizen check and the search must stay index look-ups as desk.db grows.
struct FullScans {
    QStringList statements;

    static int onProfile(unsigned, void* self, void* stmt, void*) {
        auto* st = static_cast<sqlite3_stmt*>(stmt);
        const QString sql = QString::fromUtf8(sqlite3_sql(st));
        if ((sql.contains(QLatin1String("citizen")) || sql.contains(QLatin1String("kase"))) &&
            sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0) > 0) {
            static_cast<FullScans*>(self)->statements << sql;
        }
        return 0;
    }
};

std::int64_t count(kep::db::Database& db, const char* table) {
    auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.int64(0);
}

}  // namespace

class tst_CaseStore : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        file_ = dir_.filePath(QStringLiteral("desk-%1.db").arg(++n_));
    }

    void filingStoresCaseHistoryAndOutboxTogether_data() {
        QTest::addColumn<bool>("requiresApproval");
        QTest::addColumn<QString>("filedStatus");
        QTest::addColumn<QStringList>("steps");  // the history rows' `to`, in order
        QTest::newRow("for the manager's approval")
            << true << "pending_approval" << QStringList{"submitted", "pending_approval"};
        QTest::newRow("no approval needed") << false << "submitted" << QStringList{"submitted"};
    }

    void filingStoresCaseHistoryAndOutboxTogether() {
        QFETCH(bool, requiresApproval);
        QFETCH(QString, filedStatus);
        QFETCH(QStringList, steps);
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 101, 200});
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(7);
        const auto result = store.file(
            filingFor(greekCitizen(ids.afm(), "Παπαδοπούλου"), requiresApproval), kClerk, kNow);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.filed->protocolNumber, std::string("0101/2026/101"));
        QCOMPARE(code(result.filed->status), filedStatus);
        QCOMPARE(count(db, "kase"), 1);
        // A history row per lifecycle step, as the server records them from the one op.
        QStringList history;
        for (const auto& entry : store.history(result.filed->id)) {
            history << code(entry.to);
            QCOMPARE(entry.actorId, kClerk.id);
        }
        QCOMPARE(history, steps);
        // ONE op: the create, carrying the filed status, device sequence 1.
        const auto ops = store.outbox().pendingOps(10);
        QCOMPARE(ops.size(), std::size_t{1});
        QCOMPARE(ops[0].deviceSeq, 1);
        QCOMPARE(code(ops[0].kind), code(kep::sync::OpKind::Create));
        QCOMPARE(QString::fromStdString(ops[0].fields.at("status")), filedStatus);
        QCOMPARE(ops[0].fields.at("requires_approval"),
                 std::string(requiresApproval ? "true" : "false"));
        QCOMPARE(ops[0].fields.at("protocol_number"), std::string("0101/2026/101"));
        QCOMPARE(ops[0].entity.id, result.filed->id);
        QCOMPARE(ops[0].bucket, std::string("office:0101"));
        QCOMPARE(ops[0].actor.id, kClerk.id);
        QVERIFY(ops[0].opId.version() == 7);
    }

    // The scanned or imported files go with the case: one attachment row per document, and the
    // create op tells the server their hashes (the server never learns a file's bytes this way).
    void filingLinksTheAttachmentsAndQueuesTheirHashes() {
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(9);
        auto filing = filingFor(greekCitizen(ids.afm(), "Σταματοπούλου"));
        const std::string sha(64, 'a');
        filing.attachments = {{sha, "application/pdf", 1234, "2"}};
        const auto result = store.file(filing, kClerk, kNow);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(count(db, "attachment"), 1);
        auto row = db.prepare("SELECT case_id, path, evidence_id, size FROM attachment");
        QVERIFY(row.step());
        QCOMPARE(row.text(0), result.filed->id);
        QCOMPARE(row.text(1), sha + ".pdf");
        QCOMPARE(row.text(2), std::string("2"));
        QCOMPARE(row.int64(3), std::int64_t{1234});
        const auto ops = store.outbox().pendingOps(1);
        QVERIFY(ops[0].fields.at("attachments").find(sha) != std::string::npos);

        // An attachment the desk cannot name the type of is refused with the whole filing.
        auto bad = filingFor(greekCitizen(ids.afm(), "Ξενάκη"));
        bad.attachments = {{sha, "text/html", 10, "1"}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store.file(bad, kClerk, kNow));
        QCOMPARE(count(db, "kase"), 1);
        QCOMPARE(count(db, "attachment"), 1);
    }

    void failedFilingLeavesNothing() {
        // No lease: refused, and neither the case nor an outbox op nor the citizen is stored.
        auto db = kep::desk::storage::openDeskDatabase(file_);
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(8);
        const auto result =
            store.file(filingFor(greekCitizen(ids.afm(), "Νικολάου")), kClerk, kNow);
        QVERIFY(result.refusal == FilingResult::Refusal::NoProtocolNumber);
        QCOMPARE(count(db, "kase"), 0);
        QCOMPARE(count(db, "citizen"), 0);
        QCOMPARE(count(db, "outbox"), 0);
    }

    void invalidCitizenIsRefusedByField() {
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "ws-1");
        const auto result =
            store.file(filingFor(greekCitizen("123456789", "Νικολάου")), kClerk, kNow);
        QVERIFY(result.refusal == FilingResult::Refusal::InvalidCitizen);
        QVERIFY(!result.issues.empty());
        QCOMPARE(result.issues.front().field, std::string("afm"));
        QCOMPARE(count(db, "outbox"), 0);
        QCOMPARE(ProtocolLeaseStore(db, "0101").load().remaining(2026), std::uint64_t{10});
    }

    void leaseSurvivesRestartAndNeverRepeats() {
        kep::domain::SyntheticTaxIds ids(9);
        {
            auto db = kep::desk::storage::openDeskDatabase(file_);
            ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 41, 42});
            CaseStore store(db, "0101", "ws-1");
            QVERIFY(store.file(filingFor(greekCitizen(ids.afm(), "Αθανασίου")), kClerk, kNow).ok());
        }
        auto db = kep::desk::storage::openDeskDatabase(file_);
        CaseStore store(db, "0101", "ws-1");
        const auto second =
            store.file(filingFor(greekCitizen(ids.afm(), "Βασιλείου")), kClerk, kNow);
        QVERIFY(second.ok());
        QCOMPARE(second.filed->protocolNumber, std::string("0101/2026/42"));
        const auto third = store.file(filingFor(greekCitizen(ids.afm(), "Γεωργίου")), kClerk, kNow);
        QVERIFY(third.refusal == FilingResult::Refusal::NoProtocolNumber);
        // Device sequence numbers continue after the restart: one op per filed case.
        QCOMPARE(store.outbox().pendingOps(10).back().deviceSeq, 2);
    }

    void fourEyesAndIllegalTransitions() {
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(10);
        const auto filed = store.file(filingFor(greekCitizen(ids.afm(), "Ζαχαρίου")), kClerk, kNow);
        QVERIFY2(filed.ok(), filed.message.c_str());
        const std::string id = filed.filed->id;
        const kep::cases::Actor managerWhoFiled{kClerk.id, ActorRole::Manager};
        QCOMPARE(
            code(store.transition(id, CaseStatus::Approved, managerWhoFiled, {}, kNow).refusal),
            code(kep::cases::Refusal::OwnCase));
        QCOMPARE(code(store.transition(id, CaseStatus::Delivered, kManager, {}, kNow).refusal),
                 code(kep::cases::Refusal::NoSuchTransition));
        const auto outboxBefore = count(db, "outbox");
        QVERIFY(store.transition(id, CaseStatus::Approved, kManager, {}, kNow).ok());
        QCOMPARE(code(store.caseById(id)->status), code(CaseStatus::Approved));
        QCOMPARE(count(db, "outbox"), outboxBefore + 1);
        const auto history = store.history(id);
        QCOMPARE(history.back().actorId, kManager.id);
        QCOMPARE(code(history.back().to), code(CaseStatus::Approved));
    }

    void returningCitizenAndCaseSearch_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("found");
        QTest::newRow("surname without accents") << QStringLiteral("παπαδοπουλ") << 1;
        QTest::newRow("surname capitals") << QStringLiteral("ΠΑΠΑΔΟΠΟΎΛΟΥ") << 1;
        QTest::newRow("latin surname") << QStringLiteral("papad") << 1;
        QTest::newRow("other surname") << QStringLiteral("Γεωργίου") << 0;
        QTest::newRow("protocol number with zeros") << QStringLiteral("0101/2026/00001") << 1;
        QTest::newRow("procedure id") << QStringLiteral("900012") << 1;
    }
    void returningCitizenAndCaseSearch() {
        QFETCH(QString, typed);
        QFETCH(int, found);
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(11);
        auto citizen = greekCitizen(ids.afm(), "Παπαδοπούλου");
        citizen.person.givenNameLatin = "Eleni";
        citizen.person.surnameLatin = "Papadopoulou";
        QVERIFY(store.file(filingFor(citizen), kClerk, kNow).ok());
        QCOMPARE(int(store.search(typed.toStdString()).size()), found);
        if (!typed.contains(QLatin1Char('/')) && typed != QStringLiteral("900012")) {
            QCOMPARE(int(store.findCitizens(typed.toStdString()).size()), found);
        }
        QCOMPARE(store.findCitizens(citizen.person.afm).size(), std::size_t{1});
        QCOMPARE(store.search(citizen.person.afm).size(), std::size_t{1});
    }

    void returningCitizenIsFoundByIndexNotScan() {
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 100});
        CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(21);
        std::vector<std::string> afms;
        for (int i = 0; i < 30; ++i) {
            afms.push_back(ids.afm());
            QVERIFY(
                store.file(filingFor(greekCitizen(afms.back(), "Οικονόμου")), kClerk, kNow).ok());
        }
        kep::cases::Citizen visitor;
        visitor.person.kind = kep::cases::CitizenKind::EuCitizen;
        visitor.person.documentNumber = "X1234567";
        visitor.person.nationality = "DE";
        visitor.person.givenNameLatin = "Anna";
        visitor.person.surnameLatin = "Schmidt";
        QVERIFY(store.file(filingFor(visitor), kClerk, kNow).ok());

        FullScans scans;
        sqlite3_trace_v2(db.handle(), SQLITE_TRACE_PROFILE, &FullScans::onProfile, &scans);
        // A returning citizen, Greek by ΑΦΜ and EU by document: the same citizen row again.
        QVERIFY(store.file(filingFor(greekCitizen(afms[7], "Οικονόμου")), kClerk, kNow).ok());
        QVERIFY(store.file(filingFor(visitor), kClerk, kNow).ok());
        QCOMPARE(store.search(afms[7]).size(), std::size_t{2});
        QCOMPARE(store.search("schmidt").size(), std::size_t{2});
        QCOMPARE(store.search("0101/2026/5").size(), std::size_t{1});
        QCOMPARE(store.findCitizens(afms[3]).size(), std::size_t{1});
        QCOMPARE(store.findCitizens("οικονομ").size(), std::size_t{10});
        sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
        QVERIFY2(scans.statements.isEmpty(), qPrintable(scans.statements.join(QLatin1Char('\n'))));
        QCOMPARE(count(db, "citizen"), 31);
    }

    void correctedSurnameIsSearchedOnEveryCase() {
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "ws-1");
        const std::string afm = kep::domain::SyntheticTaxIds(31).afm();
        QVERIFY(store.file(filingFor(greekCitizen(afm, "Οικονόμου")), kClerk, kNow).ok());
        QVERIFY(store.file(filingFor(greekCitizen(afm, "Οικονομίδου")), kClerk, kNow).ok());
        QCOMPARE(store.search("οικονομιδ").size(), std::size_t{2});
        QCOMPARE(store.search("οικονομου").size(), std::size_t{0});
        QCOMPARE(count(db, "citizen"), 1);
    }

    void casesFiledBeforeTheSearchColumnsAreFound() {
        // A desk.db of schema 3 (before the surnames were copied onto kase) with one case.
        const std::string afm = kep::domain::SyntheticTaxIds(41).afm();
        {
            auto db = kep::db::Database::open(file_.toStdString());
            kep::db::migrate(db, kep::desk::storage::deskMigrations().first(3));
            db.prepare(
                  "INSERT INTO citizen (id, kind, afm, surname_el_folded, surname_latin_folded, "
                  "record, updated_at) VALUES ('c1', 'greek', ?1, 'παπαδοπουλου', "
                  "'papadopoulou', '{}', 1)")
                .bind(1, afm)
                .run();
            db.prepare(
                  "INSERT INTO kase (id, protocol_number, office, procedure_id, "
                  "catalogue_version, procedure_title, requires_approval, citizen_id, status, "
                  "evidence, fee_cents, due_date, notes, filed_by, filed_at, updated_at) VALUES "
                  "('k1', '0101/2026/1', '0101', '900012', 1, 'Τίτλος', 1, 'c1', "
                  "'pending_approval', '{}', 0, '2026-03-20', '', 'user-clerk-1', 1, 1)")
                .run();
        }
        auto db = kep::desk::storage::openDeskDatabase(file_);
        CaseStore store(db, "0101", "ws-1");
        QCOMPARE(store.search("παπαδοπ").size(), std::size_t{1});
        QCOMPARE(store.search("papad").size(), std::size_t{1});
        QCOMPARE(store.search(afm).size(), std::size_t{1});
    }

    void draftsComeBack() {
        {
            auto db = kep::desk::storage::openDeskDatabase(file_);
            DraftStore drafts(db);
            drafts.save({"d1", "user-clerk-1", R"({"surname_el":"Παπα"})", 1});
            drafts.save({"d1", "user-clerk-1", R"({"surname_el":"Παπαδοπούλου"})", 2});
        }
        auto db = kep::desk::storage::openDeskDatabase(file_);
        const auto draft = DraftStore(db).latestOf("user-clerk-1");
        QVERIFY(draft);
        QCOMPARE(draft->content, std::string(R"({"surname_el":"Παπαδοπούλου"})"));
        QVERIFY(!DraftStore(db).latestOf("user-other"));
    }

private:
    QTemporaryDir dir_;
    QString file_;
    int n_ = 0;
};

QTEST_GUILESS_MAIN(tst_CaseStore)
#include "tst_casestore.moc"
