// The filing form end to end under offscreen: a clerk types a Greek citizen (Greek typed per
// character), marks the documents and files with Ctrl+Enter; the case, its outbox ops and the
// receipt PDF exist. Also: the ΑΦΜ's reason at the field, the returning citizen, the tab order.
#include "Clock.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kep::desk;
using namespace kep::desk::ui;

namespace {

class FixedClock final : public Clock {
public:
    // 2026-03-10 10:00 UTC, a Tuesday.
    QDateTime now() const override { return QDateTime(QDate(2026, 3, 10), QTime(10, 0), Qt::UTC); }
};

const QString kTitle = QStringLiteral("Έκδοση πιστοποιητικού οικογενειακής κατάστασης");

kep::desk::catalogue::PublishedRecord familyStatusCertificate() {
    kep::desk::catalogue::PublishedRecord r;
    r.id = "900012";
    r.version = 3;
    r.kep.requiresApproval = true;
    auto& p = r.procedure;
    p.id = r.id;
    p.title.el = kTitle.toStdString();
    p.title.en = "Issue of a family status certificate";
    auto doc = [](const char* id, const char* el, const char* group) {
        kep::catalogue::Evidence e;
        e.numId = id;
        e.description.el = el;
        e.alternativeGroup = group;
        return e;
    };
    p.evidences = {doc("1", "Αστυνομική ταυτότητα", ""), doc("2", "Εξουσιοδότηση", "A"),
                   doc("3", "Υπεύθυνη δήλωση", "A")};
    kep::catalogue::Fee fee;
    fee.min = 1.5;
    p.fees = {fee};
    p.deadline.text = "P10D";
    p.deadline.value = kep::domain::IsoDuration::parse("P10D").duration;
    kep::catalogue::LegalRule rule;
    rule.description.el = "ν. 3852/2010, άρθρο 94";
    p.rules = {rule};
    return r;
}

// Types into whichever widget has the focus, one character at a time: QTest::keyClicks() with
// Greek text aborts the test binary.
void typeIntoFocus(const QString& text) {
    for (const QChar ch : text) {
        QTest::sendKeyEvent(QTest::KeyAction::Click, QApplication::focusWidget(), Qt::Key_unknown,
                            QString(ch), Qt::NoModifier);
    }
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

std::int64_t count(kep::db::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

}  // namespace

class tst_FilingForm : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        db_ = std::make_unique<kep::db::Database>(kep::desk::storage::openDeskDatabase(
            dir_.filePath(QStringLiteral("desk-%1.db").arg(++n_))));
        store_ = std::make_unique<cases::CaseStore>(*db_, "0101", "ws-1");
        form_ = std::make_unique<FilingForm>(*store_, clock_);
        form_->setClerk({"user-clerk-1", kep::cases::ActorRole::Clerk}, QStringLiteral("0101"));
        form_->setReceiptFolder(dir_.filePath(QStringLiteral("receipts")));
        form_->setStatusBaseUrl(QStringLiteral("https://kep.example.gr"));
        form_->resize(900, 900);
        form_->show();
        QApplication::setActiveWindow(form_.get());
        QVERIFY(QTest::qWaitForWindowActive(form_.get()));
        form_->startCase(familyStatusCertificate());
        QCoreApplication::processEvents();  // the checklist's new rows are shown by the loop
    }
    void cleanup() {
        form_.reset();
        store_.reset();
        db_.reset();
    }

