#include "cases/WorkQueuesPage.h"

#include "Clock.h"
#include "cases/CaseForwarder.h"
#include "cases/ChannelFilter.h"
#include "cases/WorkQueuesTable.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
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
    , channelLabel_(new QLabel(this))
    , channel_(new ChannelFilter(this))
    , queues_(new QListWidget(this))
    , table_(new WorkQueuesTable(this))
    , summary_(new QLabel(this))
    , forwardButton_(new QPushButton(this))
    , forwardAction_(new QAction(this))
    , forwardOutcome_(new QLabel(this)) {
    setObjectName(QStringLiteral("workQueuesPage"));
    help::setTopic(this, QStringLiteral("work-queues"));
    queues_->setObjectName(QStringLiteral("workQueues"));
    summary_->setObjectName(QStringLiteral("workQueueSummary"));
    entries_ = {{QueueKind::Mine},
                {QueueKind::DueSoon},
                {QueueKind::Overdue},
                {QueueKind::AwaitingCitizen},
                {QueueKind::AwaitingDocuments},
                {QueueKind::ReadyToForward}};
    for (const CaseStatus status : kep::cases::kAllStatuses) {
        if (status != CaseStatus::Draft) {  // a draft is not in desk.db's cases
            entries_.push_back({QueueKind::Status, status});
        }
    }
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        queues_->addItem(QString());
    }
    queues_->setMaximumWidth(320);
    channel_->setMaximumWidth(320);
    channelLabel_->setBuddy(channel_);

    // Ctrl+1 … Ctrl+5: the first four queues and the office's newly submitted cases; Ctrl+6:
    // the cases whose authority asked for documents, Ctrl+7 those ready to forward (added
    // later, hence after Ctrl+5).
    const std::size_t shortcuts[] = {0, 1, 2, 3, 6, 4, 5};
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

    auto* left = new QVBoxLayout;
    left->addWidget(channelLabel_);
    left->addWidget(channel_);
    left->addWidget(queues_, 1);
    forwardButton_->setObjectName(QStringLiteral("forwardCaseButton"));
    forwardButton_->setVisible(false);  // until someone who may forward signs in
    forwardOutcome_->setObjectName(QStringLiteral("forwardOutcome"));
    forwardOutcome_->setWordWrap(true);
    forwardAction_->setObjectName(QStringLiteral("forwardCaseAction"));
    forwardAction_->setShortcuts(CaseForwarder::shortcuts());
    forwardAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    forwardAction_->setEnabled(false);
    addAction(forwardAction_);
    connect(forwardAction_, &QAction::triggered, this, &WorkQueuesPage::forwardSelected);
    connect(forwardButton_, &QPushButton::clicked, this, &WorkQueuesPage::forwardSelected);
    connect(table_, &QTableWidget::currentCellChanged, this, &WorkQueuesPage::updateForwarding);

    auto* forwarding = new QHBoxLayout;
    forwarding->addWidget(forwardButton_);
    forwarding->addWidget(forwardOutcome_, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(summary_);
    right->addWidget(table_, 1);
    right->addLayout(forwarding);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);
    setTabOrder(channel_, queues_);
    setTabOrder(queues_, table_);
    setTabOrder(table_, forwardButton_);
    setFocusProxy(queues_);

    connect(channel_, &ChannelFilter::channelChosen, this, &WorkQueuesPage::refresh);

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

void WorkQueuesPage::setForwarder(CaseForwarder* forwarder) {
    if (forwarder_ != nullptr) {
        disconnect(forwarder_, nullptr, this, nullptr);
    }
    forwarder_ = forwarder;
    if (forwarder_ != nullptr) {
        // Forwarded here or in the case details: the case leaves "ready to forward".
        connect(forwarder_, &CaseForwarder::forwarded, this, &WorkQueuesPage::refresh);
    }
    forwardButton_->setVisible(forwarder_ != nullptr);
    forwardOutcome_->clear();
    updateForwarding();
}

void WorkQueuesPage::forwardSelected() {
    const auto* chosen = table_->selectedCase();
    if (forwarder_ == nullptr || chosen == nullptr) {
        return;
    }
    // A copy: forwarding refreshes the table, which replaces the case it points into.
    const kep::desk::cases::CaseSummary c = chosen->summary;
    forwardOutcome_->setText(forwarder_->forward(c));
    forwardOutcome_->setAccessibleName(forwardOutcome_->text());
    table_->setFocus(Qt::OtherFocusReason);
}

void WorkQueuesPage::updateForwarding() {
    const auto* chosen = table_->selectedCase();
    const bool may =
        forwarder_ != nullptr && chosen != nullptr && forwarder_->mayForward(chosen->summary);
    forwardButton_->setEnabled(may);
    forwardAction_->setEnabled(may);
    forwardButton_->setToolTip(may ? forwarder_->destinationText(chosen->summary) : QString());
    forwardButton_->setAccessibleDescription(forwardButton_->toolTip());
}

void WorkQueuesPage::refresh() {
    if (queries_ == nullptr) {
        return;
    }
    counts_ = queries_->counts(userId_, instantOf(clock_.now()), currentChannel());
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

void WorkQueuesPage::showChannel(std::optional<kep::desk::cases::CaseChannel> channel) {
    channel_->setChannel(channel);  // refreshes when it changes
}

std::optional<kep::desk::cases::CaseChannel> WorkQueuesPage::currentChannel() const {
    return channel_->channel();
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
    const auto cases =
        queries_->cases(queue, userId_, instantOf(clock_.now()), kPageSize, currentChannel());
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
    updateForwarding();
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
        case QueueKind::AwaitingDocuments:
            return tr("Awaiting documents");
        case QueueKind::ReadyToForward:
            return tr("Ready to forward");
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
        tr("Up and Down choose a queue, Enter goes to its cases. Ctrl+1 to Ctrl+7 from anywhere."));
    channelLabel_->setText(tr("Cha&nnel:"));
    summary_->setAccessibleName(summary_->text());
    const QStringList names{tr("My cases"),
                            tr("Due soon"),
                            tr("Overdue"),
                            tr("Awaiting the citizen"),
                            tr("Office: submitted cases"),
                            tr("Awaiting documents"),
                            tr("Ready to forward")};
    for (int i = 0; i < actions_.size(); ++i) {
        actions_[i]->setText(names.value(i));
    }
    forwardButton_->setText(tr("Forwar&d to the competent authority (Ctrl+Shift+Enter)"));
    forwardButton_->setAccessibleName(tr("Forward the case to the competent authority"));
    forwardAction_->setText(tr("Forward the case to the competent authority"));
    forwardOutcome_->setAccessibleName(forwardOutcome_->text());
}

}  // namespace kep::desk::ui
