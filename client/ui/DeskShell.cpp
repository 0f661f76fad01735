#include "DeskShell.h"

#include "DeskTheme.h"
#include "EnrolmentDialog.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "Settings.h"
#include "SignInDialog.h"
#include "Workstation.h"
#include "admin/AdminAccess.h"
#include "admin/AdministrationClient.h"
#include "admin/CataloguePublishEntry.h"
#include "admin/OfficesDialog.h"
#include "admin/UsersDialog.h"
#include "admin/WorkstationsDialog.h"
#include "audit/DeskAuditTrail.h"
#include "authority/AuthorityClient.h"
#include "authority/AuthorityInboxEntry.h"
#include "authority/ResultDocumentClient.h"
#include "cases/ApprovalQueue.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseForwarder.h"
#include "cases/CaseForwarding.h"
#include "cases/CaseQueries.h"
#include "cases/CaseSearchPage.h"
#include "cases/CaseStore.h"
#include "cases/CounterStepsPanel.h"
#include "cases/DraftResumeOffer.h"
#include "cases/DraftStore.h"
#include "cases/FilingDraft.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/ProtocolStockIndicator.h"
#include "cases/WorkQueuesPage.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/DeskCatalogue.h"
#include "circulars/CentralCorrespondence.h"
#include "dashboard/DashboardEntry.h"
#include "help/HelpController.h"
#include "sync/SyncControls.h"
#include "training/TrainingWatermark.h"

#include <QDir>
#include <QMenu>
#include <QSysInfo>
#include <QTabWidget>
#include <QTimer>

