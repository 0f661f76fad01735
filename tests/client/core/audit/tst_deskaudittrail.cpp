// The desk's own audit entries (issue 9): what each counter read records, that a search is named
// by a fresh id and never by the ΑΦΜ or ΑΜΚΑ searched, that nothing is recorded without an office
// user signed in, and that the outbox hands them out oldest first and forgets them once sent.
#include <QTemporaryDir>
#include <QTest>

#include "../../support/ManualClock.h"
#include "audit/DeskAuditTrail.h"
#include "cases/DeskOutboxStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

using namespace kep::desk;
using kep::audit::AuditEntry;

namespace {

const std::string kDevice = "0101-desk-01";
const audit::AuditActor kClerk{"01890a5d-ac96-774b-bcce-b302099a0c01", "clerk", "0101"};

}  // namespace

class tst_DeskAuditTrail : public QObject {
    Q_OBJECT

private slots:
    void init() {
        db_.emplace(storage::openDeskDatabase(dir_.filePath("desk.db")));
        db_->exec("DELETE FROM audit_outbox");
        trail_.emplace(*db_, clock_, kDevice);
        trail_->signedIn(kClerk);
    }

    void eachReadRecordsOneEntry_data() {
        QTest::addColumn<QString>("read");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("recordType");
        QTest::newRow("case opened") << "case"
                                     << "case.read"
                                     << "case";
        QTest::newRow("receipt printed") << "receipt"
                                         << "case.receipt_print"
                                         << "case";
        QTest::newRow("receipt reprinted") << "reprint"
                                           << "case.receipt_reprint"
                                           << "case";
        QTest::newRow("attachment opened") << "attachment"
                                           << "attachment.read"
                                           << "attachment";
    }
    void eachReadRecordsOneEntry() {
        QFETCH(QString, read);
        QFETCH(QString, action);
        QFETCH(QString, recordType);
        const std::string id = "01890a5d-ac96-774b-bcce-b302099a0001";
        bool recorded = false;
        if (read == "case") {
            recorded = trail_->caseOpened(id);
        } else if (read == "receipt") {
            recorded = trail_->receiptPrinted(id, false);
        } else if (read == "reprint") {
            recorded = trail_->receiptPrinted(id, true);
        } else {
            recorded = trail_->attachmentOpened(id);
        }
        QVERIFY(recorded);
        const auto entries = outbox().pendingAudit(10);
        QCOMPARE(entries.size(), std::size_t{1});
        const AuditEntry& e = entries.front();
        QVERIFY2(!kep::audit::problemWith(e), kep::audit::problemWith(e).value_or("").c_str());
        QCOMPARE(QString::fromStdString(e.action), action);
        QCOMPARE(QString::fromStdString(e.recordType), recordType);
        QCOMPARE(e.recordId, id);
        QCOMPARE(e.actorKind, std::string{"user"});
        QCOMPARE(e.actorId, kClerk.userId);
        QCOMPARE(e.role, std::string{"clerk"});
        QCOMPARE(e.office, std::string{"0101"});
        QCOMPARE(e.workstation, kDevice);
        QCOMPARE(e.at, std::string{"2030-03-04T09:00:00.000Z"});
        QCOMPARE(e.purpose, std::string{"counter_service"});
        QCOMPARE(e.outcome, std::string{"ok"});
    }

    void aSearchIsNamedByAFreshIdNeverByTheIdentifier() {
        kep::domain::SyntheticTaxIds ids(9);
        const std::string afm = ids.afm();
        const std::string amka = ids.amka(std::chrono::year{1984} / 5 / 17);
        QVERIFY(!trail_->citizenSearched(afm.substr(0, 5)));  // still typing
        QVERIFY(trail_->citizenSearched(afm));
        QVERIFY(!trail_->citizenSearched(afm));  // the same search again, as the text re-runs
        QVERIFY(trail_->citizenSearched(amka));
        QVERIFY(!trail_->citizenSearched("123456789"));  // not a valid ΑΦΜ: a protocol number?
        QVERIFY(!trail_->citizenSearched("Παπαδοπούλου"));
        const auto entries = outbox().pendingAudit(10);
        QCOMPARE(entries.size(), std::size_t{2});
        QVERIFY(entries[0].recordId != entries[1].recordId);
        for (const AuditEntry& e : entries) {
            QCOMPARE(e.action, std::string{"citizen.search"});
            QCOMPARE(e.recordType, std::string{"search"});
            QVERIFY(kep::domain::Uuid::parse(e.recordId));
        }
        // Not in the row, and not anywhere in the file.
        auto rows = db_->prepare("SELECT * FROM audit_outbox");
        while (rows.step()) {
            for (int column = 0; column < rows.columnCount(); ++column) {
                const std::string value = rows.text(column);
                QVERIFY(value.find(afm) == std::string::npos);
                QVERIFY(value.find(amka) == std::string::npos);
            }
        }
    }

    void nothingIsRecordedWithoutAnOfficeUser_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("office");
        QTest::newRow("signed out") << ""
                                    << "";
        QTest::newRow("central administrator") << "central_admin"
                                               << "";
        QTest::newRow("IT") << "it"
                            << "0101";
    }
    void nothingIsRecordedWithoutAnOfficeUser() {
        QFETCH(QString, role);
        QFETCH(QString, office);
        if (role.isEmpty()) {
            trail_->signedOut();
        } else {
            trail_->signedIn({"u-1", role.toStdString(), office.toStdString()});
        }
        QVERIFY(!trail_->caseOpened("01890a5d-ac96-774b-bcce-b302099a0001"));
        QCOMPARE(outbox().pendingAuditCount(), std::size_t{0});
        trail_->signedIn(kClerk);
        QVERIFY(trail_->caseOpened("01890a5d-ac96-774b-bcce-b302099a0001"));
    }

    void theOutboxHandsThemOutOldestFirstAndForgetsTheSent() {
        for (int i = 0; i < 5; ++i) {
            clock_.advanceSeconds(1);
            QVERIFY(trail_->caseOpened("c-" + std::to_string(i)));
        }
        auto store = outbox();
        QCOMPARE(store.pendingAuditCount(), std::size_t{5});
        const auto first = store.pendingAudit(2);
        QCOMPARE(first.size(), std::size_t{2});
        QCOMPARE(first[0].recordId, std::string{"c-0"});
        QCOMPARE(first[1].recordId, std::string{"c-1"});
        store.auditDelivered(first);
        QCOMPARE(store.pendingAuditCount(), std::size_t{3});
        QCOMPARE(store.pendingAudit(10).front().recordId, std::string{"c-2"});
        // They survive a restart of the desk, like queued ops.
        trail_.reset();
        db_.reset();
        db_.emplace(storage::openDeskDatabase(dir_.filePath("desk.db")));
        QCOMPARE(outbox().pendingAuditCount(), std::size_t{3});
    }

private:
    cases::DeskOutboxStore outbox() { return cases::DeskOutboxStore(*db_); }

    QTemporaryDir dir_;
    test::ManualClock clock_;
    std::optional<kep::db::Database> db_;
    std::optional<audit::DeskAuditTrail> trail_;
};

QTEST_GUILESS_MAIN(tst_DeskAuditTrail)
#include "tst_deskaudittrail.moc"
