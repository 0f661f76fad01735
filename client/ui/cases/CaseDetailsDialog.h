// One case, read-only, as a queue or the search opened it: protocol number, citizen, procedure,
// status and why, channel, due date with the stopped clock, who filed it and when, and every
// recorded step; a completed case's result document fetched from the server to print; a case
// ready to go on forwarded to its competent authority (Ctrl+Shift+Enter). The counter's own
// steps once the authority has it (documents, pickup, hand-over) are a CounterStepsPanel.
#pragma once

#include "cases/CaseQueries.h"

#include <QDialog>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kep::desk::admin {
struct AdminFailure;
}
namespace kep::desk::authority {
class ResultDocumentClient;
}

namespace kep::desk::ui {

class CaseForwarder;
class CounterStepsPanel;

class CaseDetailsDialog : public QDialog {
    Q_OBJECT
public:
    // Hands a saved result PDF to what prints it; the default opens it in the system's PDF
    // viewer (Qt has no PDF renderer here), where it is printed. Tests record the file.
    using ResultPrinter = std::function<bool(const QString& pdfFile)>;

    explicit CaseDetailsDialog(QWidget* parent = nullptr);

    // Where "Print result" fetches from and saves to (the data folder's results/); without a
    // client the button stays hidden. The client must outlive the dialog.
    void setResultDocuments(kep::desk::authority::ResultDocumentClient* client,
                            const QString& folder);
    void setResultPrinter(ResultPrinter printer) { printResult_ = std::move(printer); }
    void printResult();

    // Forwarding for the signed-in user (must outlive the dialog); null hides the action.
    void setForwarder(CaseForwarder* forwarder);
    // Forwards the case shown to its competent authority, and shows it forwarded.
    void forwardCase();

    // Fills the dialog from the queries (which must outlive the call) and opens it.
    void showCase(const kep::desk::cases::QueueCase& shown,
                  const kep::desk::cases::CaseQueries& queries);

    QLabel* protocolNumber() const { return protocol_; }
    QLabel* status() const { return status_; }
    QLabel* dueDate() const { return due_; }
    QLabel* channel() const { return channel_; }
    QLabel* statusReason() const { return reason_; }
    QPushButton* printResultButton() const { return printResultButton_; }
    QLabel* resultOutcome() const { return resultOutcome_; }
    QLabel* destination() const { return destination_; }
    QPushButton* forwardButton() const { return forwardButton_; }
    QAction* forwardAction() const { return forwardAction_; }
    QLabel* forwardOutcome() const { return forwardOutcome_; }
    // Documents received, ready for pickup, hand-over: DeskShell gives it the signed-in staff.
    CounterStepsPanel* counterSteps() const { return counterSteps_; }
    QTableWidget* history() const { return history_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    // The case's facts and history, as the queries have them now.
    void fill(const kep::desk::cases::QueueCase& shown,
              const kep::desk::cases::CaseQueries& queries);
    void updateForwarding();
    void caseForwarded(const QString& caseId);
    void counterStepTaken(const QString& caseId);
    void resultFetched(const QString& caseId, const QByteArray& pdf);
    void resultFailed(const QString& caseId, const kep::desk::admin::AdminFailure& failure);

    QLabel* protocolLabel_;
    QLabel* protocol_;
    QLabel* surnameLabel_;
    QLabel* surname_;
    QLabel* procedureLabel_;
    QLabel* procedure_;
    QLabel* statusLabel_;
    QLabel* status_;
    QLabel* reasonLabel_;
    QLabel* reason_;
    QLabel* channelLabel_;
    QLabel* channel_;
    QLabel* dueLabel_;
    QLabel* due_;
    QLabel* filedLabel_;
    QLabel* filed_;
    QLabel* destinationLabel_;
    QLabel* destination_;
    QLabel* historyLabel_;
    QTableWidget* history_;
    QPushButton* printResultButton_;
    QLabel* resultOutcome_;
    QPushButton* forwardButton_;
    QAction* forwardAction_;
    QLabel* forwardOutcome_;
    CaseForwarder* forwarder_ = nullptr;
    const kep::desk::cases::CaseQueries* queries_ = nullptr;  // of the case shown
    std::optional<kep::desk::cases::CaseSummary> shown_;
    kep::desk::authority::ResultDocumentClient* results_ = nullptr;
    QString resultFolder_;
    ResultPrinter printResult_;
    QString caseId_;  // the case shown
    QString protocolNumber_;
    bool hasResult_ = false;
    CounterStepsPanel* counterSteps_ = nullptr;
};

}  // namespace kep::desk::ui
