#include "dashboard/NationalDashboard.h"

#include "dashboard/FigureText.h"
#include "dashboard/RegionOfficeTables.h"
#include "dashboard/SortableItem.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSet>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::desk::dashboard::ProcedureOrder;
using kep::desk::dashboard::ProcedureStats;
using kep::desk::dashboard::StatsScope;

QTableWidget* procedureTable(QWidget* parent) {
    auto* table = new QTableWidget(0, NationalDashboard::ProcedureColumnCount, parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(NationalDashboard::ProcedureTitle,
                                                    QHeaderView::Stretch);
    table->setMinimumHeight(160);
    // The server's order (most filed, slowest first) until a heading is clicked.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    return table;
}

void fillProcedures(QTableWidget* table, const QList<ProcedureStats>& procedures) {
    const bool english = QLocale().language() == QLocale::English;
    table->setSortingEnabled(false);
    table->setRowCount(int(procedures.size()));
    for (int row = 0; row < int(procedures.size()); ++row) {
        const ProcedureStats& p = procedures[row];
        QString title = english && !p.titleEn.isEmpty() ? p.titleEn : p.title;
        if (title.isEmpty()) {
            title = p.id;  // not in the published catalogue
        }
        auto* name = new QTableWidgetItem(title);
        name->setToolTip(p.id);
        table->setItem(row, NationalDashboard::ProcedureTitle, name);
        table->setItem(row, NationalDashboard::ProcedureFiled,
                       new SortableItem(FigureText::count(p.filed), double(p.filed)));
        table->setItem(
            row, NationalDashboard::ProcedureMedian,
            new SortableItem(FigureText::days(p.processingDays.median), p.processingDays.median));
        table->setItem(
            row, NationalDashboard::ProcedureP90,
            new SortableItem(FigureText::days(p.processingDays.p90), p.processingDays.p90));
        table->setItem(
            row, NationalDashboard::ProcedureCompliance,
            new SortableItem(FigureText::share(p.deadlineCompliance), p.deadlineCompliance));
    }
    table->setSortingEnabled(true);
}

}  // namespace

NationalDashboard::NationalDashboard(QWidget* parent)
    : QWidget(parent)
    , heading_(new QLabel(this))
    , notice_(new QLabel(this))
    , regionLabel_(new QLabel(this))
    , region_(new QComboBox(this))
    , tables_(new RegionOfficeTables(this))
    , topLabel_(new QLabel(this))
    , top_(procedureTable(this))
    , slowestLabel_(new QLabel(this))
    , slowest_(procedureTable(this))
    , refresh_(new QAction(this))
    , refreshButton_(new QToolButton(this)) {
    setObjectName(QStringLiteral("nationalDashboard"));
    help::setTopic(this, QStringLiteral("national-dashboard"));
    top_->setObjectName(QStringLiteral("nationalTopProcedures"));
    slowest_->setObjectName(QStringLiteral("nationalSlowestProcedures"));
    QFont bold = heading_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading_->setFont(bold);
    notice_->setStyleSheet(QStringLiteral("color: #b00020;"));
    notice_->setWordWrap(true);
    notice_->hide();
    regionLabel_->setBuddy(region_);
    topLabel_->setBuddy(top_);
    slowestLabel_->setBuddy(slowest_);
    region_->addItem(QString(), QString());  // the whole country; named in retranslateUi()

    auto* figures = new QGridLayout;
    for (int i = 0; i < HeadlineCount; ++i) {
        auto* name = new QLabel(this);
        auto* value = new QLabel(FigureText::unknown(), this);
        value->setFocusPolicy(Qt::TabFocus);
        value->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        QFont large = value->font();
        large.setPointSizeF(large.pointSizeF() * 1.3);
        large.setBold(true);
        value->setFont(large);
        name->setBuddy(value);
        figures->addWidget(value, 0, i);
        figures->addWidget(name, 1, i);
        names_ << name;
        values_ << value;
    }

    refresh_->setObjectName(QStringLiteral("nationalRefreshAction"));
    refresh_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refresh_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refresh_);
    connect(refresh_, &QAction::triggered, this, &NationalDashboard::refreshRequested);
    refreshButton_->setDefaultAction(refresh_);

    connect(region_, &QComboBox::currentIndexChanged, this, [this] {
        tables_->showRegion(region_->currentData().toString());
        emit scopeChosen(scope());
    });
    connect(tables_, &RegionOfficeTables::regionActivated, this, &NationalDashboard::chooseRegion);

    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    top->addWidget(regionLabel_);
    top->addWidget(region_);
    top->addWidget(refreshButton_);
    auto* procedures = new QHBoxLayout;
    auto* topColumn = new QVBoxLayout;
    topColumn->addWidget(topLabel_);
    topColumn->addWidget(top_);
    auto* slowColumn = new QVBoxLayout;
    slowColumn->addWidget(slowestLabel_);
    slowColumn->addWidget(slowest_);
    procedures->addLayout(topColumn);
    procedures->addLayout(slowColumn);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addLayout(top);
    column->addWidget(notice_);
    column->addLayout(figures);
    column->addWidget(tables_, 2);
    column->addLayout(procedures, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    setFocusProxy(region_);
    retranslateUi();
}