namespace kep::desk::ui {

DeskShell::DeskShell(Settings& settings, LanguageManager& languages, ServerLink& link,
                     Workstation& workstation, catalogue::DeskCatalogue* catalogue, QObject* parent)
    : QObject(parent)
    , settings_(settings)
    , languages_(languages)
    , link_(link)
    , workstation_(workstation)
    , catalogue_(catalogue)
    , administration_(std::make_unique<admin::AdministrationClient>(link))
    , mainWindow_(std::make_unique<MainWindow>(syncStatus_))
    , signIn_(std::make_unique<SignInDialog>())
    , enrolment_(std::make_unique<EnrolmentDialog>()) {
    mainWindow_->setLanguage(languages_.language());
    mainWindow_->setLargeText(settings_.largeText());
    mainWindow_->setHighContrast(settings_.highContrast());
    mainWindow_->setSession(std::nullopt);
    if (!settings_.mainWindowGeometry().isEmpty()) {
        mainWindow_->restoreGeometry(settings_.mainWindowGeometry());
        mainWindow_->restoreState(settings_.mainWindowState());
    }
    signIn_->setOfflineDays(workstation_.offlineSignIn().rule().maxDays);

    connect(&link_, &ServerLink::serverStateChanged, this, &DeskShell::onServerState);

    // Enrolment: the key and CSR are made by the link's worker; the dialog only takes the code.
    connect(enrolment_.get(), &EnrolmentDialog::enrolRequested, this,
            [this](const QString& code) { link_.enrol(code, QSysInfo::machineHostName()); });
    connect(&link_, &ServerLink::enrolled, this, [this](const WorkstationEnrolled& result) {
        enrolment_->enrolmentSucceeded();
        emit enrolled(result);
        showSignIn();
    });
    connect(&link_, &ServerLink::enrolmentFailed, this, [this](const EnrolmentFailure& failure) {
        enrolment_->showFailure(failure);
        emit enrolmentFailed(failure);
    });
    connect(enrolment_.get(), &QDialog::rejected, this, &DeskShell::quit);

    // Sign-in, online through the link or offline against desk.db.
    connect(&link_, &ServerLink::signedIn, this, &DeskShell::onSignedIn);
    connect(&link_, &ServerLink::signInFailed, this, [this](const SignInFailure& failure) {
        signIn_->showFailure(failure);
        emit signInFailed(failure);
    });
    connect(&link_, &ServerLink::offlineVerifierReady, this,
            [this](const UserSession& session, const QString& verifier) {
                try {
                    workstation_.offlineSignIn().rememberOnlineSignIn(session, verifier);
                } catch (const std::exception& e) {
                    // The online session goes on; only offline sign-in for this user is lost.
                    qWarning("kep-desk: cannot keep the offline verifier: %s", e.what());
                }
            });
    connect(&link_, &ServerLink::directoryReceived, this,
            [this](const QList<DirectoryUser>& users) {
                try {
                    workstation_.offlineSignIn().applyDirectory(users);
                } catch (const std::exception& e) {
                    qWarning("kep-desk: cannot drop disabled users' verifiers: %s", e.what());
                }
            });
    connect(signIn_.get(), &SignInDialog::signInRequested, &link_, &ServerLink::signIn);
    connect(signIn_.get(), &SignInDialog::offlineSignInRequested, this, &DeskShell::signInOffline);
    connect(signIn_.get(), &SignInDialog::trainingRequested, this,
            [this] { emit trainingRestartRequested(false); });
    connect(signIn_.get(), &SignInDialog::trainingResetRequested, this,
            [this] { emit trainingRestartRequested(true); });
    connect(signIn_.get(), &QDialog::rejected, this, [this] {
        if (!session_) {
            quit();
        }
    });

    connect(mainWindow_.get(), &MainWindow::signOutRequested, this, &DeskShell::signOut);
    connect(mainWindow_.get(), &MainWindow::quitRequested, this, &DeskShell::quit);
    connect(mainWindow_.get(), &MainWindow::languageRequested, this, &DeskShell::switchLanguage);
    connect(mainWindow_.get(), &MainWindow::largeTextRequested, this, &DeskShell::setLargeText);
    connect(mainWindow_.get(), &MainWindow::highContrastRequested, this,
            &DeskShell::setHighContrast);
    connect(mainWindow_.get(), &MainWindow::checkConnectionRequested, &link_,
            &ServerLink::checkHealth);
    connect(mainWindow_.get(), &MainWindow::officesRequested, this, &DeskShell::showOffices);
    connect(mainWindow_.get(), &MainWindow::usersRequested, this, &DeskShell::showUsers);
    connect(mainWindow_.get(), &MainWindow::workstationsRequested, this,
            &DeskShell::showWorkstations);
    // Catalogue publishing (central_admin) brings its own Administration menu entry.
    cataloguePublishing_ =
        new CataloguePublishEntry(*administration_, mainWindow_->adminMenu(), mainWindow_.get());
    cataloguePublishing_->setLanguage(languages_.language());
    connect(&languages_, &LanguageManager::languageChanged, cataloguePublishing_,
            &CataloguePublishEntry::setLanguage);
    connect(&languages_, &LanguageManager::languageChanged, mainWindow_.get(),
            &MainWindow::setLanguage);

    // Background sync: status bar, sync panel, conflict inbox (View menu).
    syncControls_ =
        std::make_unique<SyncControls>(settings_, workstation_, *mainWindow_, syncStatus_);

    // The authority role (issue 7): its inbox, opened at an authority user's sign-in.
    authorityClient_ = std::make_unique<authority::AuthorityClient>(link_);
    authorityInbox_ = new AuthorityInboxEntry(
        *authorityClient_, mainWindow_->viewMenu(), mainWindow_.get(),
        QDir(workstation_.dataFolder().path()).filePath(QStringLiteral("authority-documents")));
    // A pulled change (an authority asking for documents, a result) shows without reopening.
    connect(syncControls_.get(), &SyncControls::officeChangesPulled, this, [this] {
        if (queries_) {
            workQueues_->refresh();
        }
    });

    // Issue 8: the dashboards (View menu); a figure's case opens in the case details.
    dashboards_ = new DashboardEntry(link_, clock_, mainWindow_->viewMenu(), mainWindow_->pages());
    connect(dashboards_, &DashboardEntry::caseOpened, this, &DeskShell::showCase);
    connect(syncControls_.get(), &SyncControls::officeChangesPulled, dashboards_,
            &DashboardEntry::officeChanged);
    // Issue 8: circulars shown at sign-in until read, clerks' flags on procedures, their review.
    correspondence_ = new CentralCorrespondence(link_, workstation_.database(), *mainWindow_, this);
    correspondence_->setLanguage(languages_.language());
    connect(&languages_, &LanguageManager::languageChanged, correspondence_,
            &CentralCorrespondence::setLanguage);

    // Issue 11: F1 opens the help of the screen in use, in every window; Help menu entry too.
    (new help::HelpController(languages_, this))->addMenuEntry(mainWindow_->helpMenu());
    connect(mainWindow_.get(), &MainWindow::newCaseRequested, this, &DeskShell::startNewCase);
    connect(mainWindow_.get(), &MainWindow::approvalQueueRequested, this,
            &DeskShell::showApprovalQueue);
    addCasePages();

    // The catalogue: searched from the index, opened from desk.db, in the desk's language.
    CataloguePage* page = mainWindow_->cataloguePage();
    page->setLanguage(languages_.language());
    connect(&languages_, &LanguageManager::languageChanged, page, &CataloguePage::setLanguage);
    if (catalogue_ != nullptr) {
        page->setCatalogue(&catalogue_->store(), &catalogue_->index());
        connect(catalogue_, &catalogue::DeskCatalogue::updated, page,
                [this, page](int changed, const QStringList& ids) {
                    page->catalogueUpdated(ids);
                    mainWindow_->showCatalogueUpdated(changed);
                });
    }
}

DeskShell::~DeskShell() = default;

void DeskShell::addCasePages() {
    // Made once and kept: their shortcuts live in the window from the start, and sign-out
    // empties them instead of deleting them.
    workQueues_ = new WorkQueuesPage(clock_, mainWindow_.get());
    caseSearch_ = new CaseSearchPage(clock_, mainWindow_.get());
    caseDetails_ = new CaseDetailsDialog(mainWindow_.get());
    resultDocuments_ = std::make_unique<authority::ResultDocumentClient>(link_);
    caseDetails_->setResultDocuments(
        resultDocuments_.get(),
        QDir(workstation_.dataFolder().path()).filePath(QStringLiteral("results")));
    caseForwarder_ = new CaseForwarder(clock_, this);
    const auto forwarderLanguage = [this](const QString& code) {
        caseForwarder_->setLanguage(code == QLatin1String("en") ? kep::catalogue::Language::En
                                                                : kep::catalogue::Language::El);
    };
    forwarderLanguage(languages_.language());
    connect(&languages_, &LanguageManager::languageChanged, caseForwarder_, forwarderLanguage);
    QList<QAction*> actions{caseSearch_->findAction()};
    actions << workQueues_->queueActions();
    QMenu* view = mainWindow_->viewMenu();
    const auto viewActions = view->actions();
    const auto after = viewActions.indexOf(mainWindow_->findProcedureAction());
    view->insertActions(viewActions.value(after + 1), actions);
    mainWindow_->addActions(actions);
    for (QAction* action : actions) {
        action->setEnabled(false);  // until someone of an office signs in
    }
    QTabWidget* tabs = mainWindow_->pages();
    for (QWidget* page : {static_cast<QWidget*>(workQueues_), static_cast<QWidget*>(caseSearch_)}) {
        page->hide();  // a tab once shown; until then a hidden child of the window
        connect(page, &QWidget::windowTitleChanged, tabs, [tabs, page](const QString& title) {
            if (const int at = tabs->indexOf(page); at >= 0) {
                tabs->setTabText(at, title);
            }
        });
    }
    connect(workQueues_, &WorkQueuesPage::queueRequested, this, &DeskShell::showWorkQueues);
    connect(caseSearch_, &CaseSearchPage::searchRequested, this, &DeskShell::showCaseSearch);
    connect(caseSearch_, &CaseSearchPage::searched, this,
            [this](const QString& typed) { auditTrail().citizenSearched(typed.toStdString()); });
    connect(workQueues_, &WorkQueuesPage::caseOpened, this, &DeskShell::showCase);
    connect(caseSearch_, &CaseSearchPage::caseOpened, this, &DeskShell::showCase);
    // Back on the queues after filing or approving elsewhere: the counts are read again.
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs] {
        if (tabs->currentWidget() == workQueues_ && queries_) {
            workQueues_->refresh();
        }
    });
}

