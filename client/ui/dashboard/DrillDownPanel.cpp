#include "dashboard/DrillDownPanel.h"

#include "dashboard/FigureText.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace kep::desk::ui {

DrillDownPanel::DrillDownPanel(QWidget* parent)
    : QWidget(parent)
    , heading_(new QLabel(this))
    , table_(new WorkQueuesTable(this)) {
    table_->setObjectName(QStringLiteral("dashboardCases"));
    heading_->setBuddy(table_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(table_, 1);
    connect(table_, &WorkQueuesTable::caseOpened, this, &DrillDownPanel::caseOpened);
    retranslateUi();
}

void DrillDownPanel::showCases(const QString& figure, std::int64_t total,
                               const std::vector<kep::desk::cases::QueueCase>& cases,
                               const WorkQueuesTable::StaffName& staffName) {
    figure_ = figure;
    total_ = total;
    shown_ = int(cases.size());
    table_->showCases(cases, staffName);
    if (!cases.empty()) {
        table_->selectRow(0);
    }
    retranslateUi();
}

void DrillDownPanel::clear() {
    figure_.clear();
    total_ = 0;
    shown_ = 0;
    table_->showCases({}, {});
    retranslateUi();
}

void DrillDownPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void DrillDownPanel::retranslateUi() {
    if (figure_.isEmpty()) {
        heading_->setText(tr("Choose a figure to list the cases behind it."));
    } else if (shown_ < total_) {
        heading_->setText(tr("&Cases: %1 — the first %2 of %3")
                              .arg(figure_, FigureText::count(shown_), FigureText::count(total_)));
    } else {
        heading_->setText(tr("&Cases: %1 — %n case(s)", nullptr, shown_).arg(figure_));
    }
    QString plain = heading_->text();
    table_->setAccessibleName(plain.remove(QLatin1Char('&')));
}

}  // namespace kep::desk::ui
