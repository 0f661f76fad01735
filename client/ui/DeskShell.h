// The desk's flow between its windows: enrolment on a PC without a workstation certificate,
// then sign-in (online, or offline against this desk's verifiers), then the main window and the
// administration screens of the user's role; sign-out back to sign-in; language and large-text
// choices applied at once and remembered per user.
#pragma once

#include "Clock.h"
#include "OfflineSignIn.h"
#include "SyncStatus.h"
#include "UserSession.h"
#include "WorkstationEnrolment.h"
#include "shared/domain/WorkingCalendar.h"

#include <QObject>

#include <memory>
#include <optional>
#include <string>

namespace kep::desk {
class ServerLink;
class Settings;
class Workstation;
namespace admin {
class AdministrationClient;
}
namespace authority {
class AuthorityClient;
class ResultDocumentClient;
}  // namespace authority
namespace catalogue {
class DeskCatalogue;
}
}  // namespace kep::desk

namespace kep::desk::audit {
class DeskAuditTrail;
}  // namespace kep::desk::audit

namespace kep::desk::cases {
class CaseForwarding;
class CaseQueries;
class CaseStore;
class DraftStore;
class ProtocolLeaseKeeper;
class ProtocolLeaseStore;
}  // namespace kep::desk::cases

namespace kep::desk::ui {

class AuthorityInboxEntry;
class DashboardEntry;
class CataloguePublishEntry;
class CentralCorrespondence;
class EnrolmentDialog;
class LanguageManager;
class MainWindow;
class OfficesDialog;
class SignInDialog;
class UsersDialog;
class WorkstationsDialog;
class FilingForm;
class ApprovalQueue;
class CaseDetailsDialog;
class CaseForwarder;
class CaseSearchPage;
class WorkQueuesPage;
class SyncControls;

class DeskShell : public QObject {
    Q_OBJECT
public:
    // `catalogue` (may be null: no procedure finder) must outlive the shell.
    DeskShell(kep::desk::Settings& settings, LanguageManager& languages,
              kep::desk::ServerLink& link, kep::desk::Workstation& workstation,
              kep::desk::catalogue::DeskCatalogue* catalogue = nullptr, QObject* parent = nullptr);
    ~DeskShell() override;

    // Shows the enrolment dialog if this PC has no workstation certificate, else sign-in.
    void start();
    void signOut();
    void switchLanguage(const QString& code);
    void setLargeText(bool on);
    // For this session: Settings has no high-contrast value to remember it in yet.
    void setHighContrast(bool on);

    void showOffices();
    void showUsers();
    void showWorkstations();
    // The filing form for a procedure of the local catalogue, as the signed-in clerk.
    void startNewCase(const QString& procedureId);
    // The office's cases awaiting approval, for a signed-in manager.
    void showApprovalQueue();
    // The office's work queues (Ctrl+1 … Ctrl+5), the case search (Ctrl+Shift+F, F4), and one
    // case read-only, for a signed-in member of an office.
    void showWorkQueues();
    void showCaseSearch();
    void showCase(const QString& caseId);
    // Training mode (issue 11), before start(): no enrolment, and sign-in only against the
    // sandbox's accounts (`accounts`, a line each, listed on the sign-in dialog), never the
    // link. The training composition root gives the shell a link with no server behind it.
    void enterTraining(const QStringList& accounts);
    bool isTraining() const { return training_; }
    // kep-desk --check-start: quit as soon as the sign-in dialog has been shown.
    void setExitAtSignIn(bool on) { exitAtSignIn_ = on; }