cases::CaseQueries& DeskShell::caseQueries() {
    if (!queries_) {
        queries_ = std::make_unique<cases::CaseQueries>(caseStore(), workstation_.database(),
                                                        calendar_, caseStore().office());
        if (catalogue_ != nullptr) {
            queries_->setProcedureTitles(&catalogue_->index());
        }
    }
    return *queries_;
}

void DeskShell::showPage(QWidget* page) {
    QTabWidget* tabs = mainWindow_->pages();
    if (tabs->indexOf(page) < 0) {
        tabs->addTab(page, page->windowTitle());
    }
    tabs->setCurrentWidget(page);
}

void DeskShell::showWorkQueues() {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;
    }
    workQueues_->setQueries(&caseQueries(), session_->userId.toStdString());
    showPage(workQueues_);
}

void DeskShell::showCaseSearch() {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;
    }
    caseSearch_->setQueries(&caseQueries());
    showPage(caseSearch_);
    caseSearch_->focusSearch();
}

void DeskShell::showCase(const QString& caseId) {
    if (!session_ || !queries_) {
        return;
    }
    const auto now =
        kep::cases::Instant{std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}};
    if (const auto shown = queries_->caseById(caseId.toStdString(), now)) {
        caseDetails_->showCase(*shown, *queries_);
        auditTrail().caseOpened(shown->summary.id);
    }
}

