// The office dashboard (managers; a clerk sees their own part): today's figures, the deadline
// radar, the 30-day trends and the workload per person from desk.db, so offline too; processing
// time and compliance from the server ("—" without it); any figure opens the cases behind it.
#pragma once

#include "dashboard/OfficeFigureQueries.h"
#include "dashboard/StatsReplies.h"

#include <QWidget>

#include <optional>
#include <string>

class QAction;
class QLabel;
class QToolButton;

namespace kep::desk {
class Clock;
}

namespace kep::desk::ui {

class CountChart;
class DrillDownPanel;
class FigureButton;
class MonthlyReportBar;
class WorkloadTable;

class OfficeDashboard : public QWidget {
    Q_OBJECT
public:
    // `clock` must outlive the page.
    explicit OfficeDashboard(const kep::desk::Clock& clock, QWidget* parent = nullptr);

    // The signed-in office's figures (must outlive the page, or be replaced); null empties the
    // page, as at sign-out. `onlyClerk` set: the workload shows that person alone.
    void setQueries(const kep::desk::dashboard::OfficeFigureQueries* queries,
                    std::optional<std::string> onlyClerk = std::nullopt);
    // Reads the desk's figures again and asks (serverFiguresWanted) for the server's.
    void refresh();
    // The server's overview of this office; nullopt (offline, refused) shows "—".
    void showServerFigures(const std::optional<kep::desk::dashboard::StatsOverview>& overview);
    // Lists the cases behind `figure` below the figures and moves the focus there.
    void drillDown(const kep::desk::dashboard::Figure& figure);

    const kep::desk::dashboard::OfficeFigures& figures() const { return figures_; }
    FigureButton* figureButton(kep::desk::dashboard::Figure::Kind kind) const;
    QLabel* processingMedian() const { return median_; }
    QLabel* processingP90() const { return p90_; }
    QLabel* deadlineCompliance() const { return compliance_; }
    QLabel* returnedRate() const { return returned_; }
    QLabel* rejectedRate() const { return rejected_; }
    QLabel* onlineShare() const { return online_; }
    CountChart* filedPerDay() const { return perDay_; }
    CountChart* byStatus() const { return byStatus_; }
    CountChart* byChannel() const { return byChannel_; }
    WorkloadTable* workload() const { return workload_; }
    DrillDownPanel* drillDownPanel() const { return drillDown_; }
    QAction* refreshAction() const { return refresh_; }
    // The month's report from the server: shown for the office's manager (DashboardEntry).
    MonthlyReportBar* reportBar() const { return report_; }

signals:
    void caseOpened(const QString& caseId);
    void serverFiguresWanted();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showFigures();
    void retranslateUi();
    QString figureName(const kep::desk::dashboard::Figure& figure) const;

    const kep::desk::Clock& clock_;
    const kep::desk::dashboard::OfficeFigureQueries* queries_ = nullptr;
    std::optional<std::string> onlyClerk_;
    kep::desk::dashboard::OfficeFigures figures_;
    std::optional<kep::desk::dashboard::StatsOverview> server_;
    std::optional<kep::desk::dashboard::Figure> drilled_;
    QLabel* heading_;
    QLabel* todayLabel_;
    QLabel* radarLabel_;
    QLabel* serverLabel_;
    QLabel* trendsLabel_;
    QLabel* workloadLabel_;
    FigureButton* filedToday_;
    FigureButton* open_;
    FigureButton* dueToday_;
    FigureButton* dueThisWeek_;
    FigureButton* overdue_;
    QLabel* medianLabel_;
    QLabel* median_;
    QLabel* p90Label_;
    QLabel* p90_;
    QLabel* complianceLabel_;
    QLabel* compliance_;
    QLabel* returnedLabel_;
    QLabel* returned_;
    QLabel* rejectedLabel_;
    QLabel* rejected_;
    QLabel* onlineLabel_;
    QLabel* online_;
    CountChart* perDay_;
    CountChart* byStatus_;
    CountChart* byChannel_;
    WorkloadTable* workload_;
    DrillDownPanel* drillDown_;
    QAction* refresh_;
    QToolButton* refreshButton_;
    MonthlyReportBar* report_;
};

}  // namespace kep::desk::ui
