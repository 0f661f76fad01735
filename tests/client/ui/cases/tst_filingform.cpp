// The filing form end to end under offscreen: a clerk types a Greek citizen (Greek typed per
// character), marks the documents and files with Ctrl+Enter; the case, its outbox ops and the
// receipt PDF exist. Also: the reasons at the fields (ΑΦΜ, ΑΜΚΑ's date, phone, e-mail), the
// returning citizen, the tab order, accessible names in both languages, a shortcut for every
// action, attaching, the large-text theme, and the documents in English from the sample catalogue.
#include "Clock.h"
#include "DeskTheme.h"
#include "LanguageManager.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/ReceiptLanguageChoice.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include "../../core/platform/SaneTestDevice.h"
#include "../../support/CatalogueFeed.h"
#include "../../support/FilingFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::familyStatusCertificate;
using kep::desk::test::press;
using kep::desk::test::typeIntoFocus;

namespace {

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
        form_->setAttachmentFolder(dir_.filePath(QStringLiteral("attachments")));
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
        // Latin names, phone and e-mail: not needed for this procedure.
        for (int i = 0; i < 5; ++i) {
            press(Qt::Key_Tab);
        }
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

        // In desk.db: the case as typed, with ONE outbox op (the create, carrying the filed
        // status; the server takes the same lifecycle steps from it).
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
        QCOMPARE(ops.int64(0), std::int64_t{1});