void DeskShell::start() {
    DeskTheme::apply({settings_.largeText(), settings_.highContrast()});
    if (link_.health().online || !link_.health().detail.isEmpty()) {
        onServerState(link_.health());
    }
    if (!training_ && !workstation_.credential().isEnrolled()) {
        enrolment_->show();
        enrolment_->raise();
        enrolment_->activateWindow();
        return;
    }
    showSignIn();
}

void DeskShell::enterTraining(const QStringList& accounts) {
    training_ = true;
    // Every sign-in goes to the sandbox's verifiers: the link is not asked even once.
    disconnect(signIn_.get(), &SignInDialog::signInRequested, &link_, &ServerLink::signIn);
    connect(signIn_.get(), &SignInDialog::signInRequested, this, &DeskShell::signInOffline);
    signIn_->setTrainingAccounts(accounts);
}

void DeskShell::showSignIn() {
    signIn_->reset();
    signIn_->show();
    signIn_->raise();
    signIn_->activateWindow();
    if (exitAtSignIn_) {  // kep-desk --check-start
        QTimer::singleShot(0, this, &DeskShell::quit);
    }
}

void DeskShell::onServerState(const ServerHealth& health) {
    syncStatus_.setOnline(health.online);
    signIn_->setServerState(health);
    mainWindow_->setServerState(health);
}

void DeskShell::signInOffline(const QString& username, const QString& password) {
    std::variant<UserSession, OfflineRefusal> outcome;
    try {
        outcome = workstation_.offlineSignIn().signIn(username, password);
    } catch (const std::exception& e) {
        qWarning("kep-desk: offline sign-in failed: %s", e.what());
        outcome = OfflineRefusal{};
    }
    if (const auto* session = std::get_if<UserSession>(&outcome)) {
        onSignedIn(*session);
        return;
    }
    const auto& refusal = std::get<OfflineRefusal>(outcome);
    signIn_->showOfflineRefusal(refusal);
    emit offlineSignInRefused(refusal);
}