    void filesAGreekCitizensCaseByKeyboard() {
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 41, 100});
        kep::domain::SyntheticTaxIds ids(5);
        const QString afm = QString::fromStdString(ids.afm());
        auto* citizen = form_->citizenPanel();
        QCOMPARE(QApplication::focusWidget(), citizen->kind());
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), citizen->afm());
        typeIntoFocus(afm);
        press(Qt::Key_Tab);  // ΑΜΚΑ: optional, left empty
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), citizen->surnameEl());
        typeIntoFocus(QStringLiteral("Παπαδοπούλου"));
        press(Qt::Key_Tab);
        typeIntoFocus(QStringLiteral("Ελένη"));
        press(Qt::Key_Tab);  // Latin names: not needed for this procedure
        press(Qt::Key_Tab);
        press(Qt::Key_Tab);
        auto choices = form_->evidencePanel()->choices();
        QCOMPARE(QApplication::focusWidget(), choices[0]);
        press(Qt::Key_Down);  // provided
        press(Qt::Key_Tab);
        press(Qt::Key_Down);  // to be obtained by the KEP
        press(Qt::Key_Down);
        press(Qt::Key_Tab);  // the third stays missing
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), form_->notes());
        typeIntoFocus(QStringLiteral("Θα φέρει τη δήλωση"));
        QCOMPARE(form_->fee()->text(), QStringLiteral("1,50 €"));

        QSignalSpy filed(form_.get(), &FilingForm::caseFiled);
        press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(filed.size(), 1);
        const QString protocol = filed.at(0).at(0).toString();
        const QString receipt = filed.at(0).at(1).toString();
        QCOMPARE(protocol, QStringLiteral("0101/2026/41"));
        QVERIFY(form_->outcome()->text().contains(protocol));
        QVERIFY(form_->printButton()->isEnabled());
        QVERIFY(!form_->fileButton()->isEnabled());

        // In desk.db: the case as typed, with its three outbox ops (create, submit, approval).
        const auto found = store_->search(afm.toStdString());
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(found[0].protocolNumber), protocol);
        QCOMPARE(QString::fromStdString(found[0].surname), QStringLiteral("Παπαδοπούλου"));
        QVERIFY(found[0].status == kep::cases::CaseStatus::PendingApproval);
        QCOMPARE(QString::fromStdString(found[0].dueDate), QStringLiteral("2026-03-24"));
        auto row = db_->prepare("SELECT notes, evidence, fee_cents FROM kase WHERE id = ?1");
        row.bind(1, found[0].id);
        QVERIFY(row.step());
        QCOMPARE(QString::fromStdString(row.text(0)), QStringLiteral("Θα φέρει τη δήλωση"));
        QCOMPARE(QString::fromStdString(row.text(1)),
                 QStringLiteral(R"({"1":"provided","2":"to_be_obtained_by_kep","3":"missing"})"));
        QCOMPARE(row.int64(2), std::int64_t{150});
        auto ops = db_->prepare("SELECT count(*) FROM outbox WHERE entity_id = ?1");
        ops.bind(1, found[0].id);
        QVERIFY(ops.step());
        QCOMPARE(ops.int64(0), std::int64_t{3});

        QVERIFY(QFile::exists(receipt));
        QVERIFY(QFile(receipt).size() > 1000);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const QString text = pdfText(receipt);
        QVERIFY2(text.contains(protocol), qPrintable(text));
        QVERIFY2(text.contains(kTitle), qPrintable(text));
        QVERIFY(!text.contains(afm));  // the ΑΦΜ is neither printed nor in the QR code's text
    }

    void invalidAfmIsFlaggedAtTheFieldAndNothingIsFiled_data() {
        QTest::addColumn<QString>("afm");
        QTest::addColumn<QString>("reason");
        QTest::newRow("check digit")
            << QStringLiteral("123456789") << QStringLiteral("check digit");
        QTest::newRow("letters") << QStringLiteral("12345678A") << QStringLiteral("Digits only");
        QTest::newRow("short") << QStringLiteral("1234") << QStringLiteral("9 digits");
    }
    void invalidAfmIsFlaggedAtTheFieldAndNothingIsFiled() {
        QFETCH(QString, afm);
        QFETCH(QString, reason);
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        auto* citizen = form_->citizenPanel();
        citizen->afm()->setFocus();
        QTest::keyClicks(citizen->afm(), afm);
        QVERIFY2(citizen->problemShown(QStringLiteral("afm")).contains(reason),
                 qPrintable(citizen->problemShown(QStringLiteral("afm"))));
        citizen->surnameEl()->setText(QStringLiteral("Νικολάου"));
        citizen->givenNameEl()->setText(QStringLiteral("Ελένη"));
        QSignalSpy filed(form_.get(), &FilingForm::caseFiled);
        form_->fileAction()->trigger();
        QCOMPARE(filed.size(), 0);
        QCOMPARE(QApplication::focusWidget(), citizen->afm());
        QCOMPARE(count(*db_, "SELECT count(*) FROM kase"), std::int64_t{0});
        QCOMPARE(count(*db_, "SELECT count(*) FROM outbox"), std::int64_t{0});
        // Corrected, the reason goes away as it is typed.
        citizen->afm()->setText(QString::fromStdString(kep::domain::SyntheticTaxIds(3).afm()));
        QVERIFY(citizen->problemShown(QStringLiteral("afm")).isEmpty());
    }

    void problemsOfFieldsNotOnThePanelAreListed() {
        auto* citizen = form_->citizenPanel();
        const QStringList elsewhere =
            citizen->showIssues({{"representative.surname_el", "required", "required"},
                                 {"surname_el", "required", "required"}});
        QCOMPARE(elsewhere, QStringList{QStringLiteral("representative.surname_el: Required")});
        QCOMPARE(citizen->problemShown(QStringLiteral("surname_el")), QStringLiteral("Required"));
        QCOMPARE(QApplication::focusWidget(), citizen->surnameEl());
        QVERIFY(citizen->showIssues({}).isEmpty());
        QVERIFY(citizen->problemShown(QStringLiteral("surname_el")).isEmpty());
    }

    void noProtocolNumberLeftIsSaidAndNothingIsFiled() {
        auto* citizen = form_->citizenPanel();
        citizen->afm()->setText(QString::fromStdString(kep::domain::SyntheticTaxIds(4).afm()));
        citizen->surnameEl()->setText(QStringLiteral("Νικολάου"));
        citizen->givenNameEl()->setText(QStringLiteral("Ελένη"));
        form_->file();
        QVERIFY(form_->outcome()->text().contains(QStringLiteral("protocol numbers")));
        QVERIFY(form_->fileButton()->isEnabled());
        QCOMPARE(count(*db_, "SELECT count(*) FROM kase"), std::int64_t{0});
    }

    void returningCitizenFillsThePanelAsTheAfmIsTyped() {
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        kep::domain::SyntheticTaxIds ids(6);
        kep::cases::Citizen before;
        before.person.afm = ids.afm();
        before.person.surnameEl = "Οικονόμου";
        before.person.givenNameEl = "Γιάννης";
        before.person.surnameLatin = "Oikonomou";
        cases::CaseFiling earlier;
        earlier.procedureId = "900012";
        earlier.procedureTitle = kTitle.toStdString();
        earlier.citizen = before;
        earlier.dueDate = std::chrono::year{2026} / 3 / 20;
        const auto result = store_->file(
            earlier, {"user-clerk-2", kep::cases::ActorRole::Clerk},
            kep::cases::Instant{std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}});
        QVERIFY2(result.ok(), result.message.c_str());
        auto* citizen = form_->citizenPanel();
        QSignalSpy found(citizen, &CitizenPanel::returningCitizenFound);
        citizen->afm()->setFocus();
        QTest::keyClicks(citizen->afm(), QString::fromStdString(before.person.afm).left(8));
        QCOMPARE(found.size(), 0);
        QTest::keyClicks(citizen->afm(), QString::fromStdString(before.person.afm).right(1));
        QCOMPARE(found.size(), 1);
        QVERIFY(citizen->isReturningCitizen());
        QCOMPARE(citizen->surnameEl()->text(), QStringLiteral("Οικονόμου"));
        QCOMPARE(citizen->givenNameEl()->text(), QStringLiteral("Γιάννης"));
        QCOMPARE(citizen->surnameLatin()->text(), QStringLiteral("Oikonomou"));
        QCOMPARE(QApplication::focusWidget(), citizen->afm());  // the clerk keeps typing
    }

    void tabOrderFollowsTheForm_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("order");
        const QStringList head{"citizenKind", "afm",          "amka",          "surnameEl",
                               "givenNameEl", "surnameLatin", "givenNameLatin"};
        const QStringList tail{"evidence_0", "evidence_1", "evidence_2", "caseNotes",
                               "fileCaseButton"};
        QTest::newRow("Greek citizen") << 0 << head + tail;
        QTest::newRow("EU citizen")
            << 1 << head + QStringList{"documentType", "documentNumber", "nationality"} + tail;
    }
    void tabOrderFollowsTheForm() {
        QFETCH(int, kind);
        QFETCH(QStringList, order);
        form_->citizenPanel()->kind()->setCurrentIndex(kind);
        form_->citizenPanel()->kind()->setFocus();
        QStringList visited{QApplication::focusWidget()->objectName()};
        for (int i = 1; i < order.size(); ++i) {
            press(Qt::Key_Tab);
            visited << QApplication::focusWidget()->objectName();
        }
        QCOMPARE(visited, order);
    }

    void everyInputHasAnAccessibleName() {
        form_->citizenPanel()->kind()->setCurrentIndex(1);  // every row shown
        for (QWidget* input : form_->inputsInTabOrder()) {
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
        }
        QCOMPARE(form_->evidencePanel()->choices()[1]->accessibleName(),
                 QStringLiteral("Εξουσιοδότηση (or an alternative of group A)"));
    }

private:
    QTemporaryDir dir_;
    FixedClock clock_;
    std::unique_ptr<kep::db::Database> db_;
    std::unique_ptr<cases::CaseStore> store_;
    std::unique_ptr<FilingForm> form_;
    int n_ = 0;
};

QTEST_MAIN(tst_FilingForm)
#include "tst_filingform.moc"
