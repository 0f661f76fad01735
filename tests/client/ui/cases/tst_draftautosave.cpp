// The filing form's autosave: saved a second after typing stops and at most 1.5 s after the first
// unsaved keystroke while typing goes on, at once when the clerk moves to another field or leaves
// the form; nothing saved for an untouched form; filing deletes the draft; a resumed draft brings
// back everything typed, the channel chosen included; and the offer to resume one, whose discard
// asks again.
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/DraftAutosave.h"
#include "cases/DraftResumeOffer.h"
#include "cases/DraftStore.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingDraft.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include "../../support/FilingFixture.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::familyStatusCertificate;
using kep::desk::test::press;
using kep::desk::test::typeIntoFocus;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", kep::cases::ActorRole::Clerk};

}  // namespace

class tst_DraftAutosave : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        dbFile_ = dir_.filePath(QStringLiteral("desk-%1.db").arg(++n_));
        db_ = std::make_unique<kep::db::Database>(kep::desk::storage::openDeskDatabase(dbFile_));
        store_ = std::make_unique<cases::CaseStore>(*db_, "0101", "ws-1");
        drafts_ = std::make_unique<cases::DraftStore>(*db_);
        form_ = newForm();
        form_->startCase(familyStatusCertificate());
        QCoreApplication::processEvents();
    }
    void cleanup() {
        form_.reset();
        drafts_.reset();
        store_.reset();
        db_.reset();
    }

    void untouchedFormSavesNothing() {
        form_->citizenPanel()->surnameEl()->setFocus();
        press(Qt::Key_Tab);
        form_->hide();
        QVERIFY(drafts_->draftsOf(kClerk.id).empty());
    }

    void savedASecondAfterTypingStops() {
        QSignalSpy saved(form_->autosave(), &DraftAutosave::saved);
        form_->citizenPanel()->surnameEl()->setFocus();
        typeIntoFocus(QStringLiteral("Νικολάου"));
        QElapsedTimer sinceLastKey;
        sinceLastKey.start();
        QVERIFY(drafts_->draftsOf(kClerk.id).empty());  // not on every keystroke
        QVERIFY(saved.wait(5000));
        QVERIFY2(sinceLastKey.elapsed() >= 900,
                 qPrintable(QString::number(sinceLastKey.elapsed())));
        QCOMPARE(savedDraft().citizen.person.surnameEl, std::string("Νικολάου"));
    }

    void steadyTypingIsSavedWhileItGoesOn() {
        // One key every 150 ms for 3.6 s: a pure debounce would save nothing until the end.
        QSignalSpy saved(form_->autosave(), &DraftAutosave::saved);
        form_->notes()->setFocus();
        const QString text = QStringLiteral("Θα φέρει τη δήλωση αύριο το πρωί.");
        for (const QChar ch : text.left(24)) {
            typeIntoFocus(QString(ch));
            QTest::qWait(150);
        }
        QVERIFY2(saved.size() >= 2, qPrintable(QString::number(saved.size())));
        QVERIFY(text.startsWith(QString::fromStdString(savedDraft().notes)));
        QVERIFY(savedDraft().notes.size() > 0);
    }

    void movingToAnotherFieldSavesAtOnce() {
        form_->citizenPanel()->surnameEl()->setFocus();
        typeIntoFocus(QStringLiteral("Οικονόμου"));
        press(Qt::Key_Tab);
        QCOMPARE(savedDraft().citizen.person.surnameEl, std::string("Οικονόμου"));
        typeIntoFocus(QStringLiteral("Γιάννης"));
        form_->evidencePanel()->choices()[0]->setFocus();  // a jump, as with a mnemonic
        QCOMPARE(savedDraft().citizen.person.givenNameEl, std::string("Γιάννης"));
        QCOMPARE(drafts_->draftsOf(kClerk.id).size(), std::size_t{1});  // the same draft
    }

    void leavingTheFormSaves() {
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("Σημείωση"));
        form_->hide();
        QCOMPARE(savedDraft().notes, std::string("Σημείωση"));
    }

    void closingTheDeskSaves() {
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("Πριν την αποσύνδεση"));
        form_.reset();  // sign-out and quit delete the form
        QCOMPARE(savedDraft().notes, std::string("Πριν την αποσύνδεση"));
    }

    void startingAnotherCaseKeepsTheFirstAsADraft() {
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("Πρώτη"));
        form_->startCase(familyStatusCertificate());
        QCOMPARE(drafts_->draftsOf(kClerk.id).size(), std::size_t{1});
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("Δεύτερη"));
        QVERIFY(form_->autosave()->saveNow());
        QCOMPARE(drafts_->draftsOf(kClerk.id).size(), std::size_t{2});
    }

    void filingDeletesTheDraft() {
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        auto* citizen = form_->citizenPanel();
        citizen->afm()->setFocus();
        typeIntoFocus(QString::fromStdString(kep::domain::SyntheticTaxIds(8).afm()));
        citizen->surnameEl()->setFocus();
        typeIntoFocus(QStringLiteral("Νικολάου"));
        citizen->givenNameEl()->setFocus();
        typeIntoFocus(QStringLiteral("Ελένη"));
        press(Qt::Key_Tab);
        QCOMPARE(drafts_->draftsOf(kClerk.id).size(), std::size_t{1});
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(form_->outcome()->text().contains(QStringLiteral("0101/2026/1")),
                 qPrintable(form_->outcome()->text()));
        QVERIFY(drafts_->draftsOf(kClerk.id).empty());
        // The filed case is not a draft again, whatever happens on the form after.
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("μετά"));
        form_->hide();
        QVERIFY(drafts_->draftsOf(kClerk.id).empty());
        QVERIFY(!form_->saveDraftAction()->isEnabled());
    }

    void resumedDraftBringsBackEverythingTyped() {
        QFile png(dir_.filePath(QStringLiteral("scan.png")));
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(300, 'x'));
        png.close();
        auto* citizen = form_->citizenPanel();
        citizen->kind()->setCurrentIndex(1);  // an EU citizen
        citizen->surnameLatin()->setFocus();
        typeIntoFocus(QStringLiteral("Schmidt"));
        citizen->givenNameLatin()->setFocus();
        typeIntoFocus(QStringLiteral("Anna"));
        citizen->documentNumber()->setFocus();
        typeIntoFocus(QStringLiteral("C01X00T47"));
        citizen->nationality()->setFocus();
        typeIntoFocus(QStringLiteral("DE"));
        citizen->email()->setFocus();
        typeIntoFocus(QStringLiteral("anna@example.de"));
        form_->evidencePanel()->choices()[2]->setFocus();
        press(Qt::Key_Down);
        press(Qt::Key_Down);  // to be obtained by the KEP
        form_->evidencePanel()->choices()[0]->setFocus();
        QVERIFY(form_->attachFile(png.fileName()));  // document 0, now provided
        form_->notes()->setFocus();
        typeIntoFocus(QStringLiteral("Γραμμή ένα"));
        press(Qt::Key_Return);
        typeIntoFocus(QStringLiteral("γραμμή δύο"));
        const auto typed = form_->draft();
        form_.reset();

        auto again = newForm();
        const auto stored = drafts_->latestOf(kClerk.id);
        QVERIFY(stored);
        QVERIFY(again->resumeDraft(familyStatusCertificate(), *stored));
        const auto back = again->draft();
        QCOMPARE(back.citizen.person.kind, kep::cases::CitizenKind::EuCitizen);
        QCOMPARE(back.citizen.person.surnameLatin, std::string("Schmidt"));
        QCOMPARE(back.citizen.person.givenNameLatin, std::string("Anna"));
        QCOMPARE(back.citizen.person.documentNumber, std::string("C01X00T47"));
        QCOMPARE(back.citizen.person.nationality, std::string("DE"));
        QCOMPARE(back.citizen.email, std::string("anna@example.de"));
        QVERIFY(back.evidence == typed.evidence);
        QVERIFY(back.evidence[0].second == kep::cases::EvidenceState::Provided);
        QVERIFY(back.evidence[2].second == kep::cases::EvidenceState::ToBeObtainedByKep);
        QCOMPARE(back.notes, std::string("Γραμμή ένα\nγραμμή δύο"));
        QCOMPARE(back.attachments.size(), std::size_t{1});
        QVERIFY(back.attachments == typed.attachments);
        QCOMPARE(back.attachments[0].mediaType, std::string("image/png"));
        QCOMPARE(back.attachments[0].evidenceId, std::string("1"));
        QCOMPARE(again->evidencePanel()->attachmentList()->count(), 1);
        // Typing on goes on in the same draft.
        again->notes()->setFocus();
        typeIntoFocus(QStringLiteral("!"));
        QVERIFY(again->autosave()->saveNow());
        QCOMPARE(drafts_->draftsOf(kClerk.id).size(), std::size_t{1});
        QCOMPARE(drafts_->draftsOf(kClerk.id)[0].id, stored->id);
    }

    // myKEPlive chosen by keyboard is a change the autosave keeps; the resumed form chooses it
    // again, unless the procedure is no longer offered remotely (then: at the counter).
    void channelChoiceIsSavedAndResumed() {
        auto remote = familyStatusCertificate();
        remote.procedure.provisionOrgGroupsRemote.push_back(
            {std::string(kep::catalogue::kRemoteServiceGroupId), {}});
        form_->startCase(remote);
        QCoreApplication::processEvents();
        form_->channel()->setFocus();
        press(Qt::Key_Down);
        QCOMPARE(form_->channel()->currentText(), QStringLiteral("Remote (myKEPlive)"));
        QTRY_VERIFY(savedDraft().channel == cases::CaseChannel::Remote);
        form_.reset();

        const auto stored = drafts_->latestOf(kClerk.id);
        QVERIFY(stored);
        auto again = newForm();
        QVERIFY(again->resumeDraft(remote, *stored));
        QCOMPARE(again->channel()->currentText(), QStringLiteral("Remote (myKEPlive)"));
        QVERIFY(again->draft().channel == cases::CaseChannel::Remote);
        QVERIFY(again->resumeDraft(familyStatusCertificate(), *stored));
        QCOMPARE(again->channel()->currentText(), QStringLiteral("At the counter"));
    }

    void resumeOffer_data() {
        using B = QMessageBox::StandardButton;
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<int>("choice");
        QTest::addColumn<int>("questions");
        QTest::newRow("resume") << QList<int>{B::Yes} << int(DraftResumeOffer::Choice::Resume) << 1;
        QTest::newRow("later") << QList<int>{B::Cancel} << int(DraftResumeOffer::Choice::Later)
                               << 1;
        QTest::newRow("discard, sure")
            << QList<int>{B::Discard, B::Yes} << int(DraftResumeOffer::Choice::Discard) << 2;
        QTest::newRow("discard, not sure")
            << QList<int>{B::Discard, B::No} << int(DraftResumeOffer::Choice::Later) << 2;
        QTest::newRow("discard, box closed")
            << QList<int>{B::Discard, B::Escape} << int(DraftResumeOffer::Choice::Later) << 2;
    }
    void resumeOffer() {
        QFETCH(QList<int>, answers);
        QFETCH(int, choice);
        QFETCH(int, questions);
        QStringList asked;
        QList<QMessageBox::StandardButton> defaults;
        const auto scripted = [&](const QString& text, QMessageBox::StandardButtons,
                                  QMessageBox::StandardButton defaultButton) {
            asked << text;
            defaults << defaultButton;
            return static_cast<QMessageBox::StandardButton>(answers.value(asked.size() - 1));
        };
        const auto chosen =
            DraftResumeOffer::ask(QStringLiteral("Έκδοση πιστοποιητικού"),
                                  QDateTime(QDate(2026, 3, 10), QTime(10, 0), Qt::UTC), scripted);
        QCOMPARE(int(chosen), choice);
        QCOMPARE(asked.size(), questions);
        QVERIFY(asked[0].contains(QStringLiteral("Έκδοση πιστοποιητικού")));
        QCOMPARE(defaults[0], QMessageBox::Yes);
        if (questions == 2) {
            QCOMPARE(defaults[1], QMessageBox::No);  // a slip of Enter does not lose the case
        }
    }

private:
    std::unique_ptr<FilingForm> newForm() {
        auto form = std::make_unique<FilingForm>(*store_, clock_);
        form->setClerk(kClerk, QStringLiteral("0101"));
        form->setReceiptFolder(dir_.filePath(QStringLiteral("receipts")));
        form->setAttachmentFolder(dir_.filePath(QStringLiteral("attachments")));
        form->enableAutosave(*drafts_);
        form->resize(900, 900);
        form->show();
        QApplication::setActiveWindow(form.get());
        return form;
    }

    cases::FilingDraft savedDraft() const {
        const auto stored = drafts_->latestOf(kClerk.id);
        if (!stored) {
            return {};
        }
        return cases::filingDraftFromJson(stored->content).value_or(cases::FilingDraft{});
    }

    QTemporaryDir dir_;
    QString dbFile_;
    kep::desk::test::FixedClock clock_;
    std::unique_ptr<kep::db::Database> db_;
    std::unique_ptr<cases::CaseStore> store_;
    std::unique_ptr<cases::DraftStore> drafts_;
    std::unique_ptr<FilingForm> form_;
    int n_ = 0;
};

QTEST_MAIN(tst_DraftAutosave)
#include "tst_draftautosave.moc"
