// Where the dashboards are reached: View → Office dashboard (Ctrl+Shift+D) for an office's
// staff and View → National dashboard (Ctrl+Shift+N) for the central administration, each a page
// of the main window; the server's figures asked for when the session may have them.
#pragma once

#include "UserSession.h"
#include "dashboard/StatsClient.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace kep::db {
class Database;
}
namespace kep::desk {
class Clock;
class ServerLink;
}  // namespace kep::desk
namespace kep::desk::cases {
class CaseQueries;
}
namespace kep::desk::dashboard {
class OfficeFigureQueries;
}

namespace kep::desk::ui {

class NationalDashboard;
class OfficeDashboard;

class DashboardEntry : public QObject {
    Q_OBJECT
public:
    // Adds the two actions to `menu`; the pages become tabs of `pages` when shown. `link`,
    // `clock` and `pages` must outlive the entry.
    DashboardEntry(kep::desk::ServerLink& link, const kep::desk::Clock& clock, QMenu* menu,
                   QTabWidget* pages);
    ~DashboardEntry() override;

    // Who is signed in, and for an office's staff the office's queries over desk.db (both must
    // outlive the session). nullopt at sign-out: the pages are emptied and closed.
    void setSession(const std::optional<kep::desk::UserSession>& session,
                    const kep::desk::cases::CaseQueries* queries = nullptr,
                    kep::db::Database* db = nullptr);
    void showOffice();
    void showNational();
    // New cases pulled or filed: the office dashboard, if open, reads its figures again.
    void officeChanged();

    QAction* officeAction() const { return officeAction_; }
    QAction* nationalAction() const { return nationalAction_; }
    OfficeDashboard* officeDashboard() const { return office_; }
    NationalDashboard* nationalDashboard() const { return national_; }
    kep::desk::dashboard::StatsClient& stats() { return stats_; }

    // Where the manager saves the monthly report: given the server's file name, the file chosen
    // ("" = cancelled). A save dialog unless a test sets another.
    using ReportFileChooser = std::function<QString(const QString& suggestedName)>;
    void setReportFileChooser(ReportFileChooser chooser) { chooseReportFile_ = std::move(chooser); }

signals:
    void caseOpened(const QString& caseId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPage(QWidget* page);
    void closePage(QWidget* page);
    void askOfficeServerFigures();
    void askNational();
    void askNationalScope(const kep::desk::dashboard::StatsScope& scope);
    void failed(const QByteArray& target, const kep::desk::admin::AdminFailure& failure);
    // The office's report of `month` in the desk's language, saved where the manager says.
    void saveMonthlyReport(const QDate& month);
    void monthlyReportReceived(const QByteArray& target, const QByteArray& body);
    bool serverFiguresForOffice() const;
    kep::desk::dashboard::StatsScope officeScope() const;
    void retranslate();

    kep::desk::dashboard::StatsClient stats_;
    QMenu* menu_;
    QTabWidget* pages_;
    QAction* officeAction_;
    QAction* nationalAction_;
    OfficeDashboard* office_;      // owned by pages_'s window, hidden until shown
    NationalDashboard* national_;  // likewise
    std::optional<kep::desk::UserSession> session_;
    std::unique_ptr<kep::desk::dashboard::OfficeFigureQueries> figures_;
    ReportFileChooser chooseReportFile_;
    QByteArray reportTarget_;  // the report asked for and not yet answered
    QString reportFile_;       // … and where it goes
};

}  // namespace kep::desk::ui
