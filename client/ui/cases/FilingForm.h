// The clerk's filing form for one procedure: the citizen, the procedure's evidence checklist with
// its attachments, fee, due date and notes; File (Ctrl+Enter) files the case in desk.db with a
// leased protocol number, saves the receipt PDF (in the language chosen for the citizen) and
// offers it for print. Every action is a QAction with a shortcut. With autosave on, what is typed
// is kept as a draft until filed.
#pragma once

#include "cases/Receipt.h"
#include "catalogue/PublishedRecord.h"
#include "shared/cases/Actor.h"
#include "shared/catalogue/LocalizedText.h"

#include <QWidget>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace kep::desk {
class Clock;
}
namespace kep::desk::cases {
class CaseStore;
class DraftStore;
struct Draft;
struct FilingDraft;
struct ImportedAttachment;
}  // namespace kep::desk::cases

namespace kep::desk::ui {

class CitizenPanel;
class DraftAutosave;
class EvidencePanel;
class ReceiptLanguageChoice;

class FilingForm : public QWidget {
    Q_OBJECT
public:
    // `store` and `clock` must outlive the form.
    FilingForm(kep::desk::cases::CaseStore& store, const kep::desk::Clock& clock,
               QWidget* parent = nullptr);
    ~FilingForm() override;

    void setClerk(const kep::cases::Actor& clerk, const QString& office);
    void setReceiptFolder(const QString& folder);     // where receipt PDFs are saved
    void setAttachmentFolder(const QString& folder);  // the content-addressed attachment copies
    void setStatusBaseUrl(const QString& base);       // the server the receipt's QR code points to
    void setReceiptWatermark(const QString& mark);    // training mode: on every receipt and slip
    // The procedure's title and documents in the desk's language (Greek where a record has no
    // English); the receipt is in the language its choice shows (receiptLanguage()).
    void setLanguage(kep::catalogue::Language language);
    // From now on what is typed is saved as a draft in `drafts` (which must outlive the form):
    // 1 s after typing stops (at most 1.5 s after the first unsaved keystroke), at once when the
    // focus moves to another field and when the form is left.
    void enableAutosave(kep::desk::cases::DraftStore& drafts);

    // A new, empty case for `procedure`, the citizen panel focused. The case on the form before
    // is saved as a draft first (with autosave on), so that starting another loses nothing.
    void startCase(kep::desk::catalogue::PublishedRecord procedure);
    // The case of a saved draft, as it was typed, under `procedure` as the catalogue has it now.
    // False (and the form unchanged) when the draft cannot be read.
    bool resumeDraft(kep::desk::catalogue::PublishedRecord procedure,
                     const kep::desk::cases::Draft& draft);

    // What is on the form, as a draft would keep it; and the identity of that draft.
    kep::desk::cases::FilingDraft draft() const;
    const std::string& draftId() const { return draftId_; }
    const std::string& clerkId() const { return clerk_.id; }
    bool hasUnfiledCase() const;  // a case started and not yet filed
    DraftAutosave* autosave() const { return autosave_; }

    // The single way in for an attachment, imported from a file or scanned: it shows the
    // checklist document last focused, which becomes provided.
    void addAttachment(const kep::desk::cases::ImportedAttachment& attachment);
    // Imports `file` (type from the content, size limited) and attaches it; a refusal is said
    // in the outcome line. False when refused.
    bool attachFile(const QString& file);

    QString lastReceiptFile() const { return lastReceipt_; }
    QList<QWidget*> inputsInTabOrder() const;

