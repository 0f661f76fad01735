// The desk's background sync as the main window shows it: started for the office of the first
// user who signs in, reported in the status bar, the sync panel and the manager's conflict inbox.
#pragma once

#include "UserSession.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace kep::desk {
class Settings;
class SyncStatus;
class Workstation;
namespace cases {
class DeskOutboxStore;
}
namespace sync {
class ConflictStore;
class DeskSync;
struct SyncSnapshot;
}  // namespace sync
}  // namespace kep::desk

namespace kep::desk::ui {

class ConflictInbox;
class MainWindow;
class SyncPanel;

class SyncControls : public QObject {
    Q_OBJECT
public:
    // Adds "Sync now" (F9), "Synchronisation…" (Ctrl+Shift+Y) and, for managers, "Conflict
    // inbox…" (Ctrl+Shift+K) to the window's View menu. Everything passed must outlive this.
    SyncControls(kep::desk::Settings& settings, kep::desk::Workstation& workstation,
                 MainWindow& window, kep::desk::SyncStatus& status, QObject* parent = nullptr);
    ~SyncControls() override;  // stops the sync threads

    // Starts the sync of the user's office (once: a workstation serves one office) if this PC
    // is enrolled; shows the conflict inbox to managers.
    void signedIn(const kep::desk::UserSession& session);
    void signedOut();
    // An edit was committed on the UI thread: send it now rather than at the next outbox check.
    void editCommitted();

    SyncPanel* panel() const;
    ConflictInbox* inbox() const;
    kep::desk::sync::DeskSync* deskSync() const { return sync_.get(); }

signals:
    // Changes of the office arrived: pages that list cases may read them again.
    void officeChangesPulled();

private:
    void show(const kep::desk::sync::SyncSnapshot& snapshot);
    void startSync(const kep::desk::UserSession& session);

    kep::desk::Settings& settings_;
    kep::desk::Workstation& workstation_;
    MainWindow& window_;
    kep::desk::SyncStatus& status_;
    std::unique_ptr<kep::desk::cases::DeskOutboxStore> outbox_;  // desk.db on the UI thread
    std::unique_ptr<kep::desk::sync::ConflictStore> conflicts_;
    QPointer<SyncPanel> panel_;      // owned by the window
    QPointer<ConflictInbox> inbox_;  // owned by the window
    std::unique_ptr<kep::desk::sync::DeskSync> sync_;
};

}  // namespace kep::desk::ui