void DeskShell::onSignedIn(const UserSession& session) {
    session_ = session;
    auditTrail().signedIn({session.userId.toStdString(), session.role.toStdString(),
                           session.officeCode.toStdString()});
    signIn_->signInSucceeded();
    mainWindow_->setSession(session_);
    cataloguePublishing_->setSession(session_);
    authorityInbox_->setSession(session_);
    correspondence_->setSession(session_);
    dashboards_->setSession(session_, session.officeCode.isEmpty() ? nullptr : &caseQueries(),
                            &workstation_.database());
    auto casePageActions = workQueues_->queueActions();
    casePageActions << caseSearch_->findAction();
    for (QAction* action : casePageActions) {
        action->setEnabled(!session.officeCode.isEmpty());
    }
    keepProtocolNumbers();
    const auto role = kep::cases::actorRoleFromString(session.role.toStdString());
    if (!session.officeCode.isEmpty() && role) {
        // The office's staff in their own role: the lifecycle lets clerks and managers forward.
        if (!forwarding_) {
            forwarding_ = std::make_unique<cases::CaseForwarding>(
                caseStore(), catalogue_ != nullptr ? &catalogue_->store() : nullptr);
        }
        caseForwarder_->setForwarding(forwarding_.get(), {session.userId.toStdString(), *role});
        workQueues_->setForwarder(caseForwarder_);
        caseDetails_->setForwarder(caseForwarder_);
        // Documents received, ready for pickup, hand-over: the same staff, in the details.
        caseDetails_->counterSteps()->setStaff(&caseStore(), {session.userId.toStdString(), *role},
                                               &clock_);
    }
    syncControls_->signedIn(session);
    mainWindow_->show();
    mainWindow_->raise();
    mainWindow_->activateWindow();
    emit signedIn(session);
    // Asked once the window is up, from the event loop: the question is modal.
    QTimer::singleShot(0, this, &DeskShell::offerUnfinishedDraft);
}

void DeskShell::showOffices() {
    if (!session_ || !admin::AdminAccess::forRole(session_->role, session_->offline).offices) {
        return;
    }
    if (!offices_) {
        offices_ = std::make_unique<OfficesDialog>(*administration_, mainWindow_.get());
    }
    offices_->open();
}

void DeskShell::showUsers() {
    const auto access = session_ ? admin::AdminAccess::forRole(session_->role, session_->offline)
                                 : admin::AdminAccess{};
    if (!access.users) {
        return;
    }
    if (!users_) {
        users_ = std::make_unique<UsersDialog>(*administration_, access, session_->officeCode,
                                               mainWindow_.get());
    }
    users_->open();
}

void DeskShell::showWorkstations() {
    if (!session_ || !admin::AdminAccess::forRole(session_->role, session_->offline).workstations) {
        return;
    }
    if (!workstations_) {
        workstations_ = std::make_unique<WorkstationsDialog>(*administration_, session_->officeCode,
                                                             mainWindow_.get());
    }
    workstations_->open();
}

void DeskShell::closeAdministration() {
    // Made again for the next user: what they may see depends on their role and office.
    offices_.reset();
    users_.reset();
    workstations_.reset();
    cataloguePublishing_->setSession(std::nullopt);
    authorityInbox_->setSession(std::nullopt);
    correspondence_->setSession(std::nullopt);
    dashboards_->setSession(std::nullopt);
}

void DeskShell::startNewCase(const QString& procedureId) {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;  // only an office's staff file cases
    }
    auto record = mainWindow_->cataloguePage()->procedure(procedureId);
    if (!record) {
        return;
    }
    filingFormForSession().startCase(std::move(*record));
    mainWindow_->showFilingForm(filingForm_);
}