StatsScope NationalDashboard::scope() const {
    const QString region = region_->currentData().toString();
    return region.isEmpty() ? StatsScope{} : StatsScope::region(region);
}

void NationalDashboard::chooseRegion(const QString& region) {
    const int at = region_->findData(region);
    if (at >= 0) {
        region_->setCurrentIndex(at);
    }
}

void NationalDashboard::showOverview(const kep::desk::dashboard::StatsOverview& overview) {
    overview_ = overview;
    const QString texts[HeadlineCount] = {FigureText::count(overview.filed),
                                          FigureText::count(overview.backlog),
                                          FigureText::count(overview.overdue),
                                          FigureText::days(overview.processingDays.median),
                                          FigureText::days(overview.processingDays.p90),
                                          FigureText::share(overview.deadlineCompliance),
                                          FigureText::share(overview.onlineShare)};
    for (int i = 0; i < HeadlineCount; ++i) {
        values_[i]->setText(texts[i]);
        values_[i]->setAccessibleName(QStringLiteral("%1: %2").arg(names_[i]->text(), texts[i]));
    }
}

void NationalDashboard::showOffices(const QList<kep::desk::dashboard::OfficeStats>& offices) {
    tables_->showOffices(offices);
    // The regions to choose from are the offices' own; the choice survives a refresh.
    const QString chosen = region_->currentData().toString();
    QStringList regions;
    for (const auto& office : offices) {
        if (!office.region.isEmpty() && !regions.contains(office.region)) {
            regions << office.region;
        }
    }
    regions.sort(Qt::CaseInsensitive);
    const QSignalBlocker quiet(region_);
    while (region_->count() > 1) {
        region_->removeItem(1);
    }
    for (const QString& region : regions) {
        region_->addItem(region, region);
    }
    region_->setCurrentIndex(std::max(0, region_->findData(chosen)));
    tables_->showRegion(region_->currentData().toString());
}

void NationalDashboard::showProcedures(ProcedureOrder order,
                                       const QList<ProcedureStats>& procedures) {
    (order == ProcedureOrder::Top ? shownTop_ : shownSlowest_) = procedures;
    fillProcedures(order == ProcedureOrder::Top ? top_ : slowest_, procedures);
}

void NationalDashboard::showNotice(const QString& notice) {
    notice_->setText(notice);
    notice_->setVisible(!notice.isEmpty());
    notice_->setAccessibleName(notice);
}

void NationalDashboard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (overview_) {
            showOverview(*overview_);
        }
        fillProcedures(top_, shownTop_);
        fillProcedures(slowest_, shownSlowest_);
    }
    QWidget::changeEvent(event);
}

void NationalDashboard::retranslateUi() {
    setWindowTitle(tr("&National dashboard"));
    heading_->setText(tr("National figures, the last 30 days"));
    regionLabel_->setText(tr("&Scope:"));
    region_->setItemText(0, tr("All of Greece"));
    region_->setAccessibleName(tr("Region shown"));
    const QString names[HeadlineCount] = {tr("Filed"),
                                          tr("Open cases"),
                                          tr("Overdue"),
                                          tr("Processing time, median"),
                                          tr("Processing time, 90th percentile"),
                                          tr("Completed within the deadline"),
                                          tr("Filed online")};
    for (int i = 0; i < HeadlineCount; ++i) {
        names_[i]->setText(names[i]);
        values_[i]->setAccessibleName(QStringLiteral("%1: %2").arg(names[i], values_[i]->text()));
    }
    topLabel_->setText(tr("&Top procedures (most filed)"));
    slowestLabel_->setText(tr("Slo&west procedures (median time, at least 5 completed)"));
    const QStringList headers{tr("Procedure"), tr("Filed"), tr("Median time"),
                              tr("90th percentile"), tr("Within deadline")};
    top_->setHorizontalHeaderLabels(headers);
    slowest_->setHorizontalHeaderLabels(headers);
    top_->setAccessibleName(tr("Top procedures"));
    slowest_->setAccessibleName(tr("Slowest procedures"));
    refresh_->setText(tr("&Refresh"));
    refresh_->setToolTip(tr("Ask the server again (Ctrl+R)"));
    refreshButton_->setAccessibleName(tr("Refresh the figures"));
    setAccessibleName(tr("National dashboard"));
}

}  // namespace kep::desk::ui