    MainWindow* mainWindow() const { return mainWindow_.get(); }
    SignInDialog* signInDialog() const { return signIn_.get(); }
    EnrolmentDialog* enrolmentDialog() const { return enrolment_.get(); }
    UsersDialog* usersDialog() const { return users_.get(); }        // null until first shown
    FilingForm* filingForm() const { return filingForm_; }           // null until a case is started
    ApprovalQueue* approvalQueue() const { return approvalQueue_; }  // null until first shown
    WorkQueuesPage* workQueuesPage() const { return workQueues_; }
    CaseSearchPage* caseSearchPage() const { return caseSearch_; }
    CaseDetailsDialog* caseDetails() const { return caseDetails_; }
    kep::desk::SyncStatus& syncStatus() { return syncStatus_; }
    // Null until someone of an office signs in.
    kep::desk::cases::ProtocolLeaseKeeper* protocolLeaseKeeper() const {
        return leaseKeeper_.get();
    }
    kep::desk::catalogue::DeskCatalogue* catalogue() const { return catalogue_; }
    CataloguePublishEntry* cataloguePublishing() const { return cataloguePublishing_; }
    AuthorityInboxEntry* authorityInbox() const { return authorityInbox_; }
    DashboardEntry* dashboards() const { return dashboards_; }
    CentralCorrespondence* correspondence() const { return correspondence_; }
    const std::optional<kep::desk::UserSession>& session() const { return session_; }
    SyncControls* syncControls() const { return syncControls_.get(); }

signals:
    void enrolled(const kep::desk::WorkstationEnrolled& workstation);
    void enrolmentFailed(const kep::desk::EnrolmentFailure& failure);
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);
    void offlineSignInRefused(const kep::desk::OfflineRefusal& refusal);
    void quitRequested();  // the user closed the desk (settings are saved by then)
    // The sign-in dialog's "Training mode" (reset false) or, in training, its confirmed
    // "Reset training data" (reset true): main() starts the desk again that way.
    void trainingRestartRequested(bool reset);

private:
    void showSignIn();
    void onSignedIn(const kep::desk::UserSession& session);
    void onServerState(const kep::desk::ServerHealth& health);
    void signInOffline(const QString& username, const QString& password);
    void closeAdministration();
    kep::desk::cases::CaseStore& caseStore();
    // What the desk audits itself (issue 9): reads at the counter, for the user signed in.
    kep::desk::audit::DeskAuditTrail& auditTrail();
    std::string deviceId() const;  // the enrolled workstation's id (the host name before)
    // The filing form, made on first use with autosave into desk.db's drafts.
    FilingForm& filingFormForSession();
    // After sign-in: the user's newest unfiled draft, offered to resume, keep or discard.
    void offerUnfinishedDraft();
    // Made with the case store: shows the numbers left and, online, keeps them stocked.
    void keepProtocolNumbers();
    // The work queues and case search: their actions in the main window, shown as tabs.
    void addCasePages();
    kep::desk::cases::CaseQueries& caseQueries();
    void showPage(QWidget* page);
    void showProtocolStock();
    void quit();

    kep::desk::Settings& settings_;
    LanguageManager& languages_;
    kep::desk::ServerLink& link_;
    kep::desk::Workstation& workstation_;
    kep::desk::catalogue::DeskCatalogue* catalogue_;
    kep::desk::SyncStatus syncStatus_;
    std::unique_ptr<kep::desk::admin::AdministrationClient> administration_;
    // Before the main window: the filing form, a page of the window, uses both until it goes.
    kep::desk::SystemClock clock_;
    std::unique_ptr<kep::desk::cases::CaseStore> cases_;
    std::unique_ptr<kep::desk::audit::DeskAuditTrail> audit_;
    kep::domain::WorkingCalendar calendar_;  // national holidays: due dates in working days
    std::unique_ptr<kep::desk::cases::CaseQueries> queries_;
    std::unique_ptr<kep::desk::cases::DraftStore> drafts_;
    std::unique_ptr<kep::desk::cases::ProtocolLeaseStore> leases_;
    std::unique_ptr<kep::desk::cases::ProtocolLeaseKeeper> leaseKeeper_;
    std::unique_ptr<MainWindow> mainWindow_;
    FilingForm* filingForm_ = nullptr;        // owned by the main window
    ApprovalQueue* approvalQueue_ = nullptr;  // owned by the main window
    WorkQueuesPage* workQueues_ = nullptr;    // owned by the main window, kept across sessions
    CaseSearchPage* caseSearch_ = nullptr;    // likewise; emptied at sign-out
    CaseDetailsDialog* caseDetails_ = nullptr;
    std::unique_ptr<SignInDialog> signIn_;
    std::unique_ptr<EnrolmentDialog> enrolment_;
    std::unique_ptr<OfficesDialog> offices_;
    std::unique_ptr<UsersDialog> users_;
    std::unique_ptr<WorkstationsDialog> workstations_;
    CataloguePublishEntry* cataloguePublishing_ = nullptr;  // owned by the Administration menu
    // Issue 7: the authority's inbox (View menu), and the completed cases' results to print.
    std::unique_ptr<kep::desk::authority::AuthorityClient> authorityClient_;
    AuthorityInboxEntry* authorityInbox_ = nullptr;  // owned by the View menu
    // Issue 8: the office and national dashboards (View menu).
    DashboardEntry* dashboards_ = nullptr;             // owned by the View menu
    CentralCorrespondence* correspondence_ = nullptr;  // circulars and flags (issue 8)
    std::unique_ptr<kep::desk::authority::ResultDocumentClient> resultDocuments_;
    // Issue 7: the KEP forwards cases to their competent authority (queues, case details).
    std::unique_ptr<kep::desk::cases::CaseForwarding> forwarding_;
    CaseForwarder* caseForwarder_ = nullptr;  // a child of the shell
    std::optional<kep::desk::UserSession> session_;
    bool exitAtSignIn_ = false;
    bool training_ = false;
    // Last, so that the sync threads stop before the window and its panels go.
    std::unique_ptr<SyncControls> syncControls_;
};

}  // namespace kep::desk::ui
