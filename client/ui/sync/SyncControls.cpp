#include "sync/SyncControls.h"

#include "HttpsTransport.h"
#include "MainWindow.h"
#include "Settings.h"
#include "SyncStatus.h"
#include "Workstation.h"
#include "cases/DeskOutboxStore.h"
#include "sync/ConflictInbox.h"
#include "sync/ConflictStore.h"
#include "sync/DeskSync.h"
#include "sync/HttpsSyncConnector.h"
#include "sync/SyncPanel.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

namespace kep::desk::ui {

SyncControls::SyncControls(Settings& settings, Workstation& workstation, MainWindow& window,
                           SyncStatus& status, QObject* parent)
    : QObject(parent)
    , settings_(settings)
    , workstation_(workstation)
    , window_(window)
    , status_(status)
    , outbox_(std::make_unique<cases::DeskOutboxStore>(workstation.database()))
    , conflicts_(std::make_unique<sync::ConflictStore>(workstation.database()))
    , panel_(new SyncPanel(*outbox_, &window))
    , inbox_(new ConflictInbox(*conflicts_, &window)) {
    panel_->setWindowFlag(Qt::Window);
    inbox_->setWindowFlag(Qt::Window);
    const QList<QAction*> actions{panel_->syncNowAction(), panel_->showAction(),
                                  inbox_->showAction()};
    QMenu* view = window_.viewMenu();
    view->addSeparator();
    view->addActions(actions);
    window_.addActions(actions);
    panel_->syncNowAction()->setEnabled(false);  // until the sync runs
    inbox_->showAction()->setVisible(false);     // managers only
    connect(panel_, &SyncPanel::syncNowRequested, this, [this] {
        if (sync_) {
            sync_->syncNow();
        }
    });
    connect(inbox_, &ConflictInbox::resolved, this, &SyncControls::editCommitted);
}

SyncControls::~SyncControls() {
    if (sync_) {
        sync_->stop();
    }
    delete panel_;
    delete inbox_;
}

SyncPanel* SyncControls::panel() const {
    return panel_;
}

ConflictInbox* SyncControls::inbox() const {
    return inbox_;
}

void SyncControls::signedIn(const UserSession& session) {
    if (session.officeCode.isEmpty()) {
        return;  // the central administration's desks have no office to sync
    }
    const auto certificate = workstation_.credential().certificate();
    const std::string device = certificate ? certificate->deviceId.toStdString() : std::string();
    const bool manager = session.role == QLatin1String("manager");
    inbox_->setManager({session.userId.toStdString(), kep::cases::ActorRole::Manager}, device);
    inbox_->showAction()->setVisible(manager);
    inbox_->showAction()->setEnabled(manager);
    if (!manager) {
        inbox_->hide();
    }
    panel_->setDeviceId(QString::fromStdString(device));
    if (!sync_ && !device.empty()) {
        startSync(session);
    }
}

void SyncControls::signedOut() {
    // The sync goes on (the office's edits still leave); what a person saw is closed.
    inbox_->hide();
    inbox_->setManager({}, {});
    inbox_->showAction()->setVisible(false);
    panel_->hide();
}

void SyncControls::editCommitted() {
    if (sync_) {
        sync_->requestSync();
    }
}

void SyncControls::startSync(const UserSession& session) {
    sync::DeskSyncSetup setup;
    setup.databaseFile = workstation_.dataFolder().databaseFile();
    setup.deviceId = workstation_.credential().certificate()->deviceId.toStdString();
    setup.officeCode = session.officeCode.toStdString();
    setup.connector = sync::httpsSyncConnector(ServerAddress{
        settings_.serverUrl(), settings_.caFile(), workstation_.dataFolder().certificateFile(),
        workstation_.credential().tlsKeyFile(), workstation_.credential().tlsKeySource()});
    sync_ = std::make_unique<sync::DeskSync>(std::move(setup));
    connect(sync_.get(), &sync::DeskSync::statusChanged, this, &SyncControls::show);
    connect(sync_.get(), &sync::DeskSync::liveNudgesChanged, panel_, &SyncPanel::setLiveNudges);
    connect(sync_.get(), &sync::DeskSync::pulled, this, [this] {
        if (inbox_->isVisible()) {
            inbox_->refresh();
        }
        emit officeChangesPulled();
    });
    connect(sync_.get(), &sync::DeskSync::opNeedsAttention, this, [this] {
        panel_->refreshStuckOps();
        window_.statusBar()->showMessage(
            tr("The server did not take a change as it was: see Synchronisation (Ctrl+Shift+Y)"),
            15000);
    });
    connect(sync_.get(), &sync::DeskSync::stoppedByFault, this, [](const QString& fault) {
        qWarning("kep-desk: the background sync stopped: %s", qUtf8Printable(fault));
    });
    panel_->syncNowAction()->setEnabled(true);
    sync_->start();
}

void SyncControls::show(const sync::SyncSnapshot& snapshot) {
    panel_->setSnapshot(snapshot);
    status_.setPendingChanges(snapshot.pendingOps);
    if (snapshot.upToDateAsOf.isValid()) {
        status_.setLastSuccessfulSync(snapshot.upToDateAsOf);
    }
    status_.setOpenConflicts(snapshot.openConflicts);
    status_.setStuckChanges(snapshot.needingAttention);
}

}  // namespace kep::desk::ui
