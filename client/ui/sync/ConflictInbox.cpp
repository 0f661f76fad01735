#include "sync/ConflictInbox.h"

#include "LocaleFormat.h"
#include "help/HelpTopic.h"
#include "sync/SyncSnapshot.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

kep::cases::Instant wallNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

enum Column { CaseColumn, FieldColumn, KeptColumn, KeptByColumn, LostColumn, LostByColumn };

}  // namespace

ConflictInbox::ConflictInbox(kep::desk::sync::ConflictStore& store, QWidget* parent)
    : QDialog(parent)
    , store_(store)
    , summary_(new QLabel(this))
    , table_(new QTableWidget(0, 6, this))
    , keepButton_(new QPushButton(this))
    , takeOtherButton_(new QPushButton(this))
    , closeButton_(new QPushButton(this))
    , show_(new QAction(this))
    , keep_(new QAction(this))
    , takeOther_(new QAction(this)) {
    setObjectName(QStringLiteral("conflictInbox"));
    help::setTopic(this, QStringLiteral("conflicts"));
    summary_->setObjectName(QStringLiteral("conflictSummary"));
    summary_->setWordWrap(true);
    summary_->setBuddy(table_);
    table_->setObjectName(QStringLiteral("conflicts"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    keepButton_->setObjectName(QStringLiteral("keepCurrentButton"));
    takeOtherButton_->setObjectName(QStringLiteral("takeOtherButton"));
    closeButton_->setObjectName(QStringLiteral("closeButton"));
    show_->setObjectName(QStringLiteral("conflictInboxAction"));
    show_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+K")));
    keep_->setObjectName(QStringLiteral("keepCurrentAction"));
    keep_->setShortcut(QKeySequence(QStringLiteral("Alt+K")));
    takeOther_->setObjectName(QStringLiteral("takeOtherAction"));
    takeOther_->setShortcut(QKeySequence(QStringLiteral("Alt+U")));
    addAction(keep_);
    addAction(takeOther_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(keepButton_);
    buttons->addWidget(takeOtherButton_);
    buttons->addStretch(1);
    buttons->addWidget(closeButton_);
    layout->addLayout(buttons);

    using kep::desk::sync::ConflictChoice;
    connect(keep_, &QAction::triggered, this,
            [this] { resolveSelected(ConflictChoice::KeepCurrent); });
    connect(takeOther_, &QAction::triggered, this,
            [this] { resolveSelected(ConflictChoice::TakeLost); });
    connect(keepButton_, &QPushButton::clicked, keep_, &QAction::trigger);
    connect(takeOtherButton_, &QPushButton::clicked, takeOther_, &QAction::trigger);
    connect(closeButton_, &QPushButton::clicked, this, &QDialog::close);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool selected = !table_->selectedItems().isEmpty();
        keep_->setEnabled(selected);
        takeOther_->setEnabled(selected);
        keepButton_->setEnabled(selected);
        takeOtherButton_->setEnabled(selected);
    });
    connect(show_, &QAction::triggered, this, [this] {
        refresh();
        show();
        raise();
        activateWindow();
    });
    retranslateUi();
}

void ConflictInbox::setManager(const kep::cases::Actor& manager, const std::string& deviceId) {
    manager_ = manager;
    deviceId_ = deviceId;
}

QString ConflictInbox::fieldName(const QString& field) {
    if (field == QLatin1String("notes")) {
        return tr("Notes");
    }
    if (field == QLatin1String("fee_cents")) {
        return tr("Fee (cents)");
    }
    if (field == QLatin1String("due_date")) {
        return tr("Due date");
    }
    if (field == QLatin1String("evidence")) {
        return tr("Documents");
    }
    if (field == QLatin1String("citizen")) {
        return tr("Citizen's details");
    }
    return field;
}

QString ConflictInbox::describeSide(const kep::desk::sync::ConflictSide& side) const {
    const QString who = side.actorName.empty() ? fromStd(side.actorId) : fromStd(side.actorName);
    const QString at =
        side.at ? LocaleFormat::dateTimeToSecond(kep::desk::sync::toDateTime(*side.at)) : QString();
    return tr("%1 at workstation %2, %3").arg(who, fromStd(side.device), at);
}

void ConflictInbox::refresh() {
    try {
        conflicts_ = store_.open();
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read the conflicts: %s", e.what());
        conflicts_.clear();
    }
    table_->setRowCount(static_cast<int>(conflicts_.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const auto& c = conflicts_[static_cast<std::size_t>(row)];
        const QString record = c.protocolNumber.empty()
                                   ? fromStd(c.entityType) + QLatin1Char(' ') + fromStd(c.entityId)
                                   : fromStd(c.protocolNumber);
        const QStringList cells{record,
                                fieldName(fromStd(c.field)),
                                fromStd(c.kept.value),
                                describeSide(c.kept),
                                fromStd(c.lost.value),
                                describeSide(c.lost)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            table_->setItem(row, column, item);
        }
    }
    summary_->setText(conflicts_.empty()
                          ? tr("No open conflicts: nothing waits for a decision.")
                          : tr("%n conflict(s) wait for a decision. Choose a row, then keep the "
                               "current value (Alt+K) or use the other one (Alt+U).",
                               "", openCount()));
    if (table_->rowCount() > 0 && table_->selectedItems().isEmpty()) {
        table_->selectRow(0);
    }
    const bool selected = !table_->selectedItems().isEmpty();
    keep_->setEnabled(selected);
    takeOther_->setEnabled(selected);
    keepButton_->setEnabled(selected);
    takeOtherButton_->setEnabled(selected);
}

bool ConflictInbox::resolveSelected(kep::desk::sync::ConflictChoice choice) {
    const int row = table_->currentRow();
    if (row < 0 || row >= openCount() || manager_.id.empty()) {
        return false;
    }
    bool done = false;
    try {
        done = store_.resolve(conflicts_[static_cast<std::size_t>(row)].id, choice, manager_,
                              deviceId_, wallNow());
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot resolve the conflict: %s", e.what());
    }
    refresh();
    if (done) {
        emit resolved();
    }
    return done;
}

void ConflictInbox::retranslateUi() {
    setWindowTitle(tr("Conflict inbox"));
    show_->setText(tr("Conflict inbox…"));
    keep_->setText(tr("Keep the current value"));
    takeOther_->setText(tr("Use the other value"));
    keepButton_->setText(tr("Keep the current value (Alt+K)"));
    takeOtherButton_->setText(tr("Use the other value (Alt+U)"));
    closeButton_->setText(tr("Close"));
    table_->setHorizontalHeaderLabels({tr("Case"), tr("Field"), tr("Current value"),
                                       tr("Written by"), tr("Other value"), tr("Written by")});
    table_->setAccessibleName(tr("Open conflicts"));
    refresh();
}

void ConflictInbox::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

}  // namespace kep::desk::ui
