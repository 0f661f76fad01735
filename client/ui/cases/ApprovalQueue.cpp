#include "cases/ApprovalQueue.h"

#include "Clock.h"
#include "cases/CaseStore.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::cases::CaseStatus;

constexpr int kPageSize = 200;  // a day's queue of an office, and more

}  // namespace

const QStringList& ApprovalQueue::returnReasonCodes() {
    static const QStringList codes{QStringLiteral("documents_missing"),
                                   QStringLiteral("citizen_details_wrong"),
                                   QStringLiteral("wrong_procedure"), QStringLiteral("fee_wrong")};
    return codes;
}

ApprovalQueue::ApprovalQueue(kep::desk::cases::CaseStore& store, const kep::desk::Clock& clock,
                             QWidget* parent)
    : QWidget(parent)
    , store_(store)
    , clock_(clock)
    , cases_(new QTableWidget(0, 4, this))
    , reasonLabel_(new QLabel(this))
    , reason_(new QComboBox(this))
    , approve_(new QPushButton(this))
    , return_(new QPushButton(this))
    , outcome_(new QLabel(this))
    , approveAction_(new QAction(this)) {
    setObjectName(QStringLiteral("approvalQueue"));
    help::setTopic(this, QStringLiteral("approval-queue"));
    cases_->setObjectName(QStringLiteral("approvalCases"));
    cases_->setSelectionBehavior(QAbstractItemView::SelectRows);
    cases_->setSelectionMode(QAbstractItemView::SingleSelection);
    cases_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cases_->setTabKeyNavigation(false);  // Tab leaves the list for the decision
    cases_->horizontalHeader()->setStretchLastSection(true);
    cases_->verticalHeader()->hide();
    reason_->setObjectName(QStringLiteral("returnReason"));
    reason_->addItems(QStringList(returnReasonCodes().size(), QString()));
    reasonLabel_->setBuddy(reason_);
    approve_->setObjectName(QStringLiteral("approveButton"));
    return_->setObjectName(QStringLiteral("returnButton"));
    outcome_->setObjectName(QStringLiteral("approvalOutcome"));
    outcome_->setWordWrap(true);

    approveAction_->setObjectName(QStringLiteral("approveAction"));
    approveAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    approveAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(approveAction_);

    auto* decision = new QHBoxLayout;
    decision->addWidget(approve_);
    decision->addSpacing(24);
    decision->addWidget(reasonLabel_);
    decision->addWidget(reason_, 1);
    decision->addWidget(return_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(cases_, 1);
    layout->addLayout(decision);
    layout->addWidget(outcome_);
    setTabOrder(cases_, approve_);
    setTabOrder(approve_, reason_);
    setTabOrder(reason_, return_);
    setFocusProxy(cases_);

    connect(approve_, &QPushButton::clicked, this, &ApprovalQueue::approveSelected);
    connect(approveAction_, &QAction::triggered, this, &ApprovalQueue::approveSelected);
    connect(return_, &QPushButton::clicked, this, &ApprovalQueue::returnSelected);
    retranslateUi();
}

void ApprovalQueue::setManager(const kep::cases::Actor& manager) {
    manager_ = manager;
}

void ApprovalQueue::refresh() {
    const int row = std::max(0, cases_->currentRow());
    const auto waiting = store_.withStatus(CaseStatus::PendingApproval, kPageSize);
    cases_->setRowCount(int(waiting.size()));
    for (int i = 0; i < int(waiting.size()); ++i) {
        const auto& c = waiting[std::size_t(i)];
        auto* number = new QTableWidgetItem(QString::fromStdString(c.protocolNumber));
        number->setData(Qt::UserRole, QString::fromStdString(c.id));
        cases_->setItem(i, 0, number);
        cases_->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(c.dueDate)));
        cases_->setItem(i, 2, new QTableWidgetItem(QString::fromStdString(c.surname)));
        cases_->setItem(i, 3, new QTableWidgetItem(QString::fromStdString(c.procedureTitle)));
    }
    if (cases_->rowCount() > 0) {
        cases_->selectRow(std::min(row, cases_->rowCount() - 1));
    }
    approve_->setEnabled(cases_->rowCount() > 0);
    return_->setEnabled(cases_->rowCount() > 0);
}

QString ApprovalQueue::selectedCaseId() const {
    const auto* item = cases_->item(cases_->currentRow(), 0);
    return item != nullptr ? item->data(Qt::UserRole).toString() : QString();
}

void ApprovalQueue::approveSelected() {
    decide(CaseStatus::Approved, QString());
}

void ApprovalQueue::returnSelected() {
    decide(CaseStatus::ReturnedToClerk,
           returnReasonCodes().value(std::max(0, reason_->currentIndex())));
}

void ApprovalQueue::decide(CaseStatus to, const QString& reason) {
    const QString id = selectedCaseId();
    if (id.isEmpty()) {
        return;
    }
    const QString number = cases_->item(cases_->currentRow(), 0)->text();
    const auto now =
        kep::cases::Instant{std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}};
    const auto result =
        store_.transition(id.toStdString(), to, manager_, reason.toStdString(), now);
    if (result.refusal == kep::cases::Refusal::OwnCase) {
        outcome_->setText(tr("%1: you filed this case yourself, so another manager must approve "
                             "or return it (four eyes).")
                              .arg(number));
        return;
    }
    if (!result.ok()) {
        outcome_->setText(
            tr("%1: not done (%2).").arg(number, QString::fromStdString(result.message)));
        return;
    }
    outcome_->setText(to == CaseStatus::Approved ? tr("%1 approved.").arg(number)
                                                 : tr("%1 returned to the clerk.").arg(number));
    refresh();
    cases_->setFocus(Qt::OtherFocusReason);
    emit decided(id, to);
}

void ApprovalQueue::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ApprovalQueue::retranslateUi() {
    cases_->setHorizontalHeaderLabels(
        {tr("Protocol number"), tr("Due date"), tr("Surname"), tr("Procedure")});
    cases_->setAccessibleName(tr("Cases awaiting approval"));
    const QStringList reasons{tr("Documents missing or unreadable"),
                              tr("The citizen's details are wrong"),
                              tr("Filed under the wrong procedure"), tr("The fee is wrong")};
    for (int i = 0; i < reasons.size(); ++i) {
        reason_->setItemText(i, reasons[i]);
    }
    reasonLabel_->setText(tr("Re&ason:"));
    reason_->setAccessibleName(tr("Reason for returning"));
    approve_->setText(tr("&Approve (Ctrl+Enter)"));
    approve_->setAccessibleName(tr("Approve the case"));
    return_->setText(tr("Re&turn to the clerk"));
    return_->setAccessibleName(tr("Return the case to the clerk"));
    approveAction_->setText(tr("Approve the case"));
}

}  // namespace kep::desk::ui
