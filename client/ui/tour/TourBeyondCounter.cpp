// The tour's steps beyond the counter (issues 7 and 8): TourRunner's members that play the
// central administration, gov.gr, the office manager's forwarding and dashboard, the competent
// authority and the clerk handing over the result. See TourBeyondCounter in TourRunner.h.
#include "tour/TourRunner.h"

#include "DeskShell.h"
#include "MainWindow.h"
#include "authority/AuthorityInboxEntry.h"
#include "authority/AuthorityInboxWindow.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/WorkQueuesPage.h"
#include "cases/WorkQueuesTable.h"
#include "circulars/CentralCorrespondence.h"
#include "circulars/CircularComposer.h"
#include "circulars/CircularSendingEntry.h"
#include "circulars/CircularsEntry.h"
#include "circulars/CircularsWindow.h"
#include "circulars/UnreadCircularsDialog.h"
#include "dashboard/DashboardEntry.h"
#include "dashboard/NationalDashboard.h"
#include "dashboard/OfficeDashboard.h"
#include "dashboard/RegionOfficeTables.h"
#include "sync/SyncControls.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>

namespace kep::desk::ui {

namespace {

// «Δήλωση γέννησης τέκνου»: published and offered at KEPs, so gov.gr may file it there.
const QString kOnlineProcedure = QStringLiteral("900007");
// Another invented citizen than the counter's (TourRunner.cpp files for seed 2026).
constexpr std::uint64_t kOnlineCitizenSeed = 2027;
// While the server has not caught up, it is asked again every this many polls (about a second).
constexpr int kPollsPerAsk = 20;

// The office's newly submitted cases and those ready to forward: Ctrl+5 and Ctrl+7.
const QKeySequence kSubmittedQueue(Qt::CTRL | Qt::Key_5);
const QKeySequence kReadyToForwardQueue(Qt::CTRL | Qt::Key_7);

}  // namespace

std::optional<TourBeyondCounter> TourBeyondCounter::fromDemo(const QString& demoFile,
                                                             const QString& serverUrl,
                                                             const QString& caFile,
                                                             QString* error) {
    const auto central =
        DemoAccounts::firstWithRole(demoFile, QStringLiteral("central_admin"), error);
    const auto authority =
        central ? DemoAccounts::firstWithRole(demoFile, QStringLiteral("authority"), error)
                : std::nullopt;
    const auto key = authority ? DemoAccounts::channelKey(demoFile, QStringLiteral("govgr"), error)
                               : std::nullopt;
    if (!key) {
        return std::nullopt;
    }
    return TourBeyondCounter{*central, *authority, {serverUrl, caFile, *key}};
}

QString TourRunner::selectInQueue(const QKeySequence& shortcut, const QString& protocolNumber) {
    WorkQueuesPage* page = shell_.workQueuesPage();
    for (QAction* action : page->queueActions()) {
        if (action->shortcut() != shortcut || !action->isEnabled()) {
            continue;
        }
        action->trigger();  // as the keyboard does: the page comes up, read again
        WorkQueuesTable* table = page->table();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QTableWidgetItem* number = table->item(row, WorkQueuesTable::ProtocolNumber);
            if (number != nullptr && number->text() == protocolNumber) {
                table->setCurrentCell(row, WorkQueuesTable::ProtocolNumber);
                return table->caseIdAt(row);
            }
        }
    }
    return {};
}

