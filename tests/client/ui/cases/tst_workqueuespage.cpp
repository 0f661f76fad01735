// The work queues page offscreen: each queue named with its count, Ctrl+1 … Ctrl+7 from the
// window, the case table's columns (the authority's reason among them), the channel filter,
// Enter opening a case read-only with its history, Ctrl+Shift+Enter forwarding the chosen case
// to its competent authority, accessible names everywhere, and the Greek texts from the desk's
// translation.
#include "../../support/CatalogueFeed.h"
#include "../../support/ManualClock.h"
#include "LanguageManager.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseForwarder.h"
#include "cases/CaseForwarding.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ChannelFilter.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/WorkQueuesPage.h"
#include "cases/WorkQueuesTable.h"
#include "catalogue/CatalogueStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk::cases;
using namespace kep::desk::ui;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::desk::cases::CaseChannel;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kOther{"user-clerk-2", ActorRole::Clerk};
const kep::cases::Actor kAuthority{"authority-1", ActorRole::Authority};

Instant instant(const QDateTime& at) {
    return Instant{std::chrono::milliseconds{at.toMSecsSinceEpoch()}};
}

}  // namespace

class tst_WorkQueuesPage : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    kep::domain::WorkingCalendar calendar_;
    std::unique_ptr<CaseQueries> queries_;
    // Tuesday 24 March 2026, 09:00 UTC.
    kep::desk::test::ManualClock clock_{QDateTime(QDate(2026, 3, 24), QTime(9, 0), Qt::UTC)};
    std::string overdueId_;
    LanguageManager languages_;  // English unless a test says otherwise: plurals need it

    std::string file(unsigned month, unsigned day, const char* surname,
                     const kep::cases::Actor& clerk, int minute,
                     CaseChannel channel = CaseChannel::Counter) {
        CaseFiling f;
        f.procedureId = "900012";
        f.catalogueVersion = 1;
        f.procedureTitle = "Έκδοση πιστοποιητικού εγγυτέρων συγγενών";
        f.requiresApproval = false;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        f.citizen.person.afm = kep::domain::SyntheticTaxIds(minute + 1).afm();
        f.citizen.person.givenNameEl = "Ελένη";
        f.citizen.person.surnameEl = surname;
        f.dueDate = std::chrono::year{2026} / month / day;
        f.channel = channel;
        const auto filedAt = instant(QDateTime(QDate(2026, 3, 2), QTime(8, minute), Qt::UTC));
        const auto result = store_->file(f, clerk, filedAt);
        return result.filed->id;
    }

