#include "dashboard/RegionOfficeTables.h"

#include "dashboard/FigureText.h"
#include "dashboard/SortableItem.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kep::desk::ui {

namespace {

using kep::desk::dashboard::OfficeStats;

QTableWidget* sortableTable(int columns, QWidget* parent) {
    auto* table = new QTableWidget(0, columns, parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    // The server's order (office code) until a heading is clicked.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    return table;
}

SortableItem* countItem(std::int64_t value) {
    return new SortableItem(FigureText::count(value), double(value));
}

struct RegionSum {
    int offices = 0;
    std::int64_t filed = 0;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
    int lagging = 0;
};

}  // namespace

RegionOfficeTables::RegionOfficeTables(QWidget* parent)
    : QWidget(parent)
    , regionsLabel_(new QLabel(this))
    , regions_(sortableTable(RegionColumnCount, this))
    , officesLabel_(new QLabel(this))
    , offices_(sortableTable(OfficeColumnCount, this))
    , laggingLabel_(new QLabel(this))
    , lagging_(new QListWidget(this)) {
    regions_->setObjectName(QStringLiteral("nationalRegions"));
    offices_->setObjectName(QStringLiteral("nationalOffices"));
    lagging_->setObjectName(QStringLiteral("nationalLagging"));
    regionsLabel_->setBuddy(regions_);
    officesLabel_->setBuddy(offices_);
    laggingLabel_->setBuddy(lagging_);
    lagging_->setMaximumHeight(120);
    const auto activate = [this](const QModelIndex& index) {
        if (const QTableWidgetItem* name = regions_->item(index.row(), RegionName)) {
            emit regionActivated(name->data(Qt::UserRole).toString());
        }
    };
    connect(regions_, &QAbstractItemView::activated, this, activate);
    connect(regions_, &QAbstractItemView::clicked, this, activate);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(laggingLabel_);
    layout->addWidget(lagging_);
    layout->addWidget(regionsLabel_);
    layout->addWidget(regions_, 1);
    layout->addWidget(officesLabel_);
    layout->addWidget(offices_, 2);
    retranslateUi();
}

bool RegionOfficeTables::lags(const OfficeStats& office) {
    return office.syncLagSeconds && *office.syncLagSeconds > kSyncLagThresholdSeconds;
}

void RegionOfficeTables::showOffices(const QList<OfficeStats>& offices) {
    shown_ = offices;
    fillRegions();
    fillOffices();
    fillLagging();
}

void RegionOfficeTables::showRegion(const QString& region) {
    region_ = region;
    for (int row = 0; row < offices_->rowCount(); ++row) {
        const QTableWidgetItem* item = offices_->item(row, OfficeRegion);
        offices_->setRowHidden(row, !region.isEmpty() && item != nullptr && item->text() != region);
    }
}

void RegionOfficeTables::fillRegions() {
    QMap<QString, RegionSum> sums;
    for (const OfficeStats& office : shown_) {
        RegionSum& sum = sums[office.region];
        ++sum.offices;
        sum.filed += office.filed;
        sum.open += office.backlog;
        sum.overdue += office.overdue;
        sum.lagging += lags(office) ? 1 : 0;
    }
    regions_->setSortingEnabled(false);  // rows are filled in place, then sorted once
    regions_->setRowCount(int(sums.size()));
    int row = 0;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it, ++row) {
        auto* name = new QTableWidgetItem(it.key());
        name->setData(Qt::UserRole, it.key());
        regions_->setItem(row, RegionName, name);
        regions_->setItem(row, RegionOffices, countItem(it->offices));
        regions_->setItem(row, RegionFiled, countItem(it->filed));
        regions_->setItem(row, RegionOpen, countItem(it->open));
        regions_->setItem(row, RegionOverdue, countItem(it->overdue));
        regions_->setItem(row, RegionLagging, countItem(it->lagging));
    }
    regions_->setSortingEnabled(true);
}

