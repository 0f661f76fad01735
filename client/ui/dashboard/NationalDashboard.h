// The national dashboard (central administration): the nation's or a region's figures, every
// region and office in sortable tables, the offices whose desks lag in sync, and the top and
// slowest procedures — all from the stats API, so it needs the server.
#pragma once

#include "dashboard/StatsClient.h"
#include "dashboard/StatsReplies.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTableWidget;
class QToolButton;

namespace kep::desk::ui {

class RegionOfficeTables;

class NationalDashboard : public QWidget {
    Q_OBJECT
public:
    enum ProcedureColumn {
        ProcedureTitle,
        ProcedureFiled,
        ProcedureMedian,
        ProcedureP90,
        ProcedureCompliance,
        ProcedureColumnCount
    };

    explicit NationalDashboard(QWidget* parent = nullptr);

    // The scope whose figures are asked for: the nation, or the region chosen.
    kep::desk::dashboard::StatsScope scope() const;
    void chooseRegion(const QString& region);  // "" the whole country

    void showOverview(const kep::desk::dashboard::StatsOverview& overview);
    void showOffices(const QList<kep::desk::dashboard::OfficeStats>& offices);
    void showProcedures(kep::desk::dashboard::ProcedureOrder order,
                        const QList<kep::desk::dashboard::ProcedureStats>& procedures);
    // Why there is nothing to show (offline, a refusal); empty hides the notice.
    void showNotice(const QString& notice);

    QLabel* notice() const { return notice_; }
    QLabel* figure(int index) const { return values_.value(index); }
    QComboBox* regionChooser() const { return region_; }
    RegionOfficeTables* officeTables() const { return tables_; }
    QTableWidget* topProcedures() const { return top_; }
    QTableWidget* slowestProcedures() const { return slowest_; }
    QAction* refreshAction() const { return refresh_; }

    // figure(): filed, open cases, overdue, median, p90, within deadline, filed online.
    enum Headline { Filed, Open, Overdue, Median, P90, Compliance, Online, HeadlineCount };

signals:
    void scopeChosen(const kep::desk::dashboard::StatsScope& scope);
    void refreshRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::optional<kep::desk::dashboard::StatsOverview> overview_;
    QList<kep::desk::dashboard::ProcedureStats> shownTop_;
    QList<kep::desk::dashboard::ProcedureStats> shownSlowest_;
    QLabel* heading_;
    QLabel* notice_;
    QLabel* regionLabel_;
    QComboBox* region_;
    QList<QLabel*> names_;
    QList<QLabel*> values_;
    RegionOfficeTables* tables_;
    QLabel* topLabel_;
    QTableWidget* top_;
    QLabel* slowestLabel_;
    QTableWidget* slowest_;
    QAction* refresh_;
    QToolButton* refreshButton_;
};

}  // namespace kep::desk::ui