private slots:
    void initTestCase() {
        QVERIFY(languages_.setLanguage("en"));
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
        queries_ = std::make_unique<CaseQueries>(*store_, *db_, calendar_, "0101");
        overdueId_ = file(3, 20, "Αλεξίου", kClerk, 1);
        file(3, 26, "Βασιλείου", kOther, 2);
        const std::string waiting = file(4, 30, "Γεωργίου", kClerk, 3);
        const auto at = instant(QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC));
        QVERIFY(store_->transition(waiting, CaseStatus::Forwarded, kClerk, {}, at).ok());
        QVERIFY(store_->transition(waiting, CaseStatus::InProgress, kAuthority, {}, at).ok());
        QVERIFY(store_
                    ->transition(waiting, CaseStatus::AwaitingDocuments, kAuthority,
                                 "the birth certificate", at)
                    .ok());
        // Filed at a myKEPlive call, due long after the others.
        file(5, 29, "Δημητρίου", kOther, 4, CaseChannel::Remote);
    }

    void queuesShowTheirCounts_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cases");
        QTest::newRow("mine") << 0 << "My cases (2)" << 2;
        QTest::newRow("due soon") << 1 << "Due within 5 working days (1)" << 1;
        QTest::newRow("overdue") << 2 << "Overdue (1)" << 1;
        QTest::newRow("awaiting the citizen") << 3 << "Awaiting the citizen (1)" << 1;
        QTest::newRow("awaiting documents") << 4 << "Awaiting documents (1)" << 1;
        // Their procedure needs no approval: the submitted cases go on as they are.
        QTest::newRow("ready to forward") << 5 << "Ready to forward (3)" << 3;
        QTest::newRow("office: submitted") << 6 << "Office: Submitted (3)" << 3;
        QTest::newRow("office: delivered") << 15 << "Office: Delivered (0)" << 0;
    }

    void queuesShowTheirCounts() {
        QFETCH(int, row);
        QFETCH(QString, text);
        QFETCH(int, cases);
        WorkQueuesPage page(clock_);
        page.setQueries(queries_.get(), kClerk.id);
        QCOMPARE(page.queues()->count(), 18);  // six queues and every status but draft
        QCOMPARE(page.queues()->item(row)->text(), text);
        page.queues()->setCurrentRow(row);
        QCOMPARE(page.table()->rowCount(), cases);
    }

    void tableColumnsAndOverdueInWords() {
        WorkQueuesPage page(clock_);
        page.setQueries(queries_.get(), kClerk.id);
        page.showQueue({QueueKind::Overdue});
        WorkQueuesTable* table = page.table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, WorkQueuesTable::ProtocolNumber)->text(), QString("0101/2026/1"));
        QCOMPARE(table->item(0, WorkQueuesTable::Surname)->text(), QString("Αλεξίου"));
        QCOMPARE(table->item(0, WorkQueuesTable::Procedure)->text(),
                 QString("Έκδοση πιστοποιητικού εγγυτέρων συγγενών"));
        QCOMPARE(table->item(0, WorkQueuesTable::Status)->text(), QString("Submitted"));
        QVERIFY(table->item(0, WorkQueuesTable::DueDate)->text().endsWith("· overdue"));
        QCOMPARE(table->item(0, WorkQueuesTable::FiledBy)->text(), QString("user-clerk-1"));
        QCOMPARE(table->item(0, WorkQueuesTable::Channel)->text(), QString("At the counter"));
        QCOMPARE(table->item(0, WorkQueuesTable::StatusReason)->text(), QString());
        QCOMPARE(page.summary()->text(), QString("Overdue: 1 case"));

        // Awaiting documents: the clock stopped, said so beside the date.
        page.showQueue({QueueKind::AwaitingCitizen});
        QVERIFY(table->item(0, WorkQueuesTable::DueDate)->text().endsWith("· clock stopped"));
        QCOMPARE(table->item(0, WorkQueuesTable::Status)->text(), QString("Awaiting documents"));
    }

    // The shortcuts work from anywhere in the window, and Enter on a case opens it.
    void shortcutsAndEnterOpenACase() {
        QMainWindow window;
        auto* page = new WorkQueuesPage(clock_);
        window.setCentralWidget(page);
        window.addActions(page->queueActions());
        page->setQueries(queries_.get(), kClerk.id);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QStringList keys{"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4",
                               "Ctrl+5", "Ctrl+6", "Ctrl+7"};
        QCOMPARE(page->queueActions().size(), keys.size());
        for (int i = 0; i < keys.size(); ++i) {
            QCOMPARE(page->queueActions()[i]->shortcut(), QKeySequence(keys[i]));
        }
        QSignalSpy asked(page, &WorkQueuesPage::queueRequested);
        QTest::keyClick(page->queues(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(page->currentQueue().kind, QueueKind::Overdue);
        QCOMPARE(QApplication::focusWidget(), page->table());

        QSignalSpy opened(page, &WorkQueuesPage::caseOpened);
        QTest::keyClick(page->table(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QString::fromStdString(overdueId_));

        QTest::keyClick(page->table(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(page->currentQueue().kind, QueueKind::Mine);
        QCOMPARE(page->table()->rowCount(), 2);

        QTest::keyClick(page->table(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(page->currentQueue(), (WorkQueue{QueueKind::Status, CaseStatus::Submitted}));
        QTest::keyClick(page->table(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(page->currentQueue().kind, QueueKind::AwaitingDocuments);
        QTest::keyClick(page->table(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(page->currentQueue().kind, QueueKind::ReadyToForward);
    }

    // The authority's request, in its own words, beside the case the clerk must call about.
    void awaitingDocumentsShowsTheAuthoritysReason() {
        WorkQueuesPage page(clock_);
        page.setQueries(queries_.get(), kClerk.id);
        page.showQueue({QueueKind::AwaitingDocuments});
        QCOMPARE(page.table()->rowCount(), 1);
        QCOMPARE(page.table()->item(0, WorkQueuesTable::ProtocolNumber)->text(),
                 QString("0101/2026/3"));
        QCOMPARE(page.table()->item(0, WorkQueuesTable::StatusReason)->text(),
                 QString("the birth certificate"));
        QCOMPARE(page.summary()->text(), QString("Awaiting documents: 1 case"));
    }

    void channelFilterNarrowsCountsAndCases_data() {
        QTest::addColumn<int>("choice");  // the filter's row: 0 every channel, then by channel
        QTest::addColumn<QString>("submitted");
        QTest::addColumn<int>("cases");
        QTest::newRow("every channel") << 0 << "Office: Submitted (3)" << 3;
        QTest::newRow("counter") << 1 << "Office: Submitted (2)" << 2;
        QTest::newRow("remote") << 2 << "Office: Submitted (1)" << 1;
        QTest::newRow("gov.gr") << 3 << "Office: Submitted (0)" << 0;
        QTest::newRow("EU-GO") << 4 << "Office: Submitted (0)" << 0;
    }

    void channelFilterNarrowsCountsAndCases() {
        QFETCH(int, choice);
        QFETCH(QString, submitted);
        QFETCH(int, cases);
        WorkQueuesPage page(clock_);
        page.setQueries(queries_.get(), kClerk.id);
        page.showQueue({QueueKind::Status, CaseStatus::Submitted});
        // Chosen with the keyboard: the combo box is the page's first stop.
        page.channelFilter()->setFocus();
        for (int i = 0; i < choice; ++i) {
            QTest::keyClick(page.channelFilter(), Qt::Key_Down);
        }
        QCOMPARE(page.channelFilter()->currentIndex(), choice);
        QCOMPARE(page.queues()->item(6)->text(), submitted);
        QCOMPARE(page.table()->rowCount(), cases);
        for (int row = 0; row < page.table()->rowCount() && choice == 2; ++row) {
            QCOMPARE(page.table()->item(row, WorkQueuesTable::Channel)->text(),
                     QString("Remote (myKEPlive)"));
        }
        page.showChannel(std::nullopt);
        QCOMPARE(page.table()->rowCount(), 3);
    }

    void detailsShowTheHistory() {
        const auto shown =
            queries_->cases({QueueKind::AwaitingCitizen}, kClerk.id, instant(clock_.now()), 10);
        QCOMPARE(shown.size(), std::size_t(1));
        CaseDetailsDialog details;
        details.showCase(shown[0], *queries_);
        QVERIFY(details.isVisible());
        QCOMPARE(details.protocolNumber()->text(), QString("0101/2026/3"));
        QCOMPARE(details.status()->text(), QString("Awaiting documents"));
        // Filed (submitted), forwarded, accepted, documents asked for.
        QCOMPARE(details.history()->rowCount(), 4);
        QCOMPARE(details.history()->item(3, 2)->text(), QString("Awaiting documents"));
        QCOMPARE(details.history()->item(3, 4)->text(), QString("the birth certificate"));
        QCOMPARE(details.statusReason()->text(), QString("the birth certificate"));
        QCOMPARE(details.channel()->text(), QString("At the counter"));
        details.reject();
    }

    void accessibleNamesInBothLanguages_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mine");
        QTest::newRow("el") << "el"
                            << "Οι υποθέσεις μου (2)";
        QTest::newRow("en") << "en"
                            << "My cases (2)";
    }

    void accessibleNamesInBothLanguages() {
        QFETCH(QString, language);
        QFETCH(QString, mine);
        QVERIFY(languages_.setLanguage(language));
        WorkQueuesPage page(clock_);
        page.setQueries(queries_.get(), kClerk.id);
        QCOMPARE(page.queues()->item(0)->text(), mine);
        for (QWidget* input : page.findChildren<QWidget*>()) {
            if (input->focusPolicy() != Qt::NoFocus && input->isVisibleTo(&page) &&
                qobject_cast<QAbstractItemView*>(input)) {
                QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
            }
        }
        for (QAction* action : page.queueActions()) {
            QVERIFY(!action->text().isEmpty());
        }
        QVERIFY(!page.windowTitle().isEmpty());
        QVERIFY(languages_.setLanguage("en"));
    }

    // Last: it forwards a case of the shared desk.db. Ctrl+7 shows what is ready, Ctrl+Shift+Enter
    // forwards the chosen case to the authority the catalogue names (900012: the register's
    // owner, known by its id alone), and the queue loses it.
    void forwardFromTheQueueByKeyboard() {
        kep::desk::catalogue::CatalogueStore catalogue(*db_);
        catalogue.applyPage(kep::desk::test::CatalogueFeed::sample().everything());
        CaseForwarding forwarding(*store_, &catalogue);
        CaseForwarder forwarder(clock_);
        forwarder.setForwarding(&forwarding, kClerk);

        QMainWindow window;
        auto* page = new WorkQueuesPage(clock_);
        window.setCentralWidget(page);
        window.addActions(page->queueActions());
        page->setQueries(queries_.get(), kClerk.id);
        QVERIFY(page->forwardButton()->isHidden());  // nobody may forward yet
        page->setForwarder(&forwarder);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(page->queues(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(page->table()->rowCount(), 3);
        QCOMPARE(page->table()->currentRow(), 0);
        QVERIFY(page->forwardButton()->isEnabled());
        QCOMPARE(page->forwardButton()->toolTip(), QString("10102"));
        QVERIFY(!page->forwardButton()->accessibleName().isEmpty());
        const QString first = page->table()->selectedCaseId();
        const QString number = page->table()->item(0, WorkQueuesTable::ProtocolNumber)->text();

        QTest::keyClick(page->table(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page->forwardOutcome()->text(),
                 number + " forwarded to 10102. It goes to the server with the next sync.");
        QVERIFY(store_->caseById(first.toStdString())->status == CaseStatus::Forwarded);
        const auto ops = store_->outbox().pendingOps(100);
        QCOMPARE(QString::fromStdString(ops.back().entity.id), first);
        QCOMPARE(ops.back().toStatus, std::string("forwarded"));
        QCOMPARE(page->table()->rowCount(), 2);
        QCOMPARE(page->queues()->item(5)->text(), QString("Ready to forward (2)"));
        QCOMPARE(QApplication::focusWidget(), page->table());

        // A case with the authority already: nothing to forward.
        QTest::keyClick(page->table(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(page->table()->rowCount(), 1);
        QVERIFY(!page->forwardButton()->isEnabled());
        QVERIFY(!page->forwardAction()->isEnabled());
        page->setForwarder(nullptr);
        QVERIFY(page->forwardButton()->isHidden());
    }
};

QTEST_MAIN(tst_WorkQueuesPage)
#include "tst_workqueuespage.moc"
