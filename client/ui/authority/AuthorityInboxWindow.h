// The competent authority's inbox at a desk (issue 7): the cases forwarded to it (protocol
// number, procedure, office, status, due date, channel), one case with its documents and
// history, a document opened or saved, and the one-action decisions — accept, ask for documents
// (with the reason), reject (with the reason), complete (with the result PDF).
#pragma once

#include "authority/AuthorityCases.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace kep::desk::admin {
struct AdminFailure;
}
namespace kep::desk::authority {
class AuthorityClient;
}

namespace kep::desk::ui {

class AuthorityInboxWindow : public QDialog {
    Q_OBJECT
public:
    enum Column { ProtocolNumber, Procedure, Office, Status, DueDate, Channel, ColumnCount };

    // Seams for what asks the person (message boxes and file dialogs by default; tests answer).
    // The reason for asking for documents or rejecting; nullopt when cancelled.
    using ReasonPrompt = std::function<std::optional<QString>(const QString& question)>;
    // The result PDF to send; "" when cancelled.
    using ResultChooser = std::function<QString()>;
    // Where to save a document (`suggested` is a file name); "" when cancelled.
    using SaveChooser = std::function<QString(const QString& suggested)>;
    // Shows a downloaded document (the system's viewer by default); false when it cannot.
    using DocumentOpener = std::function<bool(const QString& file)>;

    // `documentFolder`: where opened documents are kept while the window lives (the desk's data
    // folder, which only its users can read); emptied when the window goes.
    AuthorityInboxWindow(kep::desk::authority::AuthorityClient& client, QString documentFolder,
                         QWidget* parent = nullptr);
    ~AuthorityInboxWindow() override;

    void setReasonPrompt(ReasonPrompt prompt) { askReason_ = std::move(prompt); }
    void setResultChooser(ResultChooser chooser) { chooseResult_ = std::move(chooser); }
    void setSaveChooser(SaveChooser chooser) { chooseSave_ = std::move(chooser); }
    void setDocumentOpener(DocumentOpener opener) { opener_ = std::move(opener); }

    void refresh();  // the inbox again, in the chosen status
    void openSelectedCase();
    void accept();
    void requestDocuments();
    void reject();
    void complete();
    void openSelectedDocument();
    void saveSelectedDocument();

    QComboBox* statusFilter() const { return statusFilter_; }
    QTableWidget* inbox() const { return inbox_; }
    QTextBrowser* caseView() const { return caseView_; }
    QListWidget* documents() const { return documents_; }
    QTableWidget* history() const { return history_; }
    QPushButton* acceptButton() const { return accept_; }
    QPushButton* requestDocumentsButton() const { return requestDocuments_; }
    QPushButton* rejectButton() const { return reject_; }
    QPushButton* completeButton() const { return complete_; }
    QPushButton* openDocumentButton() const { return openButton_; }
    QPushButton* saveDocumentButton() const { return saveDocument_; }
    QLabel* status() const { return status_; }
    // The case shown in the view, if any.
    const std::optional<kep::desk::authority::InboxCase>& shownCase() const { return shown_; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showInbox(const QList<kep::desk::authority::InboxCase>& cases);
    void showCase(const kep::desk::authority::InboxCase& shown);
    void showDecided(const QString& caseId, kep::desk::authority::Decision decision);
    void showDocument(const QString& caseId, const QString& sha256, const QByteArray& bytes);
    void showFailure(const kep::desk::admin::AdminFailure& failure);
    void decideWithReason(kep::desk::authority::Decision decision);
    void updateActions();
    QString selectedCaseId() const;
    QString selectedDocumentFile(const kep::desk::authority::CaseDocument& document) const;
    void setStatus(const QString& text, bool error);

    kep::desk::authority::AuthorityClient& client_;
    QString documentFolder_;
    ReasonPrompt askReason_;
    ResultChooser chooseResult_;
    SaveChooser chooseSave_;
    DocumentOpener opener_;
    QList<kep::desk::authority::InboxCase> listed_;
    std::optional<kep::desk::authority::InboxCase> shown_;
    bool busy_ = false;  // a decision sent and not yet answered
    QString saveTo_;     // the file a fetched document goes to ("" to open it)

    QLabel* statusFilterLabel_;
    QComboBox* statusFilter_;
    QPushButton* reload_;
    QLabel* inboxLabel_;
    QTableWidget* inbox_;
    QLabel* caseLabel_;
    QTextBrowser* caseView_;
    QLabel* documentsLabel_;
    QListWidget* documents_;
    QPushButton* openButton_;
    QPushButton* saveDocument_;
    QLabel* historyLabel_;
    QTableWidget* history_;
    QPushButton* accept_;
    QPushButton* requestDocuments_;
    QPushButton* reject_;
    QPushButton* complete_;
    QLabel* status_;
    QPushButton* close_;
};

}  // namespace kep::desk::ui