FilingForm& DeskShell::filingFormForSession() {
    if (filingForm_ == nullptr) {
        filingForm_ = new FilingForm(caseStore(), clock_);
        const QDir data(workstation_.dataFolder().path());
        filingForm_->setReceiptFolder(data.filePath(QStringLiteral("receipts")));
        filingForm_->setAttachmentFolder(data.filePath(QStringLiteral("attachments")));
        filingForm_->setStatusBaseUrl(settings_.serverUrl());
        if (training_) {
            filingForm_->setReceiptWatermark(TrainingWatermark::text());
        }
        const auto inLanguage = [this](const QString& code) {
            filingForm_->setLanguage(code == QLatin1String("en") ? kep::catalogue::Language::En
                                                                 : kep::catalogue::Language::El);
        };
        inLanguage(languages_.language());
        connect(&languages_, &LanguageManager::languageChanged, filingForm_, inLanguage);
        connect(filingForm_, &FilingForm::caseFiled, this, &DeskShell::showProtocolStock);
        connect(filingForm_, &FilingForm::receiptPrinted, this,
                [this](const QString& caseId, bool reprint) {
                    auditTrail().receiptPrinted(caseId.toStdString(), reprint);
                });
        filingForm_->setPreferredScanner(settings_.lastScanner());
        connect(filingForm_, &FilingForm::scannerChosen, this,
                [this](const QString& device) { settings_.setLastScanner(device); });
    }
    const auto role = session_->role == QLatin1String("manager") ? kep::cases::ActorRole::Manager
                                                                 : kep::cases::ActorRole::Clerk;
    // The clerk first: the autosave writes drafts under the signed-in user.
    filingForm_->setClerk({session_->userId.toStdString(), role}, session_->officeCode);
    if (!drafts_) {
        drafts_ = std::make_unique<cases::DraftStore>(workstation_.database());
    }
    filingForm_->enableAutosave(*drafts_);
    return *filingForm_;
}

void DeskShell::offerUnfinishedDraft() {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;
    }
    cases::DraftStore drafts(workstation_.database());
    std::optional<cases::Draft> draft;
    try {
        draft = drafts.latestOf(session_->userId.toStdString());
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read the unfinished drafts: %s", e.what());
        return;
    }
    const auto content = draft ? cases::filingDraftFromJson(draft->content) : std::nullopt;
    if (!content) {
        return;
    }
    auto record =
        mainWindow_->cataloguePage()->procedure(QString::fromStdString(content->procedureId));
    const QString title =
        record ? QString::fromStdString(record->procedure.displayTitle(
                     languages_.language() == QLatin1String("en") ? kep::catalogue::Language::En
                                                                  : kep::catalogue::Language::El))
               : QString::fromStdString(content->procedureId);
    const auto choice =
        DraftResumeOffer::ask(title, QDateTime::fromMSecsSinceEpoch(draft->savedAtMs, Qt::UTC),
                              DraftResumeOffer::messageBoxes(mainWindow_.get()));
    if (choice == DraftResumeOffer::Choice::Discard) {
        drafts.remove(draft->id);
    } else if (choice == DraftResumeOffer::Choice::Resume && record) {
        // A procedure withdrawn since is not resumed: the draft stays for a manager to see.
        if (filingFormForSession().resumeDraft(std::move(*record), *draft)) {
            mainWindow_->showFilingForm(filingForm_);
        }
    }
}

cases::CaseStore& DeskShell::caseStore() {
    // One office per workstation: the store is made for the first user's office and kept.
    if (!cases_) {
        cases_ = std::make_unique<cases::CaseStore>(workstation_.database(),
                                                    session_->officeCode.toStdString(), deviceId());
    }
    return *cases_;
}

std::string DeskShell::deviceId() const {
    const auto certificate = workstation_.credential().certificate();
    return (certificate ? certificate->deviceId : QSysInfo::machineHostName()).toStdString();
}

audit::DeskAuditTrail& DeskShell::auditTrail() {
    if (!audit_) {
        audit_ =
            std::make_unique<audit::DeskAuditTrail>(workstation_.database(), clock_, deviceId());
    }
    return *audit_;
}

