#include "DeskShell.h"

#include "LanguageManager.h"
#include "LargeTextTheme.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "Settings.h"
#include "SignInDialog.h"

namespace kep::desk::ui {

DeskShell::DeskShell(Settings& settings, LanguageManager& languages, ServerLink& link,
                     QObject* parent)
    : QObject(parent)
    , settings_(settings)
    , languages_(languages)
    , link_(link)
    , mainWindow_(std::make_unique<MainWindow>(syncStatus_))
    , signIn_(std::make_unique<SignInDialog>()) {
    mainWindow_->setLanguage(languages_.language());
    mainWindow_->setLargeText(settings_.largeText());
    mainWindow_->setSession(std::nullopt);
    if (!settings_.mainWindowGeometry().isEmpty()) {
        mainWindow_->restoreGeometry(settings_.mainWindowGeometry());
        mainWindow_->restoreState(settings_.mainWindowState());
    }

    connect(&link_, &ServerLink::serverStateChanged, this, &DeskShell::onServerState);
    connect(&link_, &ServerLink::signedIn, this, &DeskShell::onSignedIn);
    connect(&link_, &ServerLink::signInFailed, this, [this](const SignInFailure& failure) {
        signIn_->showFailure(failure);
        emit signInFailed(failure);
    });
    connect(signIn_.get(), &SignInDialog::signInRequested, &link_, &ServerLink::signIn);
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
    connect(&languages_, &LanguageManager::languageChanged, mainWindow_.get(),
            &MainWindow::setLanguage);
}

DeskShell::~DeskShell() = default;

void DeskShell::start() {
    LargeTextTheme::apply(settings_.largeText());
    if (link_.health().online || !link_.health().detail.isEmpty()) {
        onServerState(link_.health());
    }
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

void DeskShell::onSignedIn(const UserSession& session) {
    session_ = session;
    signIn_->signInSucceeded();
    mainWindow_->setSession(session_);
    mainWindow_->show();
    mainWindow_->raise();
    mainWindow_->activateWindow();
    emit signedIn(session);
}

void DeskShell::signOut() {
    link_.signOut();
    session_.reset();
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
