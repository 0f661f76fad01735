// The desk's main window: menus of keyboard-reachable actions (File, View, Administration for
// the roles that have it, Help), the home page and the procedure catalogue (Ctrl+F or F3 from
// anywhere), and in the status bar whether the session is online or offline and the permanent
// sync indicator, with the protocol numbers left. It decides nothing itself: it asks (signals) and
// the shell answers.
#pragma once

#include "UserSession.h"

#include <QMainWindow>
#include <QPointer>

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
class ProtocolStockIndicator;
class SyncIndicator;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const kep::desk::SyncStatus& syncStatus, QWidget* parent = nullptr);

    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setServerState(const kep::desk::ServerHealth& health);
    void setLanguage(const QString& code);  // ticks the matching View → Language entry
    void setLargeText(bool on);
    void setHighContrast(bool on);
    ProtocolStockIndicator* protocolStockIndicator() const { return protocolStock_; }

    QMenu* fileMenu() const { return fileMenu_; }
    QMenu* viewMenu() const { return viewMenu_; }
    QMenu* helpMenu() const { return helpMenu_; }
    QMenu* adminMenu() const { return adminMenu_; }
    AboutDialog* aboutDialog() const { return about_; }
    HomePage* homePage() const { return home_; }
    CataloguePage* cataloguePage() const { return catalogue_; }
    QTabWidget* pages() const { return pages_; }
    QAction* findProcedureAction() const { return findProcedure_; }
    QAction* newCaseAction() const { return newCase_; }
    QAction* approvalQueueAction() const { return approvalQueue_; }  // managers only

    // Shows the filing form as the "New case" page (the window takes it as a tab of its own).
    void showFilingForm(QWidget* form);
    // Shows the manager's approval queue as a page of its own.
    void showApprovalQueue(QWidget* queue);

public slots:
    void showAbout();
    // Brings the catalogue page forward with the search field focused.
    void findProcedure();
    // "Catalogue updated (N procedures changed)" in the status bar.
    void showCatalogueUpdated(int changed);
    // New case (Ctrl+N) on the procedure selected in the catalogue; with none selected, the
    // finder comes forward so that the clerk picks one first.
    void newCase();

signals:
    void signOutRequested();
    void quitRequested();
    void languageRequested(const QString& code);
    void largeTextRequested(bool on);
    void highContrastRequested(bool on);
    void checkConnectionRequested();
    void officesRequested();
    void usersRequested();
    void workstationsRequested();
    void newCaseRequested(const QString& procedureId);
    void approvalQueueRequested();

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
    ProtocolStockIndicator* protocolStock_;
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
    QAction* highContrast_ = nullptr;
    QAction* checkConnection_ = nullptr;
    QAction* findProcedure_ = nullptr;
    QAction* newCase_ = nullptr;
    QAction* approvalQueue_ = nullptr;
    QPointer<QWidget> filingPage_;  // the shell may delete it (at sign-out)
    QPointer<QWidget> approvalPage_;
    QAction* aboutAction_ = nullptr;
};

}  // namespace kep::desk::ui
