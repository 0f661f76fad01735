#include "dashboard/MonthlyReportBar.h"

#include "Clock.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QToolButton>

namespace kep::desk::ui {

MonthlyReportBar::MonthlyReportBar(const kep::desk::Clock& clock, QWidget* parent)
    : QWidget(parent)
    , clock_(clock)
    , label_(new QLabel(this))
    , month_(new QComboBox(this))
    , save_(new QAction(this))
    , saveButton_(new QToolButton(this))
    , outcome_(new QLabel(this)) {
    setObjectName(QStringLiteral("monthlyReportBar"));
    month_->setObjectName(QStringLiteral("reportMonth"));
    label_->setBuddy(month_);
    save_->setObjectName(QStringLiteral("saveMonthlyReportAction"));
    save_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    save_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // On the dashboard, so that the shortcut works from any of its figures.
    if (parent != nullptr) {
        parent->addAction(save_);
    } else {
        addAction(save_);
    }
    saveButton_->setDefaultAction(save_);
    outcome_->setObjectName(QStringLiteral("monthlyReportOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outcome_->hide();
    connect(save_, &QAction::triggered, this, [this] { emit saveRequested(chosenMonth()); });

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label_);
    row->addWidget(month_);
    row->addWidget(saveButton_);
    row->addStretch(1);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);
    column->addWidget(outcome_);
    listMonths();
    retranslateUi();
}

QDate MonthlyReportBar::chosenMonth() const {
    return month_->currentData().toDate();
}

void MonthlyReportBar::showOutcome(const QString& text) {
    outcome_->setText(text);
    outcome_->setVisible(!text.isEmpty());
}

void MonthlyReportBar::listMonths() {
    // Reports count Greek civil days, so "this month" is the month in Athens.
    const QDate today = clock_.now().toTimeZone(QTimeZone("Europe/Athens")).date();
    const QDate chosen = chosenMonth();
    const QLocale locale;
    month_->clear();
    for (int back = 0; back < kMonths; ++back) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-back);
        // Standalone: «Οκτώβριος 2026», the nominative a heading takes in Greek.
        month_->addItem(
            locale.standaloneMonthName(first.month()) + u' ' + QString::number(first.year()),
            first);
    }
    month_->setCurrentIndex(std::max(0, month_->findData(chosen)));
}

void MonthlyReportBar::showEvent(QShowEvent* event) {
    listMonths();  // the page may have stayed open past midnight at a month's end
    QWidget::showEvent(event);
}

void MonthlyReportBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        listMonths();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void MonthlyReportBar::retranslateUi() {
    label_->setText(tr("Monthl&y report:"));
    month_->setAccessibleName(tr("Month of the report"));
    save_->setText(tr("Save report…"));
    save_->setToolTip(
        tr("Save the office's report of this month from the server, as PDF or CSV, "
           "in the language of the screen (Ctrl+Shift+S)"));
    saveButton_->setAccessibleName(tr("Save the monthly report"));
}

}  // namespace kep::desk::ui
