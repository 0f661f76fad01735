#include "dashboard/CountChart.h"

#include "dashboard/FigureText.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace kep::desk::ui {

CountChart::CountChart(Shape shape, QWidget* parent)
    : QWidget(parent)
    , shape_(shape)
    , title_(new QLabel(this))
    , chart_(new QChart)
    , view_(new QChartView(chart_, this))
    , table_(new QTableWidget(0, 2, this)) {
    chart_->setAnimationOptions(QChart::NoAnimation);  // first paint at once, not after 1 s
    chart_->legend()->setVisible(shape == Shape::Pie);
    chart_->legend()->setAlignment(Qt::AlignRight);
    chart_->setMargins(QMargins(2, 2, 2, 2));
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(200);
    view_->setFocusPolicy(Qt::NoFocus);  // the table beside it is the keyboard's way in

    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTabKeyNavigation(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->setMaximumWidth(300);
    title_->setBuddy(table_);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    connect(table_, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { emit activated(index.row()); });
    connect(table_, &QAbstractItemView::clicked, this,
            [this](const QModelIndex& index) { emit activated(index.row()); });

    auto* body = new QHBoxLayout;
    body->addWidget(view_, 1);
    body->addWidget(table_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addLayout(body, 1);
    retranslateUi();
}

void CountChart::setTitle(const QString& title) {
    title_->setText(title);
    QString plain = title;
    plain.remove(QLatin1Char('&'));
    table_->setAccessibleName(plain);
    view_->setAccessibleName(plain);
}

void CountChart::setCounts(const QList<Entry>& entries) {
    table_->setRowCount(int(entries.size()));
    for (int row = 0; row < int(entries.size()); ++row) {
        const Entry& e = entries[row];
        table_->setItem(row, 0, new QTableWidgetItem(e.label));
        auto* count = new QTableWidgetItem(FigureText::count(e.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, 1, count);
    }
    chart_->removeAllSeries();
    for (QAbstractAxis* axis : chart_->axes()) {
        chart_->removeAxis(axis);
        delete axis;
    }
    if (shape_ == Shape::Pie) {
        drawPie(entries);
    } else {
        drawBars(entries);
    }
}

void CountChart::drawBars(const QList<Entry>& entries) {
    auto* set = new QBarSet(title_->text().remove(QLatin1Char('&')));
    QStringList categories;
    std::int64_t highest = 0;
    for (const Entry& e : entries) {
        *set << qreal(e.count);
        categories << (e.axisLabel.isEmpty() ? e.label : e.axisLabel);
        highest = std::max(highest, e.count);
    }
    connect(set, &QBarSet::clicked, this, &CountChart::activated);
    QAbstractBarSeries* series = nullptr;
    if (shape_ == Shape::Columns) {
        series = new QBarSeries;
    } else {
        series = new QHorizontalBarSeries;
    }
    series->append(set);
    series->setBarWidth(0.8);
    chart_->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(categories);
    auto* values = new QValueAxis;
    values->setRange(0, double(std::max<std::int64_t>(highest, 1)));
    values->setLabelFormat(QStringLiteral("%d"));
    values->applyNiceNumbers();
    if (shape_ == Shape::Columns) {
        names->setLabelsAngle(-90);
        chart_->addAxis(names, Qt::AlignBottom);
        chart_->addAxis(values, Qt::AlignLeft);
    } else {
        chart_->addAxis(names, Qt::AlignLeft);
        chart_->addAxis(values, Qt::AlignBottom);
    }
    series->attachAxis(names);
    series->attachAxis(values);
}

void CountChart::drawPie(const QList<Entry>& entries) {
    auto* series = new QPieSeries;
    for (const Entry& e : entries) {
        series->append(QStringLiteral("%1 (%2)").arg(e.label, FigureText::count(e.count)),
                       qreal(e.count));
    }
    connect(series, &QPieSeries::clicked, this, [this, series](QPieSlice* slice) {
        emit activated(int(series->slices().indexOf(slice)));
    });
    chart_->addSeries(series);
}

void CountChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CountChart::retranslateUi() {
    table_->setHorizontalHeaderLabels({tr("Figure"), tr("Cases")});
    table_->setAccessibleDescription(tr("Enter or a click lists the cases behind a row."));
}

}  // namespace kep::desk::ui
