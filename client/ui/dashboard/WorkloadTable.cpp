#include "dashboard/WorkloadTable.h"

#include "dashboard/FigureText.h"

#include <QEvent>
#include <QHeaderView>

namespace kep::desk::ui {

using kep::desk::dashboard::Figure;

WorkloadTable::WorkloadTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("dashboardWorkload"));
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
    setSortingEnabled(false);  // a table sorted by load would be a ranking of people
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    horizontalHeader()->setSectionsClickable(false);
    connect(this, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { activate(index.row(), index.column()); });
    connect(this, &QAbstractItemView::clicked, this,
            [this](const QModelIndex& index) { activate(index.row(), index.column()); });
    retranslateUi();
}

void WorkloadTable::showWorkload(const std::vector<kep::desk::dashboard::ClerkWorkload>& workload) {
    shown_ = workload;
    setRowCount(int(workload.size()));
    for (int row = 0; row < int(workload.size()); ++row) {
        const auto& w = workload[std::size_t(row)];
        setItem(row, Name, new QTableWidgetItem(QString::fromStdString(w.name)));
        for (const auto& [column, value] :
             {std::pair{OpenCases, w.openCases}, std::pair{FiledThisMonth, w.filedThisMonth}}) {
            auto* item = new QTableWidgetItem(FigureText::count(value));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, column, item);
        }
    }
}

void WorkloadTable::activate(int row, int column) {
    if (row < 0 || row >= int(shown_.size())) {
        return;
    }
    Figure figure;
    figure.kind =
        column == FiledThisMonth ? Figure::Kind::ClerkFiledThisMonth : Figure::Kind::ClerkOpenCases;
    figure.userId = shown_[std::size_t(row)].userId;
    emit figureActivated(figure);
}

void WorkloadTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QTableWidget::changeEvent(event);
}

void WorkloadTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Name"), tr("Open cases"), tr("Filed this month")});
    setAccessibleName(tr("Workload per person, alphabetical"));
    setAccessibleDescription(
        tr("Left and Right choose open cases or filed this month, Enter lists those cases."));
}

}  // namespace kep::desk::ui
