#include "DeskShell.h"

#include "EnrolmentDialog.h"
#include "LanguageManager.h"
#include "LargeTextTheme.h"
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
#include "cases/ApprovalQueue.h"
#include "cases/CaseStore.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/ProtocolStockIndicator.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/DeskCatalogue.h"
#include "sync/SyncControls.h"

#include <QDir>
#include <QSysInfo>

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
    connect(signIn_.get(), &QDialog::rejected, this, [this] {
        if (!session_) {
            quit();
        }
    });

    connect(mainWindow_.get(), &MainWindow::signOutRequested, this, &DeskShell::signOut);
    connect(mainWindow_.get(), &MainWindow::quitRequested, this, &DeskShell::quit);
    connect(mainWindow_.get(), &MainWindow::languageRequested, this, &DeskShell::switchLanguage);
    connect(mainWindow_.get(), &MainWindow::largeTextRequested, this, &DeskShell::setLargeText);
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

    connect(mainWindow_.get(), &MainWindow::newCaseRequested, this, &DeskShell::startNewCase);
    connect(mainWindow_.get(), &MainWindow::approvalQueueRequested, this,
            &DeskShell::showApprovalQueue);

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

void DeskShell::start() {
    LargeTextTheme::apply(settings_.largeText());
    if (link_.health().online || !link_.health().detail.isEmpty()) {
        onServerState(link_.health());
    }
    if (!workstation_.credential().isEnrolled()) {
        enrolment_->show();
        enrolment_->raise();
        enrolment_->activateWindow();
        return;
    }
    showSignIn();
}

void DeskShell::showSignIn() {
    signIn_->reset();
    signIn_->show();
    signIn_->raise();
    signIn_->activateWindow();
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
    signIn_->signInSucceeded();
    mainWindow_->setSession(session_);
    keepProtocolNumbers();
    syncControls_->signedIn(session);
    mainWindow_->show();
    mainWindow_->raise();
    mainWindow_->activateWindow();
    emit signedIn(session);
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
}

void DeskShell::startNewCase(const QString& procedureId) {
    if (!session_ || session_->officeCode.isEmpty()) {
        return;  // only an office's staff file cases
    }
    auto record = mainWindow_->cataloguePage()->procedure(procedureId);
    if (!record) {
        return;
    }
    if (filingForm_ == nullptr) {
        filingForm_ = new FilingForm(caseStore(), clock_);
        filingForm_->setReceiptFolder(
            QDir(workstation_.dataFolder().path()).filePath(QStringLiteral("receipts")));
        filingForm_->setStatusBaseUrl(settings_.serverUrl());
        connect(filingForm_, &FilingForm::caseFiled, this, &DeskShell::showProtocolStock);
    }
    const auto role = session_->role == QLatin1String("manager") ? kep::cases::ActorRole::Manager
                                                                 : kep::cases::ActorRole::Clerk;
    filingForm_->setClerk({session_->userId.toStdString(), role}, session_->officeCode);
    filingForm_->startCase(std::move(*record));
    mainWindow_->showFilingForm(filingForm_);
}

cases::CaseStore& DeskShell::caseStore() {
    // One office per workstation: the store is made for the first user's office and kept.
    if (!cases_) {
        const auto certificate = workstation_.credential().certificate();
        const QString device = certificate ? certificate->deviceId : QSysInfo::machineHostName();
        cases_ = std::make_unique<cases::CaseStore>(
            workstation_.database(), session_->officeCode.toStdString(), device.toStdString());
    }
    return *cases_;
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
    // The next user must not find the last citizen's details on the screen.
    delete filingForm_;
    filingForm_ = nullptr;
    delete approvalQueue_;
    approvalQueue_ = nullptr;
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
    LargeTextTheme::apply(on);
    settings_.setLargeText(on);
    mainWindow_->setLargeText(on);
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
