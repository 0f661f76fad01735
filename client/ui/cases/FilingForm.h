// The clerk's filing form for one procedure: the citizen, the procedure's evidence checklist, fee,
// due date and notes; File (Ctrl+Enter) files the case in desk.db with a leased protocol number,
// saves the receipt PDF and offers it for print. Every rule is in client/core and shared/.
#pragma once

#include "cases/Receipt.h"
#include "catalogue/PublishedRecord.h"
#include "shared/cases/Actor.h"

#include <QWidget>

#include <chrono>
#include <cstdint>
#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace kep::desk {
class Clock;
}
namespace kep::desk::cases {
class CaseStore;
}

namespace kep::desk::ui {

class CitizenPanel;
class EvidencePanel;

class FilingForm : public QWidget {
    Q_OBJECT
public:
    // `store` and `clock` must outlive the form.
    FilingForm(kep::desk::cases::CaseStore& store, const kep::desk::Clock& clock,
               QWidget* parent = nullptr);

    void setClerk(const kep::cases::Actor& clerk, const QString& office);
    void setReceiptFolder(const QString& folder);  // where receipt PDFs are saved
    void setStatusBaseUrl(const QString& base);    // the server the receipt's QR code points to

    // A new, empty case for `procedure`, the citizen panel focused.
    void startCase(kep::desk::catalogue::PublishedRecord procedure);

    QString lastReceiptFile() const { return lastReceipt_; }
    QList<QWidget*> inputsInTabOrder() const;

    CitizenPanel* citizenPanel() const { return citizen_; }
    EvidencePanel* evidencePanel() const { return evidence_; }
    QPlainTextEdit* notes() const { return notes_; }
    QLabel* fee() const { return fee_; }
    QLabel* dueDate() const { return dueDate_; }
    QLabel* outcome() const { return outcome_; }
    QPushButton* fileButton() const { return fileButton_; }
    QPushButton* printButton() const { return printButton_; }
    QAction* fileAction() const { return fileAction_; }

public slots:
    void file();
    void printReceipt();

signals:
    void caseFiled(const QString& protocolNumber, const QString& receiptFile);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProcedureFacts();
    bool saveReceipt(const QString& protocolNumber);
    void retranslateUi();

    kep::desk::cases::CaseStore& store_;
    const kep::desk::Clock& clock_;
    kep::cases::Actor clerk_;
    QString office_;
    QString receiptFolder_;
    QString statusBase_;
    std::optional<kep::desk::catalogue::PublishedRecord> procedure_;
    QLabel* title_;
    CitizenPanel* citizen_;
    EvidencePanel* evidence_;
    QLabel* feeLabel_;
    QLabel* fee_;
    QLabel* dueDateLabel_;
    QLabel* dueDate_;
    QLabel* notesLabel_;
    QPlainTextEdit* notes_;
    QPushButton* fileButton_;
    QPushButton* printButton_;
    QLabel* outcome_;
    QAction* fileAction_;
    QString lastReceipt_;
    std::optional<ReceiptContent> receipt_;  // of the case just filed, for printing
    std::int64_t feeCents_ = 0;
    std::optional<std::chrono::year_month_day> due_;
};

}  // namespace kep::desk::ui
