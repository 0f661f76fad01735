#include "tour/TourRunner.h"

#include "AboutDialog.h"
#include "DeskShell.h"
#include "EnrolmentDialog.h"
#include "HomePage.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "SignInDialog.h"
#include "admin/UsersDialog.h"
#include "cases/ApprovalQueue.h"
#include "cases/CitizenPanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/DeskCatalogue.h"
#include "catalogue/ProcedureFinder.h"
#include "catalogue/ProcedureView.h"
#include "dashboard/DashboardEntry.h"
#include "shared/domain/TaxId.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QTabWidget>
#include <QTableWidget>

namespace kep::desk::ui {

namespace {
// Time for layouts and paint to settle after a step that changes the screen.
constexpr std::chrono::milliseconds kSettle{150};
constexpr std::chrono::milliseconds kPoll{50};

// What the clerk types at the counter: the acceptance query of issue 4, with accents.
const QString kCatalogueQuery = QStringLiteral("άδεια διαμονής");

// «Έκδοση πιστοποιητικού γέννησης»: a sample procedure that needs a manager's approval.
const QString kFilingProcedure = QStringLiteral("900005");
// Fixed, so every tour files for the same invented citizen.
constexpr std::uint64_t kCitizenSeed = 2026;

// One key press and release carrying `text`, as a keyboard sends it: the line edit's
// textChanged (the search per keystroke) runs as it does for a clerk.
void typeKey(QWidget* target, Qt::Key key, const QString& text = {}) {
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(target, &release);
}

// The window with a popup (menu) painted where it stands on screen, as a user would see it.
QPixmap withPopup(QWidget* window, QWidget* popup) {
    QPixmap shot = window->grab();
    QPainter painter(&shot);
    const QPoint at = popup->mapToGlobal(QPoint(0, 0)) - window->mapToGlobal(QPoint(0, 0));
    painter.drawPixmap(at, popup->grab());
    return shot;
}
}  // namespace

TourRunner::TourRunner(DeskShell& shell, ServerLink& link, LanguageManager& languages,
                       TourPlan plan, QObject* parent)
    : QObject(parent)
    , shell_(shell)
    , link_(link)
    , languages_(languages)
    , plan_(std::move(plan)) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &TourRunner::tick);
    stepClock_.setSingleShot(true);
    connect(&stepClock_, &QTimer::timeout, this, [this] { stepTimedOut_ = true; });
    connect(&shell_, &DeskShell::signedIn, this, [this] { signedIn_ = true; });
    connect(&shell_, &DeskShell::signInFailed, this, [this](const SignInFailure& failure) {
        signInError_ = SignInDialog::failureMessage(failure);
        if (!failure.detail.isEmpty()) {
            signInError_ += QStringLiteral(" (%1)").arg(failure.detail);
        }
    });
    connect(&shell_, &DeskShell::enrolled, this, [this] { enrolled_ = true; });
    // The dashboards' server figures (office and national), awaited by the steps that show them.
    connect(&shell_.dashboards()->stats(), &dashboard::StatsClient::overviewReceived, this,
            [this] { figuresIn_ = true; });
    connect(&shell_.dashboards()->stats(), &dashboard::StatsClient::failed, this,
            [this](const QByteArray& target, const admin::AdminFailure& failure) {
                figuresError_ = QStringLiteral("%1 answered %2 %3")
                                    .arg(QString::fromUtf8(target))
                                    .arg(failure.status)
                                    .arg(failure.code);
            });
    connect(&shell_, &DeskShell::enrolmentFailed, this, [this](const EnrolmentFailure& failure) {
        enrolmentError_ = EnrolmentDialog::failureMessage(failure);
        if (!failure.detail.isEmpty()) {
            enrolmentError_ += QStringLiteral(" (%1)").arg(failure.detail);
        }
    });

    const QString second =
        plan_.firstLanguage == QLatin1String("en") ? QStringLiteral("el") : QStringLiteral("en");
    addEnrolment();
    addPass(plan_.firstLanguage);
    addPass(second);
    steps_.push_back({QStringLiteral("sign out"), [this] {
                          shell_.signOut();
                          return Outcome::Done;
                      }});
}

TourRunner::~TourRunner() = default;