void TourRunner::addCircularSending(const QString& language) {
    steps_.push_back({QStringLiteral("open the circulars to the offices"), [this] {
                          CircularSendingEntry* sending =
                              shell_.correspondence()->circularSending();
                          sending->action()->trigger();
                          if (sending->window() == nullptr) {
                              fail(QStringLiteral("%1 may not send circulars")
                                       .arg(plan_.beyond.central.username));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("write a circular to every office"), [this] {
             CircularsWindow* window = shell_.correspondence()->circularSending()->window();
             if (!window->isVisible()) {
                 return waitFor(QStringLiteral("the circulars window did not open"));
             }
             CircularComposer* composer = window->composer();
             const int announcement = composer->kind()->findData(QStringLiteral("announcement"));
             if (announcement < 0 || !composer->toAll()->isEnabled()) {
                 fail(QStringLiteral("the composer offers no announcement to every office"));
                 return Outcome::Failed;
             }
             composer->kind()->setCurrentIndex(announcement);
             composer->titleEl()->setText(QStringLiteral("Αιτήσεις από το gov.gr"));
             composer->titleEn()->setText(QStringLiteral("Applications from gov.gr"));
             composer->bodyEl()->setPlainText(QStringLiteral(
                 "Οι αιτήσεις που υποβάλλουν οι πολίτες στο gov.gr φτάνουν πλέον στις ουρές "
                 "εργασίας του ΚΕΠ (Ctrl+5) με κανάλι «gov.gr». Οι αρμόδιες αρχές απαντούν "
                 "ηλεκτρονικά και το αποτέλεσμα τυπώνεται από τα στοιχεία της υπόθεσης."));
             composer->bodyEn()->setPlainText(QStringLiteral(
                 "Applications citizens file on gov.gr now arrive in the KEP's work queues "
                 "(Ctrl+5) with the channel «gov.gr». The competent authorities answer "
                 "electronically, and the result is printed from the case details."));
             composer->toAll()->setChecked(true);
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the circular"), [=, this] {
                          return save(shell_.correspondence()->circularSending()->window()->grab(),
                                      QStringLiteral("circular-send-%1").arg(language));
                      }});
    steps_.push_back({QStringLiteral("send the circular"), [this] {
                          CircularsWindow* window =
                              shell_.correspondence()->circularSending()->window();
                          window->composer()->sendButton()->click();
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("wait for the circular to be sent"), [this] {
                          CircularsWindow* window =
                              shell_.correspondence()->circularSending()->window();
                          if (window->sent()->rowCount() == 0) {
                              return waitFor(window->status()->text());
                          }
                          window->close();
                          return Outcome::Done;
                      }});
}

void TourRunner::addCircularReading(const QString& language, bool screenshot) {
    steps_.push_back(
        {QStringLiteral("wait for the unread circular"), [this] {
             const UnreadCircularsDialog* dialog = shell_.correspondence()->circulars()->dialog();
             if (dialog == nullptr || !dialog->isVisible() || dialog->unreadShown() == 0) {
                 return waitFor(QStringLiteral("the circular did not reach this desk"));
             }
             return Outcome::Done;
         }});
    if (screenshot) {
        steps_.push_back({QStringLiteral("screenshot the unread circular"), [=, this] {
                              return save(shell_.correspondence()->circulars()->dialog()->grab(),
                                          QStringLiteral("circular-%1").arg(language));
                          }});
    }
    steps_.push_back({QStringLiteral("mark the circulars read"), [this] {
                          // One a tick: the dialog closes when the last one is read.
                          UnreadCircularsDialog* dialog =
                              shell_.correspondence()->circulars()->dialog();
                          if (!dialog->isVisible()) {
                              return Outcome::Done;
                          }
                          dialog->list()->setCurrentRow(0);
                          dialog->markSelectedRead();
                          return waitFor(QStringLiteral("the circulars dialog stays open"));
                      }});
}

void TourRunner::addOnlineApplication() {
    steps_.push_back({QStringLiteral("file an online application as gov.gr"), [this] {
                          govGr_.send(plan_.beyond.govGr,
                                      {plan_.account.office, kOnlineProcedure, kOnlineCitizenSeed});
                          return Outcome::Done;
                      }});
}

void TourRunner::addOnlineApplicationInQueue(const QString& language) {
    steps_.push_back(
        {QStringLiteral("wait for gov.gr's answer"), [this] {
             if (!govGr_.answered()) {
                 return waitFor(QStringLiteral("kep-server did not answer gov.gr"));
             }
             const OnlineApplicationAnswer answer = govGr_.answer();
             if (!answer.filed()) {
                 fail(QStringLiteral("the online application was refused: %1").arg(answer.error));
                 return Outcome::Failed;
             }
             onlineNumber_ = answer.protocolNumber;
             return Outcome::Done;
         }});
    steps_.push_back(
        {QStringLiteral("find the online application in the office's queue"), [this] {
             if (selectInQueue(kSubmittedQueue, onlineNumber_).isEmpty()) {
                 return waitFor(
                     QStringLiteral("no nudge brought case %1 to the desk").arg(onlineNumber_));
             }
             WorkQueuesTable* table = shell_.workQueuesPage()->table();
             const QString channel =
                 table->item(table->currentRow(), WorkQueuesTable::Channel)->text();
             if (channel != WorkQueuesTable::channelName(cases::CaseChannel::GovGr)) {
                 fail(QStringLiteral("case %1 shows the channel «%2»").arg(onlineNumber_, channel));
                 return Outcome::Failed;
             }
             // The channel column is the seventh: scrolled into view for the screenshot.
             table->scrollToItem(table->item(table->currentRow(), WorkQueuesTable::Channel));
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the online application"), [=, this] {
                          return save(shell_.mainWindow()->grab(),
                                      QStringLiteral("online-application-%1").arg(language));
                      }});
}

void TourRunner::addForwarding(const QString& language) {
    steps_.push_back(
        {QStringLiteral("find the approved case ready to forward"), [this] {
             filedCaseId_ = selectInQueue(kReadyToForwardQueue, filedNumber_);
             if (filedCaseId_.isEmpty()) {
                 return waitFor(
                     QStringLiteral("case %1 is not ready to forward").arg(filedNumber_));
             }
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("open the case"), [this] {
                          shell_.showCase(filedCaseId_);
                          CaseDetailsDialog* details = shell_.caseDetails();
                          if (!details->isVisible() || details->forwardButton()->isHidden() ||
                              !details->forwardButton()->isEnabled()) {
                              fail(QStringLiteral("case %1 offers no forwarding to %2")
                                       .arg(filedNumber_, plan_.manager.username));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("forward it to the competent authority"), [this] {
             CaseDetailsDialog* details = shell_.caseDetails();
             details->forwardCase();
             if (details->status()->text() !=
                 WorkQueuesTable::statusName(kep::cases::CaseStatus::Forwarded)) {
                 fail(QStringLiteral("%1 not forwarded: %2")
                          .arg(filedNumber_, details->forwardOutcome()->text()));
                 return Outcome::Failed;
             }
             shell_.syncControls()->editCommitted();  // to the server now, for the authority
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the forwarded case"), [=, this] {
                          CaseDetailsDialog* details = shell_.caseDetails();
                          const Outcome saved =
                              save(details->grab(), QStringLiteral("forwarded-%1").arg(language));
                          details->hide();
                          return saved;
                      }});
}

void TourRunner::addDashboard(const QString& language, bool national) {
    const QString scope = national ? QStringLiteral("national") : QStringLiteral("office");
    steps_.push_back(
        {QStringLiteral("open the %1 dashboard").arg(scope), [=, this] {
             figuresIn_ = false;
             figuresError_.clear();
             DashboardEntry* dashboards = shell_.dashboards();
             // Ctrl+Shift+N, Ctrl+Shift+D
             (national ? dashboards->nationalAction() : dashboards->officeAction())->trigger();
             return Outcome::Done;
         }});
    steps_.push_back(
        {QStringLiteral("wait for the %1 figures").arg(scope), [=, this] {
             if (!figuresError_.isEmpty()) {
                 fail(figuresError_);
                 return Outcome::Failed;
             }
             DashboardEntry* dashboards = shell_.dashboards();
             const QWidget* page = national ? static_cast<QWidget*>(dashboards->nationalDashboard())
                                            : dashboards->officeDashboard();
             const bool offices =
                 !national ||
                 dashboards->nationalDashboard()->officeTables()->offices()->rowCount() > 0;
             if (!figuresIn_ || !offices || shell_.mainWindow()->pages()->currentWidget() != page) {
                 return waitFor(QStringLiteral("no %1 figures from the server").arg(scope));
             }
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the %1 dashboard").arg(scope), [=, this] {
                          return save(shell_.mainWindow()->grab(),
                                      QStringLiteral("%1-dashboard-%2").arg(scope, language));
                      }});
}

void TourRunner::addAuthorityDecision(const QString& language) {
    steps_.push_back(
        {QStringLiteral("find the forwarded case in the authority inbox"), [this] {
             AuthorityInboxWindow* window = shell_.authorityInbox()->window();
             if (window == nullptr || !window->isVisible()) {
                 return waitFor(QStringLiteral("the inbox did not open at the sign-in"));
             }
             QTableWidget* inbox = window->inbox();
             for (int row = 0; row < inbox->rowCount(); ++row) {
                 const QTableWidgetItem* number =
                     inbox->item(row, AuthorityInboxWindow::ProtocolNumber);
                 if (number != nullptr && number->text() == filedNumber_) {
                     inbox->setCurrentCell(row, AuthorityInboxWindow::ProtocolNumber);
                     window->openSelectedCase();
                     return Outcome::Done;
                 }
             }
             // The desk pushes the forwarding in the background: the inbox is read again.
             if (++polls_ % kPollsPerAsk == 0) {
                 window->refresh();
             }
             return waitFor(
                 QStringLiteral("case %1 never reached the authority's inbox").arg(filedNumber_));
         }});
    const auto reaches = [this](const QString& status) {
        return [this, status] {
            const AuthorityInboxWindow* window = shell_.authorityInbox()->window();
            const auto& shown = window->shownCase();
            if (!shown || shown->protocolNumber != filedNumber_ || shown->status != status) {
                return waitFor(QStringLiteral("case %1 is not %2 at the authority: %3")
                                   .arg(filedNumber_, status, window->status()->text()));
            }
            return Outcome::Done;
        };
    };
    steps_.push_back(
        {QStringLiteral("open the case at the authority"), reaches(QStringLiteral("forwarded"))});
    steps_.push_back({QStringLiteral("screenshot the authority inbox"), [=, this] {
                          return save(shell_.authorityInbox()->window()->grab(),
                                      QStringLiteral("authority-inbox-%1").arg(language));
                      }});
    steps_.push_back({QStringLiteral("accept the case"), [this] {
                          shell_.authorityInbox()->window()->accept();
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("wait for the acceptance"), reaches(QStringLiteral("in_progress"))});
    steps_.push_back(
        {QStringLiteral("complete the case with a result PDF"), [=, this] {
             AuthorityInboxWindow* window = shell_.authorityInbox()->window();
             // The synthetic result: the case's own receipt, which the tour kept.
             const QString result =
                 QDir(plan_.outputDir).filePath(QStringLiteral("receipt-%1.pdf").arg(language));
             window->setResultChooser([result] { return result; });
             if (!window->completeButton()->isEnabled()) {
                 fail(QStringLiteral("case %1 cannot be completed: %2")
                          .arg(filedNumber_, window->status()->text()));
                 return Outcome::Failed;
             }
             window->complete();
             return Outcome::Done;
         }});
    steps_.push_back(
        {QStringLiteral("wait for the completion"), reaches(QStringLiteral("completed"))});
    steps_.push_back({QStringLiteral("screenshot the completed case"), [=, this] {
                          return save(shell_.authorityInbox()->window()->grab(),
                                      QStringLiteral("authority-completed-%1").arg(language));
                      }});
}

void TourRunner::addResultAtTheCounter(const QString& language) {
    steps_.push_back(
        {QStringLiteral("wait for the authority's result at the counter"), [this] {
             // The nudge brings the completed case; its details are read again now and then.
             CaseDetailsDialog* details = shell_.caseDetails();
             if (polls_++ % (kPollsPerAsk / 2) == 0) {
                 shell_.showCase(filedCaseId_);
             }
             if (!details->isVisible() ||
                 details->status()->text() !=
                     WorkQueuesTable::statusName(kep::cases::CaseStatus::Completed) ||
                 details->printResultButton()->isHidden()) {
                 return waitFor(
                     QStringLiteral("case %1 is not completed at the desk").arg(filedNumber_));
             }
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the result ready to print"), [=, this] {
                          return save(shell_.caseDetails()->grab(),
                                      QStringLiteral("result-%1").arg(language));
                      }});
}

}  // namespace kep::desk::ui
