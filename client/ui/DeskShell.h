// The desk's flow between its windows: sign-in first, then the main window; sign-out back to
// sign-in; language and large-text choices applied at once and remembered per user.
#pragma once

#include "SyncStatus.h"
#include "UserSession.h"

#include <QObject>

#include <memory>
#include <optional>

namespace kep::desk {
class ServerLink;
class Settings;
}  // namespace kep::desk

namespace kep::desk::ui {

class LanguageManager;
class MainWindow;
class SignInDialog;

class DeskShell : public QObject {
    Q_OBJECT
public:
    DeskShell(kep::desk::Settings& settings, LanguageManager& languages,
              kep::desk::ServerLink& link, QObject* parent = nullptr);
    ~DeskShell() override;

    void start();  // shows the sign-in dialog
    void signOut();
    void switchLanguage(const QString& code);
    void setLargeText(bool on);

    MainWindow* mainWindow() const { return mainWindow_.get(); }
    SignInDialog* signInDialog() const { return signIn_.get(); }
    kep::desk::SyncStatus& syncStatus() { return syncStatus_; }
    const std::optional<kep::desk::UserSession>& session() const { return session_; }

signals:
    void signedIn(const kep::desk::UserSession& session);
    void signInFailed(const kep::desk::SignInFailure& failure);
    void quitRequested();  // the user closed the desk (settings are saved by then)

private:
    void onSignedIn(const kep::desk::UserSession& session);
    void onServerState(const kep::desk::ServerHealth& health);
    void quit();

    kep::desk::Settings& settings_;
    LanguageManager& languages_;
    kep::desk::ServerLink& link_;
    kep::desk::SyncStatus syncStatus_;
    std::unique_ptr<MainWindow> mainWindow_;
    std::unique_ptr<SignInDialog> signIn_;
    std::optional<kep::desk::UserSession> session_;
};

}  // namespace kep::desk::ui
