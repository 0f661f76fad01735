// The desk's main window: menus of keyboard-reachable actions (File, View, Help), the home
// page, and the permanent sync indicator in the status bar. It decides nothing itself: it
// asks (signals) and the shell answers.
#pragma once

#include "UserSession.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QMenu;

namespace kep::desk {
class SyncStatus;
}

namespace kep::desk::ui {

class AboutDialog;
class HomePage;
class SyncIndicator;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const kep::desk::SyncStatus& syncStatus, QWidget* parent = nullptr);

    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setServerState(const kep::desk::ServerHealth& health);
    void setLanguage(const QString& code);  // ticks the matching View → Language entry
    void setLargeText(bool on);

    QMenu* fileMenu() const { return fileMenu_; }
    QMenu* viewMenu() const { return viewMenu_; }
    QMenu* helpMenu() const { return helpMenu_; }
    AboutDialog* aboutDialog() const { return about_; }
    HomePage* homePage() const { return home_; }

public slots:
    void showAbout();

signals:
    void signOutRequested();
    void quitRequested();
    void languageRequested(const QString& code);
    void largeTextRequested(bool on);
    void checkConnectionRequested();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();

    HomePage* home_;
    SyncIndicator* syncIndicator_;
    AboutDialog* about_;
    QMenu* fileMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* signOut_ = nullptr;
    QAction* quit_ = nullptr;
    QActionGroup* languages_ = nullptr;
    QAction* greek_ = nullptr;
    QAction* english_ = nullptr;
    QAction* largeText_ = nullptr;
    QAction* checkConnection_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

}  // namespace kep::desk::ui
