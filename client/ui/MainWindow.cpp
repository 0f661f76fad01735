#include "MainWindow.h"

#include "AboutDialog.h"
#include "HomePage.h"
#include "SyncIndicator.h"
#include "admin/AdminAccess.h"
#include "cases/ProtocolStockIndicator.h"
#include "catalogue/CataloguePage.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

namespace kep::desk::ui {

namespace {
QAction* newAction(QObject* parent, const char* name, const QKeySequence& shortcut) {
    auto* action = new QAction(parent);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(shortcut);
    // The shortcut works wherever focus is inside the main window, menus open or not.
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}
}  // namespace

MainWindow::MainWindow(const SyncStatus& syncStatus, QWidget* parent)
    : QMainWindow(parent)
    , pages_(new QTabWidget(this))
    , home_(new HomePage(pages_))
    , catalogue_(new CataloguePage(pages_))
    , syncIndicator_(new SyncIndicator(syncStatus, this))
    , about_(new AboutDialog(this))
    , sessionMode_(new QLabel(this))
    , protocolStock_(new ProtocolStockIndicator(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    help::setTopic(this, QStringLiteral("main-window"));
    pages_->setObjectName(QStringLiteral("mainPages"));
    pages_->addTab(home_, QString());
    pages_->addTab(catalogue_, QString());
    setCentralWidget(pages_);
    sessionMode_->setObjectName(QStringLiteral("sessionMode"));
    statusBar()->addPermanentWidget(protocolStock_);
    statusBar()->addPermanentWidget(sessionMode_);
    statusBar()->addPermanentWidget(syncIndicator_);
    createActions();
    createMenus();
    retranslateUi();
    resize(900, 600);
}

void MainWindow::createActions() {
    // Sign out is Ctrl+Shift+L ("lock", as the desk is left at the counter), kept away from
    // Quit (Ctrl+Q) so that a slip of one key does not close the application.
    signOut_ = newAction(this, "signOutAction", QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    quit_ = newAction(this, "quitAction", QKeySequence(QStringLiteral("Ctrl+Q")));
    quit_->setMenuRole(QAction::QuitRole);
    greek_ = newAction(this, "greekAction", QKeySequence(QStringLiteral("Ctrl+Alt+G")));
    english_ = newAction(this, "englishAction", QKeySequence(QStringLiteral("Ctrl+Alt+E")));
    languages_ = new QActionGroup(this);
    for (QAction* language : {greek_, english_}) {
        language->setCheckable(true);
        languages_->addAction(language);
    }
    // Each language is named in itself, so that a user lost in the other one finds their own.
    greek_->setText(QStringLiteral("Ελληνικά"));
    english_->setText(QStringLiteral("English"));
    largeText_ = newAction(this, "largeTextAction", QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    largeText_->setCheckable(true);
    highContrast_ =
        newAction(this, "highContrastAction", QKeySequence(QStringLiteral("Ctrl+Alt+C")));
    highContrast_->setCheckable(true);
    checkConnection_ = newAction(this, "checkConnectionAction", QKeySequence(Qt::Key_F5));
    // Ctrl+F as everywhere, and F3 that the clerks know from the old system.
    findProcedure_ = newAction(this, "findProcedureAction", QKeySequence());
    findProcedure_->setShortcuts(
        {QKeySequence(QStringLiteral("Ctrl+F")), QKeySequence(Qt::Key_F3)});
    newCase_ = newAction(this, "newCaseAction", QKeySequence(QStringLiteral("Ctrl+N")));
    approvalQueue_ =
        newAction(this, "approvalQueueAction", QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    approvalQueue_->setVisible(false);  // until a manager signs in
    // F1 is the help of the screen in use (help::HelpController); About is one key beside it.
    aboutAction_ = newAction(this, "aboutAction", QKeySequence(QStringLiteral("Ctrl+F1")));
    aboutAction_->setMenuRole(QAction::AboutRole);
    offices_ = newAction(this, "officesAction", QKeySequence());
    users_ = newAction(this, "usersAction", QKeySequence());
    workstations_ = newAction(this, "workstationsAction", QKeySequence());

    connect(signOut_, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(quit_, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(greek_, &QAction::triggered, this,
            [this] { emit languageRequested(QStringLiteral("el")); });
    connect(english_, &QAction::triggered, this,
            [this] { emit languageRequested(QStringLiteral("en")); });
    connect(largeText_, &QAction::toggled, this, &MainWindow::largeTextRequested);
    connect(highContrast_, &QAction::toggled, this, &MainWindow::highContrastRequested);
    connect(checkConnection_, &QAction::triggered, this, &MainWindow::checkConnectionRequested);
    connect(findProcedure_, &QAction::triggered, this, &MainWindow::findProcedure);
    connect(newCase_, &QAction::triggered, this, &MainWindow::newCase);
    connect(approvalQueue_, &QAction::triggered, this, &MainWindow::approvalQueueRequested);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
    connect(offices_, &QAction::triggered, this, &MainWindow::officesRequested);
    connect(users_, &QAction::triggered, this, &MainWindow::usersRequested);
    connect(workstations_, &QAction::triggered, this, &MainWindow::workstationsRequested);
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    fileMenu_->addAction(newCase_);
    fileMenu_->addAction(approvalQueue_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(signOut_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quit_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->setObjectName(QStringLiteral("viewMenu"));
    viewMenu_->addAction(findProcedure_);
    viewMenu_->addSeparator();
    languageMenu_ = viewMenu_->addMenu(QString());
    languageMenu_->setObjectName(QStringLiteral("languageMenu"));
    languageMenu_->addAction(greek_);
    languageMenu_->addAction(english_);
    viewMenu_->addAction(largeText_);
    viewMenu_->addAction(highContrast_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(checkConnection_);

    adminMenu_ = menuBar()->addMenu(QString());
    adminMenu_->setObjectName(QStringLiteral("adminMenu"));
    adminMenu_->addAction(offices_);
    adminMenu_->addAction(users_);
    adminMenu_->addAction(workstations_);
    adminMenu_->menuAction()->setVisible(false);  // until a role that may administer signs in

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("KEP Desk"));
    fileMenu_->setTitle(tr("&File"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    signOut_->setText(tr("Sign &out"));
    quit_->setText(tr("&Quit"));
    largeText_->setText(tr("&Large text"));
    highContrast_->setText(tr("&High contrast"));
    checkConnection_->setText(tr("&Check the connection"));
    findProcedure_->setText(tr("&Find a procedure…"));
    newCase_->setText(tr("&New case on the selected procedure"));
    approvalQueue_->setText(tr("Approval &queue"));
    if (filingPage_ != nullptr) {
        pages_->setTabText(pages_->indexOf(filingPage_), tr("&New case"));
    }
    if (approvalPage_ != nullptr) {
        pages_->setTabText(pages_->indexOf(approvalPage_), tr("Approval &queue"));
    }
    pages_->setTabText(pages_->indexOf(home_), tr("&Home"));
    pages_->setTabText(pages_->indexOf(catalogue_), tr("P&rocedures"));
    aboutAction_->setText(tr("&About KEP Desk"));
    adminMenu_->setTitle(tr("&Administration"));
    offices_->setText(tr("&Offices…"));
    users_->setText(tr("&Users…"));
    workstations_->setText(tr("&Workstations…"));
    refreshSessionMode();
}

void MainWindow::refreshSessionMode() {
    QString text;
    QString colour;
    if (!session_) {
        sessionMode_->clear();
        sessionMode_->hide();
        return;
    }
    if (session_->offline) {
        text =
            tr("Offline session until %1")
                .arg(QLocale().toString(session_->expiresAt.toLocalTime(), QLocale::ShortFormat));
        colour = QStringLiteral("#b06000");
    } else {
        text = tr("Online session");
        colour = QStringLiteral("#1b7f3b");
    }
    sessionMode_->setText(
        QStringLiteral("<span style=\"color:%1\">■</span> %2").arg(colour, text.toHtmlEscaped()));
    sessionMode_->setAccessibleName(tr("Session mode"));
    sessionMode_->setAccessibleDescription(text);
    sessionMode_->setToolTip(text);
    sessionMode_->show();
}

void MainWindow::setSession(const std::optional<UserSession>& session) {
    home_->setSession(session);
    signOut_->setEnabled(session.has_value());
    session_ = session;
    const admin::AdminAccess access =
        session ? admin::AdminAccess::forRole(session->role, session->offline)
                : admin::AdminAccess{};
    offices_->setVisible(access.offices);
    users_->setVisible(access.users);
    workstations_->setVisible(access.workstations);
    approvalQueue_->setVisible(session && session->role == QLatin1String("manager"));
    adminMenu_->menuAction()->setVisible(access.any());
    refreshSessionMode();
}

void MainWindow::setServerState(const ServerHealth& health) {
    home_->setServerState(health);
    about_->setServerVersion(health.online ? health.version : QString());
}

void MainWindow::setLanguage(const QString& code) {
    (code == QLatin1String("en") ? english_ : greek_)->setChecked(true);
}

void MainWindow::setLargeText(bool on) {
    const QSignalBlocker quiet(largeText_);
    largeText_->setChecked(on);
}

void MainWindow::setHighContrast(bool on) {
    const QSignalBlocker quiet(highContrast_);
    highContrast_->setChecked(on);
}

void MainWindow::showAbout() {
    about_->open();
}

void MainWindow::findProcedure() {
    pages_->setCurrentWidget(catalogue_);
    catalogue_->focusSearch();
}

void MainWindow::newCase() {
    const QString id = catalogue_->selectedProcedureId();
    if (id.isEmpty()) {
        findProcedure();
        statusBar()->showMessage(tr("Find the procedure first, then press Ctrl+N."), 10000);
        return;
    }
    emit newCaseRequested(id);
}

void MainWindow::showFilingForm(QWidget* form) {
    if (filingPage_ != form) {
        if (filingPage_ != nullptr) {
            pages_->removeTab(pages_->indexOf(filingPage_));
        }
        filingPage_ = form;
        pages_->addTab(form, tr("&New case"));
    }
    pages_->setCurrentWidget(form);
    form->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showApprovalQueue(QWidget* queue) {
    if (approvalPage_ != queue) {
        if (approvalPage_ != nullptr) {
            pages_->removeTab(pages_->indexOf(approvalPage_));
        }
        approvalPage_ = queue;
        pages_->addTab(queue, tr("Approval &queue"));
    }
    pages_->setCurrentWidget(queue);
    queue->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showCatalogueUpdated(int changed) {
    statusBar()->showMessage(tr("Catalogue updated (%n procedure(s) changed)", nullptr, changed),
                             10000);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Closing the window is quitting: the shell saves the layout and ends the application.
    event->ignore();
    emit quitRequested();
}

}  // namespace kep::desk::ui