void TourRunner::addEnrolment() {
    const QString language = plan_.firstLanguage;
    steps_.push_back({QStringLiteral("switch the language to %1").arg(language), [=, this] {
                          shell_.switchLanguage(language);
                          if (languages_.language() != language) {
                              fail(QStringLiteral("the %1 translation is missing").arg(language));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("start the desk"), [this] {
                          shell_.start();
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("reach the server"), [this] {
             if (!link_.hasHealth()) {
                 return Outcome::Waiting;
             }
             if (!link_.isOnline()) {
                 fail(QStringLiteral("server unreachable: %1").arg(link_.health().detail));
                 return Outcome::Failed;
             }
             return Outcome::Done;
         }});
    // A workstation enrolled before (--data with a certificate) goes straight to sign-in.
    steps_.push_back({QStringLiteral("screenshot the enrolment dialog"), [=, this] {
                          if (!shell_.enrolmentDialog()->isVisible()) {
                              return Outcome::Done;
                          }
                          return save(shell_.enrolmentDialog()->grab(),
                                      QStringLiteral("enrol-%1").arg(language));
                      }});
    steps_.push_back(
        {QStringLiteral("enrol the workstation"), [this] {
             if (!shell_.enrolmentDialog()->isVisible()) {
                 enrolled_ = true;
                 return Outcome::Done;
             }
             if (plan_.enrolmentCode.isEmpty()) {
                 fail(QStringLiteral("no enrolment code for office %1").arg(plan_.account.office));
                 return Outcome::Failed;
             }
             enrolled_ = false;
             enrolmentError_.clear();
             shell_.enrolmentDialog()->submitCode(plan_.enrolmentCode);
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("wait for the enrolment"), [this] {
                          if (!enrolmentError_.isEmpty()) {
                              fail(QStringLiteral("enrolment refused: %1").arg(enrolmentError_));
                              return Outcome::Failed;
                          }
                          return enrolled_ && shell_.signInDialog()->isVisible() ? Outcome::Done
                                                                                 : Outcome::Waiting;
                      }});
}

void TourRunner::addSignIn(const DemoAccount& account) {
    steps_.push_back({QStringLiteral("sign in as %1").arg(account.username), [=, this] {
                          signedIn_ = false;
                          signInError_.clear();
                          shell_.signInDialog()->submitCredentials(account.username,
                                                                   account.password);
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("wait for the sign-in"), [=, this] {
                          if (!signInError_.isEmpty()) {
                              fail(QStringLiteral("sign-in refused for %1: %2")
                                       .arg(account.username, signInError_));
                              return Outcome::Failed;
                          }
                          return signedIn_ && shell_.mainWindow()->isVisible() ? Outcome::Done
                                                                               : Outcome::Waiting;
                      }});
}

void TourRunner::addPass(const QString& language) {
    steps_.push_back({QStringLiteral("switch the language to %1").arg(language), [=, this] {
                          shell_.switchLanguage(language);
                          if (languages_.language() != language) {
                              fail(QStringLiteral("the %1 translation is missing").arg(language));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("show the sign-in dialog"), [this] {
                          if (shell_.session()) {
                              shell_.signOut();
                          }
                          return shell_.signInDialog()->isVisible() ? Outcome::Done
                                                                    : Outcome::Waiting;
                      }});
    steps_.push_back({QStringLiteral("screenshot the sign-in dialog"), [=, this] {
                          return save(shell_.signInDialog()->grab(),
                                      QStringLiteral("sign-in-%1").arg(language));
                      }});
    // Issues 7 and 8 once, in the first pass, around the counter's own screens.
    const bool beyond = plan_.beyond.complete() && !plan_.manager.username.isEmpty() &&
                        language == plan_.firstLanguage;
    if (beyond) {
        addSignIn(plan_.beyond.central);
        addCircularSending(language);
        addSignOut();
    }
    addSignIn(plan_.account);
    steps_.push_back({QStringLiteral("screenshot the main window"), [=, this] {
                          return save(shell_.mainWindow()->grab(),
                                      QStringLiteral("main-%1").arg(language));
                      }});
    if (beyond) {
        addCircularReading(language, true);
        addOnlineApplication();
    }
    addCatalogueSearch(language);
    addFiling(language);
    steps_.push_back({QStringLiteral("open the View menu"), [this] {
                          MainWindow* window = shell_.mainWindow();
                          window->menuBar()->setActiveAction(window->viewMenu()->menuAction());
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("screenshot the View menu"), [=, this] {
                          MainWindow* window = shell_.mainWindow();
                          if (!window->viewMenu()->isVisible()) {
                              return Outcome::Waiting;
                          }
                          const Outcome saved = save(withPopup(window, window->viewMenu()),
                                                     QStringLiteral("menu-%1").arg(language));
                          window->viewMenu()->close();
                          return saved;
                      }});
    steps_.push_back({QStringLiteral("open About"), [this] {
                          shell_.mainWindow()->showAbout();
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("screenshot About"), [=, this] {
                          AboutDialog* about = shell_.mainWindow()->aboutDialog();
                          if (!about->isVisible()) {
                              return Outcome::Waiting;
                          }
                          const Outcome saved =
                              save(about->grab(), QStringLiteral("about-%1").arg(language));
                          about->close();
                          return saved;
                      }});
    if (beyond) {
        addOnlineApplicationInQueue(language);
    }
    if (plan_.manager.username.isEmpty()) {
        return;
    }
    addSignOut();
    addSignIn(plan_.manager);
    if (beyond) {
        addCircularReading(language, false);
    }
    steps_.push_back(
        {QStringLiteral("open the users screen"), [this] {
             shell_.showUsers();
             if (!shell_.usersDialog()) {
                 fail(QStringLiteral("%1 has no users screen").arg(plan_.manager.username));
                 return Outcome::Failed;
             }
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("screenshot the users screen"), [=, this] {
                          UsersDialog* users = shell_.usersDialog();
                          if (!users->isVisible() || !users->isLoaded()) {
                              return Outcome::Waiting;
                          }
                          const Outcome saved =
                              save(users->grab(), QStringLiteral("users-%1").arg(language));
                          users->close();
                          return saved;
                      }});
    addApproval(language);
    if (!beyond) {
        return;
    }
    addForwarding(language);
    addDashboard(language, false);
    addSignOut();
    addSignIn(plan_.beyond.authority);
    addAuthorityDecision(language);
    addSignOut();
    addSignIn(plan_.beyond.central);
    addDashboard(language, true);
    addSignOut();
    addSignIn(plan_.account);
    addResultAtTheCounter(language);
}

void TourRunner::addSignOut() {
    steps_.push_back({QStringLiteral("sign out"), [this] {
                          if (shell_.session()) {
                              shell_.signOut();
                          }
                          return shell_.signInDialog()->isVisible() ? Outcome::Done
                                                                    : Outcome::Waiting;
                      }});
}

void TourRunner::addFiling(const QString& language) {
    // The Greek pass files for a Greek citizen (Greek receipt), the English one for a citizen of
    // another EU state, whose receipt is in English.
    const bool greek = language != QLatin1String("en");
    steps_.push_back({QStringLiteral("wait for protocol numbers"), [this] {
                          const cases::ProtocolLeaseKeeper* keeper = shell_.protocolLeaseKeeper();
                          if (keeper == nullptr) {
                              fail(
                                  QStringLiteral("%1 is of no office").arg(plan_.account.username));
                              return Outcome::Failed;
                          }
                          return keeper->remaining() > 0 ? Outcome::Done : Outcome::Waiting;
                      }});
    steps_.push_back(
        {QStringLiteral("start a case for %1").arg(kFilingProcedure), [this] {
             if (!shell_.mainWindow()->cataloguePage()->openProcedure(kFilingProcedure)) {
                 fail(QStringLiteral("procedure %1 is not in the catalogue").arg(kFilingProcedure));
                 return Outcome::Failed;
             }
             shell_.startNewCase(kFilingProcedure);
             if (shell_.filingForm() == nullptr) {
                 fail(QStringLiteral("no filing form for %1").arg(kFilingProcedure));
                 return Outcome::Failed;
             }
             return Outcome::Done;
         }});
    steps_.push_back({QStringLiteral("fill in a synthetic citizen"), [=, this] {
                          CitizenPanel* citizen = shell_.filingForm()->citizenPanel();
                          if (greek) {
                              citizen->kind()->setCurrentIndex(0);
                              kep::domain::SyntheticTaxIds taxIds(kCitizenSeed);
                              citizen->afm()->setText(QString::fromStdString(taxIds.afm()));
                              citizen->surnameEl()->setText(QStringLiteral("Παπαδοπούλου"));
                              citizen->givenNameEl()->setText(QStringLiteral("Ελένη"));
                          } else {
                              citizen->kind()->setCurrentIndex(1);
                              citizen->nationality()->setText(QStringLiteral("DE"));
                              citizen->documentType()->setCurrentIndex(0);
                              citizen->documentNumber()->setText(QStringLiteral("C01X00T47"));
                              citizen->surnameLatin()->setText(QStringLiteral("Becker"));
                              citizen->givenNameLatin()->setText(QStringLiteral("Anna"));
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("screenshot the filing form"), [=, this] {
                          return save(shell_.mainWindow()->grab(),
                                      QStringLiteral("filing-%1").arg(language));
                      }});
    steps_.push_back({QStringLiteral("file the case"), [this] {
                          FilingForm* form = shell_.filingForm();
                          filedNumber_.clear();
                          filedReceipt_.clear();
                          const auto filed =
                              connect(form, &FilingForm::caseFiled, this,
                                      [this](const QString& number, const QString& receipt) {
                                          filedNumber_ = number;
                                          filedReceipt_ = receipt;
                                      });
                          form->file();
                          disconnect(filed);
                          if (filedNumber_.isEmpty()) {
                              fail(QStringLiteral("not filed: %1").arg(form->outcome()->text()));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("keep the receipt"), [=, this] {
             const QString target =
                 QDir(plan_.outputDir).filePath(QStringLiteral("receipt-%1.pdf").arg(language));
             QFile::remove(target);
             if (filedReceipt_.isEmpty() || !QFile::copy(filedReceipt_, target)) {
                 fail(QStringLiteral("the receipt of %1 was not saved").arg(filedNumber_));
                 return Outcome::Failed;
             }
             shell_.mainWindow()->pages()->setCurrentWidget(shell_.mainWindow()->homePage());
             return Outcome::Done;
         }});
}

void TourRunner::addApproval(const QString& language) {
    steps_.push_back(
        {QStringLiteral("open the approval queue"), [this] {
             shell_.showApprovalQueue();
             ApprovalQueue* queue = shell_.approvalQueue();
             if (queue == nullptr) {
                 fail(QStringLiteral("%1 has no approval queue").arg(plan_.manager.username));
                 return Outcome::Failed;
             }
             QTableWidget* cases = queue->cases();
             for (int row = 0; row < cases->rowCount(); ++row) {
                 if (cases->item(row, 0)->text() == filedNumber_) {
                     cases->setCurrentCell(row, 0);
                     cases->setFocus(Qt::OtherFocusReason);
                     return Outcome::Done;
                 }
             }
             fail(QStringLiteral("case %1 is not waiting for approval").arg(filedNumber_));
             return Outcome::Failed;
         }});
    steps_.push_back({QStringLiteral("approve the case"), [this] {
                          ApprovalQueue* queue = shell_.approvalQueue();
                          bool approved = false;
                          const auto decided = connect(queue, &ApprovalQueue::decided, this,
                                                       [&approved] { approved = true; });
                          queue->approveSelected();
                          disconnect(decided);
                          if (!approved) {
                              fail(QStringLiteral("%1 not approved: %2")
                                       .arg(filedNumber_, queue->outcome()->text()));
                              return Outcome::Failed;
                          }
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("screenshot the approval"), [=, this] {
                          return save(shell_.mainWindow()->grab(),
                                      QStringLiteral("approval-%1").arg(language));
                      }});
}

void TourRunner::addCatalogueSearch(const QString& language) {
    steps_.push_back({QStringLiteral("wait for the catalogue"), [this] {
                          if (shell_.catalogue() == nullptr) {
                              fail(QStringLiteral("this desk has no catalogue"));
                              return Outcome::Failed;
                          }
                          return shell_.catalogue()->index().size() > 0 ? Outcome::Done
                                                                        : Outcome::Waiting;
                      }});
    steps_.push_back({QStringLiteral("open the procedure finder"), [this] {
                          MainWindow* window = shell_.mainWindow();
                          window->findProcedureAction()->trigger();
                          window->cataloguePage()->finder()->searchField()->clear();
                          typed_ = 0;
                          return Outcome::Done;
                      }});
    steps_.push_back(
        {QStringLiteral("type «%1»").arg(kCatalogueQuery), [this] {
             // One character per tick, so each keystroke's search is painted.
             QLineEdit* field = shell_.mainWindow()->cataloguePage()->finder()->searchField();
             if (typed_ < kCatalogueQuery.size()) {
                 typeKey(field, Qt::Key_unknown, kCatalogueQuery.mid(typed_++, 1));
                 return Outcome::Waiting;
             }
             return field->text() == kCatalogueQuery ? Outcome::Done : Outcome::Waiting;
         }});
    steps_.push_back({QStringLiteral("screenshot the search results"), [=, this] {
                          MainWindow* window = shell_.mainWindow();
                          if (window->cataloguePage()->finder()->results()->count() == 0) {
                              fail(QStringLiteral("«%1» found nothing").arg(kCatalogueQuery));
                              return Outcome::Failed;
                          }
                          return save(window->grab(), QStringLiteral("search-%1").arg(language));
                      }});
    steps_.push_back({QStringLiteral("open the first procedure"), [this] {
                          ProcedureFinder* finder = shell_.mainWindow()->cataloguePage()->finder();
                          finder->results()->setCurrentRow(0);
                          typeKey(finder->searchField(), Qt::Key_Return);
                          return Outcome::Done;
                      }});
    steps_.push_back({QStringLiteral("screenshot the procedure"), [=, this] {
                          MainWindow* window = shell_.mainWindow();
                          if (window->cataloguePage()->view()->procedureId().isEmpty()) {
                              return Outcome::Waiting;
                          }
                          const Outcome saved =
                              save(window->grab(), QStringLiteral("procedure-%1").arg(language));
                          window->pages()->setCurrentWidget(window->homePage());
                          return saved;
                      }});
}

void TourRunner::start() {
    if (!QDir().mkpath(plan_.outputDir)) {
        fail(QStringLiteral("cannot create %1").arg(plan_.outputDir));
        // Reported from the event loop, like every other outcome, so a caller that connects
        // finished() to QApplication::exit() sees it after exec() has started.
        QTimer::singleShot(0, this, [this] { emit finished(1, failure_); });
        return;
    }
    current_ = 0;
    stepTimedOut_ = false;
    stepClock_.start(plan_.stepTimeout);
    timer_.start(0);
}

void TourRunner::tick() {
    if (current_ >= steps_.size()) {
        emit finished(0, QString());
        return;
    }
    const Step& step = steps_[current_];
    switch (step.run()) {
        case Outcome::Done:
            ++current_;
            stepTimedOut_ = false;
            waitingFor_.clear();
            polls_ = 0;
            stepClock_.start(plan_.stepTimeout);
            timer_.start(kSettle);
            return;
        case Outcome::Waiting:
            if (stepTimedOut_) {
                fail(QStringLiteral("timed out after %1 s%2")
                         .arg(std::chrono::duration<double>(plan_.stepTimeout).count())
                         .arg(waitingFor_.isEmpty() ? QString()
                                                    : QStringLiteral(": ") + waitingFor_));
                break;
            }
            timer_.start(kPoll);
            return;
        case Outcome::Failed:
            break;
    }
    stepClock_.stop();
    emit finished(1, QStringLiteral("tour step \"%1\" failed: %2").arg(step.what, failure_));
}

void TourRunner::fail(const QString& why) {
    failure_ = why;
}

TourRunner::Outcome TourRunner::waitFor(const QString& why) {
    waitingFor_ = why;
    return Outcome::Waiting;
}

TourRunner::Outcome TourRunner::save(const QPixmap& shot, const QString& name) {
    const QString fileName =
        QStringLiteral("%1-%2.png").arg(shotNumber_ + 1, 2, 10, QLatin1Char('0')).arg(name);
    if (shot.isNull() || !shot.save(QDir(plan_.outputDir).filePath(fileName), "PNG")) {
        fail(QStringLiteral("cannot write %1").arg(QDir(plan_.outputDir).filePath(fileName)));
        return Outcome::Failed;
    }
    ++shotNumber_;
    written_.append(fileName);
    emit screenshotWritten(fileName);
    return Outcome::Done;
}

}  // namespace kep::desk::ui
