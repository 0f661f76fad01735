// The case table of the work queues and of the case search: protocol number, surname, procedure,
// status, due date (overdue and stopped clock said in words), filed by, how the case came, and
// why it is in its status (the authority's request for documents); Enter opens a case.
#pragma once

#include "cases/CaseQueries.h"
#include "shared/cases/CaseStatus.h"

#include <QTableWidget>

#include <functional>
#include <string>
#include <vector>

namespace kep::desk::ui {

class WorkQueuesTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        ProtocolNumber,
        Surname,
        Procedure,
        Status,
        DueDate,
        FiledBy,
        Channel,
        StatusReason,
        ColumnCount
    };
    // Who filed a case, by user id, as the table shows it.
    using StaffName = std::function<QString(const std::string& userId)>;

    explicit WorkQueuesTable(QWidget* parent = nullptr);

    void showCases(const std::vector<kep::desk::cases::QueueCase>& cases,
                   const StaffName& staffName);
    QString caseIdAt(int row) const;
    QString selectedCaseId() const { return caseIdAt(currentRow()); }
    // The case shown on the current row; null when none is.
    const kep::desk::cases::QueueCase* selectedCase() const;

    // The status in the desk's language (the codes are never shown).
    static QString statusName(kep::cases::CaseStatus status);
    // How the case came, in the desk's language: at the counter, myKEPlive, gov.gr, EU-GO.
    static QString channelName(kep::desk::cases::CaseChannel channel);
    // "24/03/2026", with "overdue" or "clock stopped" after it when so.
    static QString dueText(const kep::desk::cases::QueueCase& shown);

signals:
    void caseOpened(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::vector<kep::desk::cases::QueueCase> shown_;  // for retranslating the status cells
    StaffName staffName_;
};

}  // namespace kep::desk::ui
