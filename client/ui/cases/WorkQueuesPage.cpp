#include "cases/WorkQueuesPage.h"

#include "Clock.h"
#include "cases/WorkQueuesTable.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::cases::CaseStatus;
using kep::desk::cases::QueueKind;
using kep::desk::cases::WorkQueue;

kep::cases::Instant instantOf(const QDateTime& at) {
    return kep::cases::Instant{std::chrono::milliseconds{at.toMSecsSinceEpoch()}};
}

}  // namespace

WorkQueuesPage::WorkQueuesPage(const kep::desk::Clock& clock, QWidget* parent)
    : QWidget(parent)
    , clock_(clock)
    , queues_(new QListWidget(this))
    , table_(new WorkQueuesTable(this))
    , summary_(new QLabel(this)) {
    setObjectName(QStringLiteral("workQueuesPage"));
    queues_->setObjectName(QStringLiteral("workQueues"));
    summary_->setObjectName(QStringLiteral("workQueueSummary"));
    entries_ = {{QueueKind::Mine},
                {QueueKind::DueSoon},
                {QueueKind::Overdue},
                {QueueKind::AwaitingCitizen}};
    for (const CaseStatus status : kep::cases::kAllStatuses) {
        if (status != CaseStatus::Draft) {  // a draft is not in desk.db's cases
            entries_.push_back({QueueKind::Status, status});
        }
    }
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        queues_->addItem(QString());
    }
    queues_->setMaximumWidth(320);

    // Ctrl+1 … Ctrl+5: the first four queues and the office's newly submitted cases.
    const std::size_t shortcuts[] = {0, 1, 2, 3, 4};
    for (int key = 0; key < int(std::size(shortcuts)); ++key) {
        auto* action = new QAction(this);
        action->setObjectName(QStringLiteral("workQueueAction%1").arg(key + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + key)));
        action->setShortcutContext(Qt::WindowShortcut);
        const WorkQueue queue = entries_[shortcuts[key]];
        connect(action, &QAction::triggered, this, [this, queue] {
            emit queueRequested();
            showQueue(queue);
            table_->setFocus(Qt::ShortcutFocusReason);
        });
        actions_ << action;
    }

    auto* right = new QVBoxLayout;
    right->addWidget(summary_);
    right->addWidget(table_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(queues_);
    layout->addLayout(right, 1);
    setTabOrder(queues_, table_);
    setFocusProxy(queues_);

    connect(queues_, &QListWidget::currentRowChanged, this, &WorkQueuesPage::showChosenQueue);
    // Enter on a queue goes to its cases, as the clerk's next step is to pick one.
    connect(queues_, &QListWidget::itemActivated, this,
            [this] { table_->setFocus(Qt::OtherFocusReason); });
    connect(table_, &WorkQueuesTable::caseOpened, this, &WorkQueuesPage::caseOpened);
    queues_->setCurrentRow(0);
    retranslateUi();
}

void WorkQueuesPage::setQueries(const kep::desk::cases::CaseQueries* queries,
                                const std::string& userId) {
    queries_ = queries;
    userId_ = userId;
    counts_ = {};
    if (queries_ == nullptr) {
        table_->showCases({}, {});
        retranslateUi();
        return;
    }
    refresh();
}

void WorkQueuesPage::refresh() {
    if (queries_ == nullptr) {
        return;
    }
    counts_ = queries_->counts(userId_, instantOf(clock_.now()));
    retranslateUi();
    showChosenQueue();
}

void WorkQueuesPage::showQueue(const WorkQueue& queue) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i] == queue) {
            {
                const QSignalBlocker quiet(queues_);  // one read of the queue, below
                queues_->setCurrentRow(int(i));
            }
            refresh();
            return;
        }
    }
}

WorkQueue WorkQueuesPage::currentQueue() const {
    const int row = queues_->currentRow();
    return row >= 0 && row < int(entries_.size()) ? entries_[std::size_t(row)] : WorkQueue{};
}

void WorkQueuesPage::showChosenQueue() {
    if (queries_ == nullptr) {
        return;
    }
    const WorkQueue queue = currentQueue();
    const auto cases = queries_->cases(queue, userId_, instantOf(clock_.now()), kPageSize);
    const auto* queries = queries_;
    table_->showCases(cases, [queries](const std::string& userId) {
        return QString::fromStdString(queries->staffName(userId));
    });
    const auto total = counts_.of(queue);
    const QLocale locale;
    summary_->setText(std::int64_t(cases.size()) < total
                          ? tr("%1: the first %2 of %3")
                                .arg(queueName(queue), locale.toString(int(cases.size())),
                                     locale.toString(qlonglong(total)))
                          : tr("%1: %n case(s)", nullptr, int(cases.size())).arg(queueName(queue)));
    table_->setAccessibleName(queueName(queue));
}

QString WorkQueuesPage::queueName(const WorkQueue& queue) const {
    switch (queue.kind) {
        case QueueKind::Mine:
            return tr("My cases");
        case QueueKind::DueSoon:
            return tr("Due within %n working day(s)", nullptr,
                      kep::desk::cases::CaseQueries::kDueSoonWorkingDays);
        case QueueKind::Overdue:
            return tr("Overdue");
        case QueueKind::AwaitingCitizen:
            return tr("Awaiting the citizen");
        case QueueKind::Status:
            return tr("Office: %1").arg(WorkQueuesTable::statusName(queue.status));
    }
    return {};
}

void WorkQueuesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void WorkQueuesPage::retranslateUi() {
    setWindowTitle(tr("&Work queues"));
    const QLocale locale;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const QString name = queueName(entries_[i]);
        const QString text = queries_ == nullptr
                                 ? name
                                 : QStringLiteral("%1 (%2)").arg(
                                       name, locale.toString(qlonglong(counts_.of(entries_[i]))));
        queues_->item(int(i))->setText(text);
    }
    queues_->setAccessibleName(tr("Work queues"));
    queues_->setAccessibleDescription(
        tr("Up and Down choose a queue, Enter goes to its cases. Ctrl+1 to Ctrl+5 from anywhere."));
    summary_->setAccessibleName(summary_->text());
    const QStringList names{tr("My cases"), tr("Due soon"), tr("Overdue"),
                            tr("Awaiting the citizen"), tr("Office: submitted cases")};
    for (int i = 0; i < actions_.size(); ++i) {
        actions_[i]->setText(names.value(i));
    }
}

}  // namespace kep::desk::ui
