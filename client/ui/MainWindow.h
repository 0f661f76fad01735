// The desk's main window: menus of keyboard-reachable actions (File, View, Administration for
// the roles that have it, Help), the home page and the procedure catalogue (Ctrl+F or F3 from
// anywhere), and in the status bar whether the session is online or offline and the permanent
// sync indicator. It decides nothing itself: it asks (signals) and the shell answers.
#pragma once

#include "UserSession.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

namespace kep::desk {
class SyncStatus;
}

namespace kep::desk::ui {

class AboutDialog;
class CataloguePage;
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
    QMenu* adminMenu() const { return adminMenu_; }
    AboutDialog* aboutDialog() const { return about_; }
    HomePage* homePage() const { return home_; }
    CataloguePage* cataloguePage() const { return catalogue_; }
    QTabWidget* pages() const { return pages_; }
    QAction* findProcedureAction() const { return findProcedure_; }

public slots:
    void showAbout();
    // Brings the catalogue page forward with the search field focused.
    void findProcedure();
    // "Catalogue updated (N procedures changed)" in the status bar.
    void showCatalogueUpdated(int changed);

signals:
    void signOutRequested();
    void quitRequested();
    void languageRequested(const QString& code);
    void largeTextRequested(bool on);
    void checkConnectionRequested();
    void officesRequested();
    void usersRequested();
    void workstationsRequested();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void refreshSessionMode();

    QTabWidget* pages_;
    HomePage* home_;
    CataloguePage* catalogue_;
    SyncIndicator* syncIndicator_;
    AboutDialog* about_;
    QLabel* sessionMode_;  // online or offline session, beside the sync indicator
    std::optional<kep::desk::UserSession> session_;
    QMenu* fileMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QMenu* adminMenu_ = nullptr;
    QAction* offices_ = nullptr;
    QAction* users_ = nullptr;
    QAction* workstations_ = nullptr;
    QAction* signOut_ = nullptr;
    QAction* quit_ = nullptr;
    QActionGroup* languages_ = nullptr;
    QAction* greek_ = nullptr;
    QAction* english_ = nullptr;
    QAction* largeText_ = nullptr;
    QAction* checkConnection_ = nullptr;
    QAction* findProcedure_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

}  // namespace kep::desk::ui
