#include "cases/CounterStepsPanel.h"

#include "Clock.h"
#include "cases/WorkQueuesTable.h"
#include "feedback/CaseDelivery.h"
#include "feedback/DeliveryDialog.h"
#include "shared/cases/CaseLifecycle.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kep::desk::ui {

namespace {

using kep::cases::CaseStatus;

constexpr std::array kSteps{CounterStep::DocumentsReceived, CounterStep::ReadyForPickup,
                            CounterStep::HandOver};

}  // namespace

CounterStepsPanel::CounterStepsPanel(QWidget* parent)
    : QWidget(parent)
    , outcome_(new QLabel(this)) {
    static constexpr const char* kNames[] = {"documentsReceived", "readyForPickup", "handOver"};
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (const CounterStep step : kSteps) {
        const auto at = std::size_t(step);
        auto* action = new QAction(this);
        action->setObjectName(QLatin1String(kNames[at]) + QLatin1String("Action"));
        action->setShortcut(shortcut(step));
        // Reached from anywhere in the details dialog, which adds the actions to itself.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, step] { take(step); });
        auto* button = new QPushButton(this);
        button->setObjectName(QLatin1String(kNames[at]) + QLatin1String("Button"));
        button->setVisible(false);
        connect(button, &QPushButton::clicked, this, [this, step] { take(step); });
        row->addWidget(button);
        actions_[at] = action;
        buttons_[at] = button;
    }
    row->addStretch(1);
    outcome_->setObjectName(QStringLiteral("counterStepOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(outcome_);
    layout->addLayout(row);
    retranslateUi();
}

CounterStepsPanel::~CounterStepsPanel() = default;

void CounterStepsPanel::setStaff(kep::desk::cases::CaseStore* store, const kep::cases::Actor& actor,
                                 const kep::desk::Clock* clock) {
    if (delivery_ != nullptr) {
        // It holds the last user's delivery: the next one gets a dialog of their own.
        delete delivery_;
        delivery_ = nullptr;
    }
    store_ = store;
    actor_ = actor;
    clock_ = clock;
    caseDelivery_ =
        store != nullptr ? std::make_unique<kep::desk::feedback::CaseDelivery>(*store) : nullptr;
    if (shown_) {
        showCase(*shown_);
    }
}

kep::cases::CaseStatus CounterStepsPanel::target(CounterStep step) {
    switch (step) {
        case CounterStep::DocumentsReceived:
            return CaseStatus::InProgress;
        case CounterStep::ReadyForPickup:
            return CaseStatus::ReadyForPickup;
        case CounterStep::HandOver:
            return CaseStatus::Delivered;
    }
    return CaseStatus::Delivered;
}

QKeySequence CounterStepsPanel::shortcut(CounterStep step) {
    switch (step) {
        case CounterStep::DocumentsReceived:  // E for evidence, the checklist's word
            return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
        case CounterStep::ReadyForPickup:
            return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
        case CounterStep::HandOver:
            return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H);
    }
    return {};
}

QList<QAction*> CounterStepsPanel::actions() const {
    return {actions_.begin(), actions_.end()};
}

kep::cases::Instant CounterStepsPanel::now() const {
    const qint64 ms =
        clock_ != nullptr ? clock_->now().toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    return kep::cases::Instant{std::chrono::milliseconds{ms}};
}

bool CounterStepsPanel::mayTake(CounterStep step) const {
    if (store_ == nullptr || !shown_) {
        return false;
    }
    const kep::cases::Case rules{shown_->status, shown_->filedBy, shown_->requiresApproval};
    const auto rows = kep::cases::availableTransitions(rules, actor_);
    return std::any_of(rows.begin(), rows.end(), [step](const kep::cases::Transition* row) {
        return row->to == target(step);
    });
}

void CounterStepsPanel::showCase(const kep::desk::cases::CaseSummary& shown) {
    if (!shown_ || shown_->id != shown.id) {
        outcome_->clear();  // what was said of another case
    }
    shown_ = shown;
    bool any = false;
    for (const CounterStep step : kSteps) {
        const bool may = mayTake(step);
        actions_[std::size_t(step)]->setEnabled(may);
        buttons_[std::size_t(step)]->setVisible(may);
        any = any || may;
    }
    setVisible(any || !outcome_->text().isEmpty());
}

void CounterStepsPanel::take(CounterStep step) {
    if (!mayTake(step)) {
        return;  // a shortcut pressed while the step is off
    }
    if (step == CounterStep::HandOver) {
        handOver();
        return;
    }
    const kep::desk::cases::CaseSummary c = *shown_;
    const QString number = QString::fromStdString(c.protocolNumber);
    kep::cases::TransitionResult result;
    try {
        result = store_->transition(c.id, target(step), actor_, {}, now());
    } catch (const std::exception& e) {
        outcome_->setText(tr("%1: the step could not be recorded on this desk (%2).")
                              .arg(number, QString::fromUtf8(e.what())));
        return;
    }
    if (!result.ok()) {
        outcome_->setText(tr("%1: a case that is «%2» cannot take this step now.")
                              .arg(number, WorkQueuesTable::statusName(c.status)));
        return;
    }
    outcome_->setText(
        step == CounterStep::DocumentsReceived
            ? tr("%1: the citizen's documents are recorded as received and the "
                 "authority continues. It goes to the server with the next sync.")
                  .arg(number)
            : tr("%1 is ready for pickup: the citizen may collect the result.").arg(number));
    emit stepTaken(QString::fromStdString(c.id));
}

void CounterStepsPanel::handOver() {
    if (delivery_ == nullptr) {
        delivery_ = new DeliveryDialog(*caseDelivery_, this);
        delivery_->setWindowModality(Qt::WindowModal);
        connect(delivery_, &DeliveryDialog::delivered, this, [this](const QString& caseId) {
            if (shown_ && caseId == QString::fromStdString(shown_->id)) {
                outcome_->setText(tr("%1 is handed over to the citizen.")
                                      .arg(QString::fromStdString(shown_->protocolNumber)));
            }
            emit stepTaken(caseId);
        });
    }
    delivery_->start(QString::fromStdString(shown_->id),
                     QString::fromStdString(shown_->protocolNumber), actor_);
    delivery_->open();
}

void CounterStepsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CounterStepsPanel::retranslateUi() {
    const auto set = [this](CounterStep step, const QString& button, const QString& name) {
        const auto at = std::size_t(step);
        buttons_[at]->setText(button);
        buttons_[at]->setAccessibleName(name);
        buttons_[at]->setToolTip(shortcut(step).toString(QKeySequence::NativeText));
        actions_[at]->setText(name);
    };
    set(CounterStep::DocumentsReceived, tr("Documents r&eceived"),
        tr("The citizen's documents were received"));
    set(CounterStep::ReadyForPickup, tr("Result arrived — &ready for pickup"),
        tr("The result arrived: ready for pickup"));
    set(CounterStep::HandOver, tr("Hand &over to the citizen…"),
        tr("Hand the result over to the citizen"));
    outcome_->setAccessibleName(tr("Outcome of the step"));
}

}  // namespace kep::desk::ui