void RegionOfficeTables::fillOffices() {
    offices_->setSortingEnabled(false);
    offices_->setRowCount(int(shown_.size()));
    const QColor lagColour(QStringLiteral("#fde2e1"));
    for (int row = 0; row < int(shown_.size()); ++row) {
        const OfficeStats& o = shown_[row];
        auto* code = new QTableWidgetItem(o.code);
        offices_->setItem(row, OfficeCode, code);
        offices_->setItem(row, OfficeName, new QTableWidgetItem(o.name));
        offices_->setItem(row, OfficeRegion, new QTableWidgetItem(o.region));
        offices_->setItem(row, OfficeFiled, countItem(o.filed));
        offices_->setItem(row, OfficeOpen, countItem(o.backlog));
        offices_->setItem(row, OfficeOverdue, countItem(o.overdue));
        offices_->setItem(
            row, OfficeMedian,
            new SortableItem(FigureText::days(o.processingDays.median), o.processingDays.median));
        offices_->setItem(
            row, OfficeP90,
            new SortableItem(FigureText::days(o.processingDays.p90), o.processingDays.p90));
        offices_->setItem(
            row, OfficeCompliance,
            new SortableItem(FigureText::share(o.deadlineCompliance), o.deadlineCompliance));
        const bool late = lags(o);
        // Said in words too, not by colour alone.
        const QString lag = late ? tr("%1 · lagging").arg(FigureText::syncLag(o.syncLagSeconds))
                                 : FigureText::syncLag(o.syncLagSeconds);
        offices_->setItem(row, OfficeSyncLag,
                          new SortableItem(lag, o.syncLagSeconds ? std::optional<double>(
                                                                       double(*o.syncLagSeconds))
                                                                 : std::nullopt));
        for (int column = 0; column < OfficeColumnCount; ++column) {
            if (late) {
                offices_->item(row, column)->setBackground(lagColour);
            }
        }
    }
    offices_->setSortingEnabled(true);
    showRegion(region_);
}

void RegionOfficeTables::fillLagging() {
    QList<OfficeStats> late;
    std::copy_if(shown_.begin(), shown_.end(), std::back_inserter(late), &RegionOfficeTables::lags);
    std::sort(late.begin(), late.end(), [](const OfficeStats& a, const OfficeStats& b) {
        return *a.syncLagSeconds > *b.syncLagSeconds;  // the longest silence first
    });
    lagging_->clear();
    for (const OfficeStats& o : late) {
        lagging_->addItem(
            tr("%1 %2 (%3): last synced %4 ago")
                .arg(o.code, o.name, o.region, FigureText::syncLag(o.syncLagSeconds)));
    }
    if (late.isEmpty() && !shown_.isEmpty()) {
        lagging_->addItem(tr("Every office's desks synced within the last 30 minutes."));
    }
}

void RegionOfficeTables::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showOffices(QList(shown_));
    }
    QWidget::changeEvent(event);
}

void RegionOfficeTables::retranslateUi() {
    regionsLabel_->setText(tr("By re&gion (Enter shows a region's offices)"));
    officesLabel_->setText(tr("By &office"));
    laggingLabel_->setText(tr("Offices whose desks &lag in sync (over 30 minutes)"));
    regions_->setHorizontalHeaderLabels({tr("Region"), tr("Offices"), tr("Filed"), tr("Open cases"),
                                         tr("Overdue"), tr("Lagging offices")});
    offices_->setHorizontalHeaderLabels(
        {tr("Code"), tr("Office"), tr("Region"), tr("Filed"), tr("Open cases"), tr("Overdue"),
         tr("Median time"), tr("90th percentile"), tr("Within deadline"), tr("Sync lag")});
    regions_->setAccessibleName(tr("Figures by region"));
    offices_->setAccessibleName(tr("Figures by office"));
    lagging_->setAccessibleName(tr("Offices whose desks lag in sync"));
    const QString sortHint = tr("Click a column heading to sort by it.");
    regions_->setAccessibleDescription(sortHint);
    offices_->setAccessibleDescription(sortHint);
}

}  // namespace kep::desk::ui
