#include "cases/WorkQueuesTable.h"

#include <QDate>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace kep::desk::ui {

namespace {

using kep::cases::CaseStatus;

constexpr int kCaseIdRole = Qt::UserRole;

}  // namespace

WorkQueuesTable::WorkQueuesTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("workQueueCases"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);  // Tab leaves the table; arrows move within it
    setWordWrap(false);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    // Enter (and a double click) on a row: the table emits activated for both.
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString id = caseIdAt(index.row());
        if (!id.isEmpty()) {
            emit caseOpened(id);
        }
    });
    retranslateUi();
}

QString WorkQueuesTable::statusName(CaseStatus status) {
    switch (status) {
        case CaseStatus::Draft:
            return tr("Draft");
        case CaseStatus::Submitted:
            return tr("Submitted");
        case CaseStatus::PendingApproval:
            return tr("Awaiting approval");
        case CaseStatus::ReturnedToClerk:
            return tr("Returned to the clerk");
        case CaseStatus::Approved:
            return tr("Approved");
        case CaseStatus::Forwarded:
            return tr("Forwarded to the authority");
        case CaseStatus::InProgress:
            return tr("In progress at the authority");
        case CaseStatus::AwaitingDocuments:
            return tr("Awaiting documents");
        case CaseStatus::Completed:
            return tr("Completed");
        case CaseStatus::ReadyForPickup:
            return tr("Ready for pickup");
        case CaseStatus::Delivered:
            return tr("Delivered");
        case CaseStatus::Rejected:
            return tr("Rejected");
        case CaseStatus::Withdrawn:
            return tr("Withdrawn");
    }
    return {};
}

QString WorkQueuesTable::channelName(kep::desk::cases::CaseChannel channel) {
    using kep::desk::cases::CaseChannel;
    switch (channel) {
        case CaseChannel::Counter:
            return tr("At the counter");
        case CaseChannel::Remote:
            return tr("Remote (myKEPlive)");
        case CaseChannel::GovGr:
            return tr("gov.gr");
        case CaseChannel::EuGo:
            return tr("EU-GO");
    }
    return {};
}

QString WorkQueuesTable::dueText(const kep::desk::cases::QueueCase& shown) {
    const QDate date(int(shown.due.year()), int(unsigned(shown.due.month())),
                     int(unsigned(shown.due.day())));
    QString text = QLocale().toString(date, QLocale::ShortFormat);
    if (shown.overdue) {
        text = tr("%1 · overdue").arg(text);
    } else if (shown.clockStopped) {
        text = tr("%1 · clock stopped").arg(text);
    }
    return text;
}

void WorkQueuesTable::showCases(const std::vector<kep::desk::cases::QueueCase>& cases,
                                const StaffName& staffName) {
    const QString selected = selectedCaseId();
    shown_ = cases;
    staffName_ = staffName;
    setRowCount(int(cases.size()));
    int keep = cases.empty() ? -1 : 0;
    for (int row = 0; row < int(cases.size()); ++row) {
        const auto& c = cases[std::size_t(row)];
        auto* number = new QTableWidgetItem(QString::fromStdString(c.summary.protocolNumber));
        number->setData(kCaseIdRole, QString::fromStdString(c.summary.id));
        setItem(row, ProtocolNumber, number);
        setItem(row, Surname, new QTableWidgetItem(QString::fromStdString(c.summary.surname)));
        setItem(row, Procedure,
                new QTableWidgetItem(QString::fromStdString(c.summary.procedureTitle)));
        setItem(row, Status, new QTableWidgetItem(statusName(c.summary.status)));
        auto* due = new QTableWidgetItem(dueText(c));
        if (c.overdue) {
            due->setForeground(QColor(QStringLiteral("#b00020")));
        }
        setItem(row, DueDate, due);
        setItem(row, FiledBy,
                new QTableWidgetItem(staffName ? staffName(c.summary.filedBy)
                                               : QString::fromStdString(c.summary.filedBy)));
        setItem(row, Channel, new QTableWidgetItem(channelName(c.summary.channel)));
        setItem(row, StatusReason, new QTableWidgetItem(QString::fromStdString(c.statusReason)));
        if (number->data(kCaseIdRole).toString() == selected) {
            keep = row;
        }
    }
    if (keep >= 0) {
        selectRow(keep);
    }
}

QString WorkQueuesTable::caseIdAt(int row) const {
    const QTableWidgetItem* number = item(row, ProtocolNumber);
    return number != nullptr ? number->data(kCaseIdRole).toString() : QString();
}

const kep::desk::cases::QueueCase* WorkQueuesTable::selectedCase() const {
    const int row = currentRow();
    return row >= 0 && row < int(shown_.size()) ? &shown_[std::size_t(row)] : nullptr;
}

void WorkQueuesTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (!shown_.empty()) {
            showCases(std::vector(shown_), staffName_);
        }
    }
    QTableWidget::changeEvent(event);
}

void WorkQueuesTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Protocol number"), tr("Surname"), tr("Procedure"), tr("Status"),
                               tr("Due date"), tr("Filed by"), tr("Channel"), tr("Reason")});
    setAccessibleName(tr("Cases"));
    setAccessibleDescription(tr("Up and Down choose a case, Enter opens it."));
}

}  // namespace kep::desk::ui