void DeskShell::keepProtocolNumbers() {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;  // only an office's staff file cases
    }
    if (!leaseKeeper_) {
        // The office of the case store: one office per workstation.
        const std::string office = caseStore().office();
        leases_ = std::make_unique<cases::ProtocolLeaseStore>(workstation_.database(), office);
        leaseKeeper_ = std::make_unique<cases::ProtocolLeaseKeeper>(link_, *leases_, clock_);
        connect(leaseKeeper_.get(), &cases::ProtocolLeaseKeeper::stockChanged,
                mainWindow_->protocolStockIndicator(), &ProtocolStockIndicator::setStock);
        connect(leaseKeeper_.get(), &cases::ProtocolLeaseKeeper::leaseFailed, this,
                [](const QString& detail) {
                    qWarning("kep-desk: no protocol-number lease: %s", qUtf8Printable(detail));
                });
    }
    showProtocolStock();
    // The keeper was made after this sign-in was announced, so it is asked here once.
    leaseKeeper_->refill();
}

void DeskShell::showProtocolStock() {
    if (!leaseKeeper_) {
        return;
    }
    try {
        mainWindow_->protocolStockIndicator()->setStock(
            leaseKeeper_->currentYear(), leaseKeeper_->remaining(), leaseKeeper_->isLow());
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read the protocol-number lease: %s", e.what());
    }
}

void DeskShell::showApprovalQueue() {
    if (!session_ || session_->officeCode.isEmpty() || session_->role != QLatin1String("manager")) {
        return;
    }
    if (approvalQueue_ == nullptr) {
        approvalQueue_ = new ApprovalQueue(caseStore(), clock_);
    }
    approvalQueue_->setManager({session_->userId.toStdString(), kep::cases::ActorRole::Manager});
    approvalQueue_->refresh();
    mainWindow_->showApprovalQueue(approvalQueue_);
}

void DeskShell::signOut() {
    link_.signOut();
    session_.reset();
    if (audit_) {
        audit_->signedOut();
    }
    // The next user must not find the last citizen's details on the screen.
    delete filingForm_;
    filingForm_ = nullptr;
    delete approvalQueue_;
    approvalQueue_ = nullptr;
    caseDetails_->hide();
    caseForwarder_->setForwarding(nullptr, {});
    workQueues_->setForwarder(nullptr);
    caseDetails_->setForwarder(nullptr);
    caseDetails_->counterSteps()->setStaff(nullptr, {}, nullptr);
    workQueues_->setQueries(nullptr, {});
    caseSearch_->setQueries(nullptr);
    caseSearch_->clear();
    for (QWidget* page : {static_cast<QWidget*>(workQueues_), static_cast<QWidget*>(caseSearch_)}) {
        if (const int at = mainWindow_->pages()->indexOf(page); at >= 0) {
            mainWindow_->pages()->removeTab(at);
        }
    }
    auto casePageActions = workQueues_->queueActions();
    casePageActions << caseSearch_->findAction();
    for (QAction* action : casePageActions) {
        action->setEnabled(false);
    }
    closeAdministration();
    syncControls_->signedOut();
    mainWindow_->setSession(std::nullopt);
    mainWindow_->hide();
    start();
}

void DeskShell::switchLanguage(const QString& code) {
    if (languages_.setLanguage(code)) {
        settings_.setLanguage(code);
    }
    mainWindow_->setLanguage(languages_.language());  // undo the tick if the switch failed
}

void DeskShell::setLargeText(bool on) {
    DeskTheme::apply({on, settings_.highContrast()});
    settings_.setLargeText(on);
    mainWindow_->setLargeText(on);
}

void DeskShell::setHighContrast(bool on) {
    DeskTheme::apply({settings_.largeText(), on});
    settings_.setHighContrast(on);
    mainWindow_->setHighContrast(on);
}

void DeskShell::quit() {
    if (mainWindow_->isVisible()) {
        settings_.setMainWindowGeometry(mainWindow_->saveGeometry());
        settings_.setMainWindowState(mainWindow_->saveState());
    }
    settings_.sync();
    if (session_) {
        link_.signOut();
        session_.reset();
    }
    emit quitRequested();
}

}  // namespace kep::desk::ui
