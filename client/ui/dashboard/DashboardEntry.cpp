#include "dashboard/DashboardEntry.h"

#include "dashboard/MonthlyReport.h"
#include "dashboard/MonthlyReportBar.h"
#include "dashboard/NationalDashboard.h"
#include "dashboard/OfficeDashboard.h"
#include "dashboard/OfficeFigureQueries.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QTabWidget>

namespace kep::desk::ui {

using kep::desk::dashboard::ProcedureOrder;
using kep::desk::dashboard::StatsScope;

DashboardEntry::DashboardEntry(ServerLink& link, const Clock& clock, QMenu* menu, QTabWidget* pages)
    : QObject(menu)
    , stats_(link)
    , menu_(menu)
    , pages_(pages)
    , officeAction_(new QAction(menu))
    , nationalAction_(new QAction(menu))
    , office_(new OfficeDashboard(clock, pages->window()))
    , national_(new NationalDashboard(pages->window())) {
    officeAction_->setObjectName(QStringLiteral("officeDashboardAction"));
    officeAction_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    nationalAction_->setObjectName(QStringLiteral("nationalDashboardAction"));
    nationalAction_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    for (QAction* action : {officeAction_, nationalAction_}) {
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setVisible(false);
        action->setEnabled(false);
        menu_->addAction(action);
    }
    menu_->installEventFilter(this);  // the menu hears of a language change; actions do not
    connect(officeAction_, &QAction::triggered, this, &DashboardEntry::showOffice);
    connect(nationalAction_, &QAction::triggered, this, &DashboardEntry::showNational);

    for (QWidget* page : {static_cast<QWidget*>(office_), static_cast<QWidget*>(national_)}) {
        page->hide();  // a tab once shown
        connect(page, &QWidget::windowTitleChanged, pages_, [this, page](const QString& title) {
            if (const int at = pages_->indexOf(page); at >= 0) {
                pages_->setTabText(at, title);
            }
        });
    }
    connect(office_, &OfficeDashboard::caseOpened, this, &DashboardEntry::caseOpened);
    connect(office_, &OfficeDashboard::serverFiguresWanted, this,
            &DashboardEntry::askOfficeServerFigures);
    connect(national_, &NationalDashboard::refreshRequested, this, &DashboardEntry::askNational);
    connect(national_, &NationalDashboard::scopeChosen, this, &DashboardEntry::askNationalScope);

    connect(&stats_, &dashboard::StatsClient::overviewReceived, this,
            [this](const StatsScope& scope, const dashboard::StatsOverview& overview) {
                if (scope.kind == StatsScope::Kind::Office) {
                    if (session_ && scope == officeScope()) {
                        office_->showServerFigures(overview);
                    }
                } else if (scope == national_->scope()) {
                    national_->showOverview(overview);
                }
            });
    connect(&stats_, &dashboard::StatsClient::proceduresReceived, this,
            [this](const StatsScope& scope, ProcedureOrder order,
                   const QList<dashboard::ProcedureStats>& procedures) {
                if (scope == national_->scope()) {
                    national_->showProcedures(order, procedures);
                }
            });
    connect(&stats_, &dashboard::StatsClient::officesReceived, national_,
            [this](const QString&, const QList<dashboard::OfficeStats>& offices) {
                national_->showOffices(offices);
            });
    connect(&stats_, &dashboard::StatsClient::failed, this, &DashboardEntry::failed);
    connect(office_->reportBar(), &MonthlyReportBar::saveRequested, this,
            &DashboardEntry::saveMonthlyReport);
    connect(&stats_, &dashboard::StatsClient::monthlyReportReceived, this,
            &DashboardEntry::monthlyReportReceived);
    chooseReportFile_ = [this](const QString& suggestedName) {
        return QFileDialog::getSaveFileName(
            office_, tr("Save the monthly report"), QDir::home().filePath(suggestedName),
            suggestedName.endsWith(QLatin1String(".csv")) ? tr("CSV (*.csv);;PDF (*.pdf)")
                                                          : tr("PDF (*.pdf);;CSV (*.csv)"));
    };
    retranslate();
}

DashboardEntry::~DashboardEntry() = default;

void DashboardEntry::retranslate() {
    officeAction_->setText(tr("Office &dashboard"));
    nationalAction_->setText(tr("&National dashboard"));
}

bool DashboardEntry::eventFilter(QObject* watched, QEvent* event) {
    if (watched == menu_ && event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    return QObject::eventFilter(watched, event);
}

void DashboardEntry::setSession(const std::optional<UserSession>& session,
                                const kep::desk::cases::CaseQueries* queries,
                                kep::db::Database* db) {
    session_ = session;
    const bool officeStaff =
        session && !session->officeCode.isEmpty() && queries != nullptr && db != nullptr;
    const bool central = session && session->role == QLatin1String("central_admin");
    officeAction_->setVisible(officeStaff);
    officeAction_->setEnabled(officeStaff);
    nationalAction_->setVisible(central);
    nationalAction_->setEnabled(central);

    office_->setQueries(nullptr);
    figures_.reset();
    // The report is the server's, and the server gives it to the office's manager only.
    office_->reportBar()->setVisible(officeStaff && serverFiguresForOffice());
    office_->reportBar()->showOutcome({});
    reportTarget_.clear();
    if (officeStaff) {
        figures_ = std::make_unique<dashboard::OfficeFigureQueries>(*queries, *db);
    } else {
        closePage(office_);
    }
    if (!central) {
        national_->showOffices({});
        national_->showNotice({});
        closePage(national_);
    }
}

bool DashboardEntry::serverFiguresForOffice() const {
    // stats.office: the office's manager; a clerk's dashboard is the desk's figures alone.
    return session_ && !session_->offline && session_->role == QLatin1String("manager");
}

StatsScope DashboardEntry::officeScope() const {
    return StatsScope::office(session_ ? session_->officeCode : QString());
}

void DashboardEntry::showOffice() {
    if (!figures_ || !session_) {
        return;
    }
    const bool manager = session_->role == QLatin1String("manager");
    office_->setQueries(figures_.get(),
                        manager ? std::nullopt : std::optional(session_->userId.toStdString()));
    showPage(office_);
}

void DashboardEntry::officeChanged() {
    if (figures_ && pages_->indexOf(office_) >= 0) {
        office_->refresh();
    }
}

void DashboardEntry::askOfficeServerFigures() {
    if (!serverFiguresForOffice()) {
        office_->showServerFigures(std::nullopt);
        return;
    }
    stats_.overview(officeScope());
}

void DashboardEntry::showNational() {
    if (!session_ || session_->role != QLatin1String("central_admin")) {
        return;
    }
    showPage(national_);
    askNational();
}

void DashboardEntry::askNational() {
    if (!session_ || session_->role != QLatin1String("central_admin")) {
        return;
    }
    if (session_->offline) {
        national_->showNotice(
            tr("The national figures come from the server: sign in online to see them."));
        return;
    }
    national_->showNotice({});
    stats_.offices();
    askNationalScope(national_->scope());
}

void DashboardEntry::askNationalScope(const StatsScope& scope) {
    if (!session_ || session_->offline) {
        return;
    }
    stats_.overview(scope);
    stats_.procedures(scope, ProcedureOrder::Top);
    stats_.procedures(scope, ProcedureOrder::Slowest);
}

void DashboardEntry::saveMonthlyReport(const QDate& month) {
    if (!serverFiguresForOffice() || !month.isValid()) {
        return;
    }
    dashboard::MonthlyReportRequest request;
    request.office = session_->officeCode;
    request.month = month;
    // In the language the manager reads the desk in (LanguageManager sets the default locale).
    request.language =
        QLocale().language() == QLocale::Greek ? QStringLiteral("el") : QStringLiteral("en");
    const QString file = chooseReportFile_(dashboard::monthlyReportFileName(request));
    if (file.isEmpty()) {
        return;
    }
    request.format = dashboard::reportFormatOfFile(file);
    reportTarget_ = dashboard::monthlyReportTarget(request);
    reportFile_ = file;
    office_->reportBar()->showOutcome(tr("Asking the server for the report…"));
    stats_.monthlyReport(request);
}

void DashboardEntry::monthlyReportReceived(const QByteArray& target, const QByteArray& body) {
    if (target != reportTarget_) {
        return;  // an answer to a request since replaced, or of another session
    }
    reportTarget_.clear();
    QSaveFile out(reportFile_);
    const bool saved =
        out.open(QIODevice::WriteOnly) && out.write(body) == body.size() && out.commit();
    office_->reportBar()->showOutcome(
        saved ? tr("The report is saved in %1.").arg(QDir::toNativeSeparators(reportFile_))
              : tr("The report could not be written to %1: %2")
                    .arg(QDir::toNativeSeparators(reportFile_), out.errorString()));
}

void DashboardEntry::failed(const QByteArray& target, const admin::AdminFailure& failure) {
    if (!reportTarget_.isEmpty() && target == reportTarget_) {
        reportTarget_.clear();
        office_->reportBar()->showOutcome(
            failure.status == 0
                ? tr("The server cannot be reached, or its answer was not a "
                     "report: the report was not saved.")
                : tr("The server did not give the report: %1").arg(failure.message));
        return;
    }
    if (target == dashboard::StatsClient::overviewTarget(officeScope())) {
        office_->showServerFigures(std::nullopt);  // offline or refused: "—"
        return;
    }
    if (session_ && session_->role == QLatin1String("central_admin")) {
        national_->showNotice(
            failure.status == 0 && failure.code.isEmpty()
                ? tr("The server cannot be reached: the national figures are not up to date.")
                : tr("The server did not give the figures: %1").arg(failure.message));
    }
}

void DashboardEntry::showPage(QWidget* page) {
    if (pages_->indexOf(page) < 0) {
        pages_->addTab(page, page->windowTitle());
    }
    pages_->setCurrentWidget(page);
    page->setFocus(Qt::ShortcutFocusReason);
}

void DashboardEntry::closePage(QWidget* page) {
    if (const int at = pages_->indexOf(page); at >= 0) {
        pages_->removeTab(at);
    }
    page->hide();
}

}  // namespace kep::desk::ui
