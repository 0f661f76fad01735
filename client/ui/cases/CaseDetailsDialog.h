// One case, read-only, as a queue or the search opened it: protocol number, citizen, procedure,
// status, due date with the stopped clock, who filed it and when, and every recorded step.
#pragma once

#include "cases/CaseQueries.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace kep::desk::ui {

class CaseDetailsDialog : public QDialog {
    Q_OBJECT
public:
    explicit CaseDetailsDialog(QWidget* parent = nullptr);

    // Fills the dialog from the queries (which must outlive the call) and opens it.
    void showCase(const kep::desk::cases::QueueCase& shown,
                  const kep::desk::cases::CaseQueries& queries);

    QLabel* protocolNumber() const { return protocol_; }
    QLabel* status() const { return status_; }
    QLabel* dueDate() const { return due_; }
    QTableWidget* history() const { return history_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* protocolLabel_;
    QLabel* protocol_;
    QLabel* surnameLabel_;
    QLabel* surname_;
    QLabel* procedureLabel_;
    QLabel* procedure_;
    QLabel* statusLabel_;
    QLabel* status_;
    QLabel* dueLabel_;
    QLabel* due_;
    QLabel* filedLabel_;
    QLabel* filed_;
    QLabel* historyLabel_;
    QTableWidget* history_;
};

}  // namespace kep::desk::ui