    CitizenPanel* citizenPanel() const { return citizen_; }
    EvidencePanel* evidencePanel() const { return evidence_; }
    QPlainTextEdit* notes() const { return notes_; }
    QLabel* fee() const { return fee_; }
    QLabel* dueDate() const { return dueDate_; }
    // At the counter, or at a myKEPlive video call: enabled for procedures offered remotely.
    QComboBox* channel() const { return channel_; }
    // The receipt's language: the desk's, or English for a citizen who is not Greek, unless the
    // clerk picks one; a pick after filing saves the receipt again in that language.
    ReceiptLanguageChoice* receiptLanguage() const { return receiptLanguage_; }
    QLabel* outcome() const { return outcome_; }
    QPushButton* fileButton() const { return fileButton_; }
    QPushButton* printButton() const { return printButton_; }
    QPushButton* attachButton() const { return attachButton_; }
    QPushButton* scanButton() const { return scanButton_; }
    QAction* fileAction() const { return fileAction_; }
    QAction* printAction() const { return printAction_; }
    QAction* printSlipAction() const { return printSlipAction_; }
    QAction* attachAction() const { return attachAction_; }
    QAction* scanAction() const { return scanAction_; }
    // The scanner chosen last time (the user's Settings), offered first by the scan dialog.
    void setPreferredScanner(const QString& deviceName) { preferredScanner_ = deviceName; }
    QAction* saveDraftAction() const { return saveDraftAction_; }

public slots:
    void file();
    void printReceipt();
    void printMissingSlip();
    void chooseAttachment();
    // Scans pages at the counter's scanner (ScanDialog) and attaches them as one document.
    void scanAttachment();

signals:
    void scannerChosen(const QString& deviceName);  // to remember it for next time
    void caseFiled(const QString& protocolNumber, const QString& receiptFile);
    // The filed case's receipt (or missing-documents slip) went to a printer: audited (issue 9).
    void receiptPrinted(const QString& caseId, bool reprint);
    void edited();  // anything typed, marked or attached on an unfiled case

protected:
    void changeEvent(QEvent* event) override;

private:
    QAction* addFormAction(const char* name, const QList<QKeySequence>& shortcuts);
    void showProcedureFacts();
    ReceiptLanguage suggestedReceiptLanguage() const;
    ReceiptContent receiptContent(ReceiptLanguage language, const QString& protocolNumber,
                                  const QDateTime& filedAt) const;
    bool saveReceipt(const ReceiptContent& content);
    void print(bool missingSlip);
    void retranslateUi();

    kep::desk::cases::CaseStore& store_;
    const kep::desk::Clock& clock_;
    kep::cases::Actor clerk_;
    QString office_;
    QString receiptFolder_;
    QString attachmentFolder_;
    QString statusBase_;
    QString receiptWatermark_;
    kep::catalogue::Language language_ = kep::catalogue::Language::El;
    std::optional<kep::desk::catalogue::PublishedRecord> procedure_;
    std::string draftId_;
    bool filed_ = false;
    QLabel* title_;
    CitizenPanel* citizen_;
    EvidencePanel* evidence_;
    QLabel* feeLabel_;
    QLabel* fee_;
    QLabel* dueDateLabel_;
    QLabel* dueDate_;
    QLabel* channelLabel_;
    QComboBox* channel_;
    QLabel* receiptLanguageLabel_;
    ReceiptLanguageChoice* receiptLanguage_;
    QLabel* notesLabel_;
    QPlainTextEdit* notes_;
    QPushButton* fileButton_;
    QPushButton* printButton_;
    QPushButton* attachButton_;
    QPushButton* scanButton_;
    QLabel* outcome_;
    QAction* fileAction_;
    QAction* printAction_;
    QAction* printSlipAction_;
    QAction* attachAction_;
    QAction* scanAction_;
    QAction* saveDraftAction_;
    QString preferredScanner_;
    DraftAutosave* autosave_ = nullptr;  // a child of the form, once enabled
    QString lastReceipt_;
    std::optional<ReceiptContent> receipt_;  // of the case just filed, for printing
    // … in Greek and in English, made at filing, so a later pick of language prints what was filed.
    std::optional<ReceiptContent> filedReceipts_[2];
    QString filedCaseId_;  // … and its id, for the audit of each print
    int receiptPrints_ = 0;
    std::int64_t feeCents_ = 0;
    std::optional<std::chrono::year_month_day> due_;
};

}  // namespace kep::desk::ui
