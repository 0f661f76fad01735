// The national dashboard's offices: a table per region (sums of its offices), a table per office
// — both sortable by any column — and the offices whose desks lag in sync, highlighted.
#pragma once

#include "dashboard/StatsReplies.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace kep::desk::ui {

class RegionOfficeTables : public QWidget {
    Q_OBJECT
public:
    // An office lags when its slowest desk has not pushed or pulled for this long: desks online
    // sync within seconds of a change, so half an hour means a desk off the network.
    static constexpr std::int64_t kSyncLagThresholdSeconds = 30 * 60;

    enum RegionColumn {
        RegionName,
        RegionOffices,
        RegionFiled,
        RegionOpen,
        RegionOverdue,
        RegionLagging,
        RegionColumnCount
    };
    enum OfficeColumn {
        OfficeCode,
        OfficeName,
        OfficeRegion,
        OfficeFiled,
        OfficeOpen,
        OfficeOverdue,
        OfficeMedian,
        OfficeP90,
        OfficeCompliance,
        OfficeSyncLag,
        OfficeColumnCount
    };

    explicit RegionOfficeTables(QWidget* parent = nullptr);

    void showOffices(const QList<kep::desk::dashboard::OfficeStats>& offices);
    // Only the offices of `region` in the offices table ("" every office).
    void showRegion(const QString& region);
    static bool lags(const kep::desk::dashboard::OfficeStats& office);

    QTableWidget* regions() const { return regions_; }
    QTableWidget* offices() const { return offices_; }
    QListWidget* lagging() const { return lagging_; }

signals:
    void regionActivated(const QString& region);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillRegions();
    void fillOffices();
    void fillLagging();
    void retranslateUi();

    QList<kep::desk::dashboard::OfficeStats> shown_;
    QString region_;
    QLabel* regionsLabel_;
    QTableWidget* regions_;
    QLabel* officesLabel_;
    QTableWidget* offices_;
    QLabel* laggingLabel_;
    QListWidget* lagging_;
};

}  // namespace kep::desk::ui