        QVERIFY(QFile::exists(receipt));
        QVERIFY(QFile(receipt).size() > 1000);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const QString text = pdfText(receipt);
        QVERIFY2(text.contains(protocol), qPrintable(text));
        QVERIFY2(text.contains(kep::desk::test::kFamilyStatusTitle), qPrintable(text));
        QVERIFY(!text.contains(afm));  // the ΑΦΜ is neither printed nor in the QR code's text
    }

    // A procedure offered by video call: the clerk chooses myKEPlive with the keyboard, and the
    // create op carries the channel and the competent authority (the register's owner here).
    void remoteFilingForAProcedureOfferedRemotely() {
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 41, 100});
        QVERIFY(!form_->channel()->isEnabled());  // the sample procedure is not offered remotely
        auto record = familyStatusCertificate();
        record.procedure.provisionOrgGroupsRemote.push_back(
            {std::string(kep::catalogue::kRemoteServiceGroupId), {}});
        record.procedure.orgOwner.id = "100017";
        form_->startCase(record);
        QCoreApplication::processEvents();
        QVERIFY(form_->channel()->isEnabled());
        QCOMPARE(form_->channel()->currentText(), QStringLiteral("At the counter"));
        // In the Tab chain after the checklist, before the notes.
        form_->evidencePanel()->choices().last()->setFocus();
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), form_->channel());
        press(Qt::Key_Down);
        QCOMPARE(form_->channel()->currentText(), QStringLiteral("Remote (myKEPlive)"));

        kep::cases::Citizen citizen;
        citizen.person.afm = kep::domain::SyntheticTaxIds(17).afm();
        citizen.person.surnameEl = "Παπαδοπούλου";
        citizen.person.givenNameEl = "Ελένη";
        form_->citizenPanel()->setCitizen(citizen);
        QSignalSpy filed(form_.get(), &FilingForm::caseFiled);
        form_->file();
        QCOMPARE(filed.size(), 1);
        QVERIFY(!form_->channel()->isEnabled());  // filed: nothing on the form changes any more
        const auto ops = store_->outbox().pendingOps(10);
        QVERIFY(!ops.empty());
        QCOMPARE(ops.front().fields.at("channel"), std::string("remote"));
        QCOMPARE(ops.front().fields.at("authority_id"), std::string("100017"));
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
        earlier.procedureTitle = kep::desk::test::kFamilyStatusTitle.toStdString();
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
        // The record is complete: the clerk goes straight on to the documents.
        QCOMPARE(QApplication::focusWidget(), form_->evidencePanel()->choices().first());
    }

    void tabOrderFollowsTheForm_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("order");
        const QStringList head{"citizenKind", "afm",          "amka",          "surnameEl",
                               "givenNameEl", "surnameLatin", "givenNameLatin"};
        const QStringList contact{"phone", "email"};
        // The receipt's print button is skipped until the case is filed.
        const QStringList tail{"evidence_0",     "evidence_1",      "evidence_2",      "caseNotes",
                               "fileCaseButton", "receiptLanguage", "attachFileButton"};
        QTest::newRow("Greek citizen") << 0 << head + contact + tail;
        QTest::newRow("EU citizen")
            << 1
            << head + QStringList{"documentType", "documentNumber", "nationality"} + contact + tail;
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

    void everyInputHasAnAccessibleNameInBothLanguages() {
        LanguageManager languages;
        form_->citizenPanel()->kind()->setCurrentIndex(1);  // every row shown
        QHash<QWidget*, QString> english;
        for (const QString& code : {QStringLiteral("en"), QStringLiteral("el")}) {
            QVERIFY(languages.setLanguage(code));
            QCoreApplication::processEvents();
            // Every widget that takes the focus or input, not only those in the chain.
            QList<QWidget*> inputs = form_->findChildren<QWidget*>();
            inputs.erase(std::remove_if(inputs.begin(), inputs.end(),
                                        [](QWidget* w) {
                                            // Labels are read, not filled in.
                                            return qobject_cast<QLabel*>(w) != nullptr ||
                                                   (w->focusPolicy() == Qt::NoFocus &&
                                                    !qobject_cast<QListWidget*>(w));
                                        }),
                         inputs.end());
            QVERIFY(inputs.size() >= form_->inputsInTabOrder().size());
            for (QWidget* input : inputs) {
                if (qobject_cast<QScrollBar*>(input) || input->inherits("QComboBoxListView") ||
                    input->objectName() == QLatin1String("qt_scrollarea_viewport")) {
                    continue;  // Qt's own parts of a list or a scroll area
                }
                const QString name = input->accessibleName();
                QVERIFY2(!name.isEmpty(), qPrintable(code + u' ' + input->objectName() + u' ' +
                                                     input->metaObject()->className()));
                if (code == u"en") {
                    english.insert(input, name);
                }
            }
        }
        // The Greek names are Greek: the translation reached the form's own fields.
        for (QWidget* w :
             QList<QWidget*>{form_->notes(), form_->fileButton(), form_->citizenPanel()->phone(),
                             form_->citizenPanel()->email(), form_->citizenPanel()->surnameEl()}) {
            QVERIFY2(w->accessibleName() != english.value(w), qPrintable(w->accessibleName()));
        }
        QCOMPARE(form_->citizenPanel()->phone()->accessibleName(), QStringLiteral("Τηλέφωνο"));
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();  // LanguageChange is posted
        QCOMPARE(form_->evidencePanel()->choices()[1]->accessibleName(),
                 QStringLiteral("Εξουσιοδότηση (or an alternative of group A)"));
    }

    void everyActionHasItsOwnShortcut() {
        const QStringList expected{"fileCaseAction",         "printReceiptAction",
                                   "printMissingSlipAction", "attachFileAction",
                                   "scanDocumentAction",     "saveDraftAction"};
        QStringList names;
        QSet<QString> shortcuts;
        for (QAction* action : form_->actions()) {
            names << action->objectName();
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
            // From any field of the form, and only there: the main window has its own keys.
            QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
            for (const QKeySequence& key : action->shortcuts()) {
                QVERIFY2(!shortcuts.contains(key.toString()), qPrintable(key.toString()));
                shortcuts.insert(key.toString());
            }
        }
        for (const QString& name : expected) {
            QVERIFY2(names.contains(name), qPrintable(name));
        }
        // Before filing there is no receipt to print; after, nothing to file or attach.
        QVERIFY(!form_->printAction()->isEnabled());
        QVERIFY(form_->attachAction()->isEnabled());
    }

    void attachingByKeyboardMarksTheDocument() {
        QFile png(dir_.filePath(QStringLiteral("scan.png")));
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(64, 'x'));
        png.close();
        QFile text(dir_.filePath(QStringLiteral("notes.pdf")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a pdf at all");
        text.close();
        form_->evidencePanel()->choices()[2]->setFocus();
        QVERIFY(!form_->attachFile(text.fileName()));
        QVERIFY(form_->outcome()->text().contains(QStringLiteral("PDF, JPEG and PNG")));
        QVERIFY(form_->evidencePanel()->attachments().empty());
        QVERIFY(form_->attachFile(png.fileName()));
        QCOMPARE(form_->evidencePanel()->attachments().size(), std::size_t{1});
        QCOMPARE(form_->evidencePanel()->attachments()[0].evidenceId, std::string("3"));
        QCOMPARE(form_->evidencePanel()->choices()[2]->currentIndex(), 1);  // provided
        QCOMPARE(form_->evidencePanel()->attachmentList()->count(), 1);
    }

    // Ctrl+Shift+O opens the scanner dialog; what it scans comes back as one attachment of the
    // focused document, and the scanner used is offered for next time. SANE's real `test` device.
    void scanningByKeyboardAttachesThePages() {
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir()));
        QSignalSpy chosen(form_.get(), &FilingForm::scannerChosen);
        form_->evidencePanel()->choices()[1]->setFocus();
        bool scanned = false;
        QTimer::singleShot(0, this, [&scanned] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (dialog == nullptr) {
                return;
            }
            auto* scan = dialog->findChild<QPushButton*>(QStringLiteral("scan"));
            auto* attach = dialog->findChild<QPushButton*>(QStringLiteral("attach"));
            if (!QTest::qWaitFor([scan] { return scan->isEnabled(); }, 5000)) {
                dialog->reject();
                return;
            }
            scan->click();
            scanned = QTest::qWaitFor([attach] { return attach->isEnabled(); }, 10000);
            scanned ? attach->click() : dialog->reject();
        });
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_O,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(scanned, "the scan dialog did not open, scan or attach");
        QCOMPARE(form_->evidencePanel()->attachments().size(), std::size_t{1});
        QCOMPARE(form_->evidencePanel()->attachments()[0].evidenceId, std::string("2"));
        QCOMPARE(chosen.count(), 1);
        QVERIFY(chosen.at(0).at(0).toString().startsWith(QLatin1String("test:")));
    }

    void contactAndDateProblemsAreFlaggedAtTheField_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");  // "" when the value is right
        QTest::newRow("e-mail without @") << "email"
                                          << "maria.example.gr" << QStringLiteral("has an @");
        QTest::newRow("e-mail with two @") << "email"
                                           << "maria@@example.gr" << QStringLiteral("only one @");
        QTest::newRow("e-mail without a domain")
            << "email"
            << "maria@example" << QStringLiteral("not a domain");
        QTest::newRow("e-mail in Greek letters")
            << "email"
            << "μαρία@example.gr" << QStringLiteral("Latin letters only");
        QTest::newRow("e-mail with a space")
            << "email"
            << "maria k@example.gr" << QStringLiteral("before the @");
        QTest::newRow("e-mail right") << "email"
                                      << "maria.k@example.gr" << QString();
        QTest::newRow("phone too short") << "phone"
                                         << "691234" << QStringLiteral("10 digits");
        QTest::newRow("phone with letters") << "phone"
                                            << "69123abc45" << QStringLiteral("Digits only");
        QTest::newRow("phone right") << "phone"
                                     << "691 234 5678" << QString();
        QTest::newRow("ΑΜΚΑ whose date of birth is 31 February")
            << "amka"
            << "31029012345" << QStringLiteral("date of birth");
        QTest::newRow("ΑΜΚΑ whose month is 13") << "amka"
                                                << "01139012345" << QStringLiteral("date of birth");
    }
    void contactAndDateProblemsAreFlaggedAtTheField() {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        auto* citizen = form_->citizenPanel();
        auto* edit = citizen->findChild<QLineEdit*>(field);
        QVERIFY(edit);
        edit->setFocus();
        typeIntoFocus(typed);
        press(Qt::Key_Tab);  // the clerk leaves the field
        const QString shown = citizen->problemShown(field);
        if (reason.isEmpty()) {
            QVERIFY2(shown.isEmpty(), qPrintable(shown));
            return;
        }
        QVERIFY2(shown.contains(reason), qPrintable(shown));
        // Filing is refused with the field focused, and nothing is stored.
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        citizen->afm()->setText(QString::fromStdString(kep::domain::SyntheticTaxIds(9).afm()));
        citizen->surnameEl()->setText(QStringLiteral("Νικολάου"));
        citizen->givenNameEl()->setText(QStringLiteral("Ελένη"));
        form_->fileAction()->trigger();
        QCOMPARE(QApplication::focusWidget(), edit);
        QCOMPARE(count(*db_, "SELECT count(*) FROM kase"), std::int64_t{0});
        // Corrected, the reason goes as soon as the text is right.
        edit->clear();
        QVERIFY(citizen->problemShown(field).isEmpty());
    }

    void largeTextThemeReachesTheForm() {
        auto* citizen = form_->citizenPanel();
        QWidget* probes[] = {form_->notes(), citizen->afm(), citizen->kind(),
                             form_->evidencePanel()->choices()[0], form_->fileButton()};
        QList<qreal> before;
        for (QWidget* w : probes) {
            before << QFontInfo(w->font()).pointSizeF();
        }
        DeskTheme::apply({true, true});
        QCoreApplication::processEvents();
        for (int i = 0; i < int(std::size(probes)); ++i) {
            const qreal now = QFontInfo(probes[i]->font()).pointSizeF();
            QVERIFY2(now >= 16.5 && now > before[i] * 1.3,
                     qPrintable(QStringLiteral("%1: %2 → %3")
                                    .arg(probes[i]->objectName())
                                    .arg(before[i])
                                    .arg(now)));
        }
        // White on black, fields included; problems in yellow.
        QCOMPARE(form_->palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(form_->palette().color(QPalette::WindowText), QColor(Qt::white));
        QCOMPARE(form_->notes()->palette().color(QPalette::Base), QColor(Qt::black));
        QCOMPARE(form_->notes()->palette().color(QPalette::Text), QColor(Qt::white));
        QCOMPARE(citizen->afm()->palette().color(QPalette::Text), QColor(Qt::white));
        auto* problem = citizen->findChild<QLabel*>(QStringLiteral("afmProblem"));
        QVERIFY(problem);
        QCOMPARE(problem->palette().color(QPalette::WindowText), QColor(Qt::yellow));
        DeskTheme::apply({});
        QCoreApplication::processEvents();
        QCOMPARE(QFontInfo(form_->notes()->font()).pointSizeF(), before[0]);
    }

    void checklistInTheDesksLanguageFromTheSampleCatalogue() {
        kep::desk::catalogue::PublishedRecord record;
        for (auto& procedure : kep::desk::test::CatalogueFeed::sampleProcedures()) {
            if (procedure.id == "900002") {
                record.procedure = std::move(procedure);
            }
        }
        QVERIFY(!record.procedure.evidences.empty());
        record.id = "900002";
        record.version = 1;
        // The second document as a record without English: it is shown in Greek.
        record.procedure.evidences[1].description.en.clear();
        const auto& documents = record.procedure.evidences;
        form_->setLanguage(kep::catalogue::Language::En);
        form_->startCase(record);
        QCoreApplication::processEvents();
        const auto choices = form_->evidencePanel()->choices();
        QCOMPARE(choices[0]->accessibleName(), QString::fromStdString(documents[0].description.en));
        QCOMPARE(choices[0]->accessibleName(),
                 QStringLiteral("Certified copy of every page of the valid passport."));
        QCOMPARE(choices[1]->accessibleName(), QString::fromStdString(documents[1].description.el));
        QVERIFY(form_->findChild<QLabel*>(QStringLiteral("filingProcedureTitle"))
                    ->text()
                    .startsWith(QStringLiteral("Renewal of a third-country")));
        form_->setLanguage(kep::catalogue::Language::El);
        QCOMPARE(choices[0]->accessibleName(), QString::fromStdString(documents[0].description.el));

        // A third-country citizen's receipt is in English, documents included, whatever the
        // screen's language.
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        record.procedure.deadline.text = "P10D";
        record.procedure.deadline.value = kep::domain::IsoDuration::parse("P10D").duration;
        form_->startCase(record);
        auto* citizen = form_->citizenPanel();
        citizen->kind()->setCurrentIndex(2);
        citizen->surnameLatin()->setText(QStringLiteral("Hoxha"));
        citizen->givenNameLatin()->setText(QStringLiteral("Arben"));
        citizen->documentNumber()->setText(QStringLiteral("BA1234567"));
        citizen->nationality()->setText(QStringLiteral("AL"));
        form_->evidencePanel()->choices()[0]->setCurrentIndex(1);
        QSignalSpy filed(form_.get(), &FilingForm::caseFiled);
        form_->file();
        QVERIFY2(filed.size() == 1, qPrintable(form_->outcome()->text()));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const QString text = pdfText(form_->lastReceiptFile());
        // pdftotext writes the "fi" of "Certified" as its ligature: the rest is compared.
        QVERIFY2(text.contains(QStringLiteral("every page of the valid passport")),
                 qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(documents[1].description.el).left(20)),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Documents provided")));
    }

    // The receipt's language: the desk's for a Greek citizen, English for a foreign one, until
    // the clerk picks; the pick survives a switch of the screen's language, and a pick after
    // filing saves the same case's receipt again in that language.
    void receiptLanguageIsTheClerksChoice() {
        ReceiptLanguageChoice* choice = form_->receiptLanguage();
        form_->setLanguage(kep::catalogue::Language::En);
        QVERIFY(choice->language() == ReceiptLanguage::English);
        form_->setLanguage(kep::catalogue::Language::El);
        QVERIFY(choice->language() == ReceiptLanguage::Greek);
        auto* citizen = form_->citizenPanel();
        citizen->kind()->setCurrentIndex(1);  // an EU citizen
        QVERIFY(choice->language() == ReceiptLanguage::English);
        citizen->kind()->setCurrentIndex(0);
        QVERIFY(choice->language() == ReceiptLanguage::Greek);

        // A Greek citizen served by a clerk whose screen is in English, who asks for Greek.
        form_->setLanguage(kep::catalogue::Language::En);
        QVERIFY(choice->language() == ReceiptLanguage::English);
        choice->setFocus(Qt::OtherFocusReason);
        press(Qt::Key_Up);
        QVERIFY(choice->pickedByClerk());
        QVERIFY(choice->language() == ReceiptLanguage::Greek);
        form_->setLanguage(kep::catalogue::Language::El);
        form_->setLanguage(kep::catalogue::Language::En);
        QVERIFY(choice->language() == ReceiptLanguage::Greek);

        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 41, 100});
        citizen->afm()->setText(QString::fromStdString(kep::domain::SyntheticTaxIds(23).afm()));
        citizen->surnameEl()->setText(QStringLiteral("Παπαδοπούλου"));
        citizen->givenNameEl()->setText(QStringLiteral("Ελένη"));
        form_->evidencePanel()->choices()[0]->setCurrentIndex(1);
        QSignalSpy filed(form_.get(), &FilingForm::caseFiled);
        form_->file();
        QVERIFY2(filed.size() == 1, qPrintable(form_->outcome()->text()));
        const QString receipt = form_->lastReceiptFile();
        QVERIFY(choice->isEnabled());  // still to be changed, for the print
        // Filed: editing the form suggests nothing any more.
        form_->setLanguage(kep::catalogue::Language::En);
        citizen->kind()->setCurrentIndex(1);
        QVERIFY(choice->language() == ReceiptLanguage::Greek);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const QString greek = pdfText(receipt);
        QVERIFY2(greek.contains(QStringLiteral("Απόδειξη κατάθεσης αίτησης")), qPrintable(greek));
        QVERIFY(greek.contains(kep::desk::test::kFamilyStatusTitle));
        QVERIFY(greek.contains(QStringLiteral("1,50 €")));
        QVERIFY(!greek.contains(QStringLiteral("Application receipt")));

        // The citizen would rather read English after all: the same case, the same number.
        choice->setFocus(Qt::OtherFocusReason);
        press(Qt::Key_Down);
        QVERIFY(choice->language() == ReceiptLanguage::English);
        QCOMPARE(form_->lastReceiptFile(), receipt);
        const QString english = pdfText(receipt);
        QVERIFY2(english.contains(QStringLiteral("Application receipt")), qPrintable(english));
        QVERIFY(english.contains(QStringLiteral("Issue of a family status")));
        QVERIFY(english.contains(QStringLiteral("€1.50")));
        QVERIFY(!english.contains(QStringLiteral("Απόδειξη")));
        const QString number = filed.at(0).at(0).toString();
        QVERIFY(greek.contains(number) && english.contains(number));
        // Another case starts from the suggestion again.
        form_->startCase(familyStatusCertificate());
        QVERIFY(!choice->pickedByClerk());
        QVERIFY(choice->language() == ReceiptLanguage::English);
    }

private:
    QTemporaryDir dir_;
    kep::desk::test::FixedClock clock_;
    std::unique_ptr<kep::db::Database> db_;
    std::unique_ptr<cases::CaseStore> store_;
    std::unique_ptr<FilingForm> form_;
    int n_ = 0;
};

QTEST_MAIN(tst_FilingForm)
#include "tst_filingform.moc"
