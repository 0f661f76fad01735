// kep-desk's background sync: the shared engine (SyncClient) on a thread of its own with its own
// desk.db connection, woken by edits, nudges and "sync now", reporting by queued signals only.
#pragma once

#include "shared/sync/RetryBackoff.h"
#include "sync/SyncConnector.h"
#include "sync/SyncSnapshot.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

class QThread;

namespace kep::desk::sync {

class NudgeListener;

struct DeskSyncSetup {
    QString databaseFile;    // desk.db, opened again on the sync thread
    std::string deviceId;    // the workstation's id, from its certificate
    std::string officeCode;  // the desk pulls "office:<code>"
    SyncConnector connector;
    std::chrono::milliseconds pollInterval{60'000};  // pull without a nudge this often
    // How often an idle sync thread looks for ops queued by edits that did not call
    // requestSync() (one indexed count): the longest an edit waits to be sent when online.
    std::chrono::milliseconds outboxCheck{1'000};
    kep::sync::BackoffPolicy backoff;
    std::function<kep::cases::Instant()> clock;  // empty: the system clock
};

// Threads: the engine, its stores and its transport live on the sync thread, which loops as
// SyncClient.h says (step until idle, then wait for the next wake, an edit, a nudge or "sync
// now"); the nudge listener reads the WebSocket on a second thread. Every public function is
// thread-safe. Signals are emitted on the sync thread, so they reach UI objects queued.
class DeskSync : public QObject {
    Q_OBJECT
public:
    explicit DeskSync(DeskSyncSetup setup, QObject* parent = nullptr);
    ~DeskSync() override;  // stop()

    void start();
    // Prompt: an idle thread ends at once, a busy one after its exchange in flight (bounded by
    // the transport's timeout). Nothing is lost: ops stay in the outbox until answered.
    void stop();
    bool isRunning() const;

public slots:
    void requestSync();  // an edit was committed: send it as soon as the backoff allows
    void syncNow();      // a person asked: as requestSync(), and a retry wait is cut short

signals:
    void statusChanged(const kep::desk::sync::SyncSnapshot& status);
    // The server rejected an op, or merged it with a conflict; it stays in the outbox.
    void opNeedsAttention(qint64 deviceSeq, const QString& reason, bool conflict);
    void pulled(const QString& bucket, int changes);
    void liveNudgesChanged(bool connected);
    // The sync thread could not start or ended by a fault (desk.db unreadable, bad settings).
    void stoppedByFault(const QString& fault);

private:
    void run();
    bool waitForWake(std::chrono::milliseconds longest);
    void deliverNudge(const kep::sync::Nudge& nudge);

    DeskSyncSetup setup_;
    std::unique_ptr<QThread> thread_;
    std::unique_ptr<NudgeListener> nudges_;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool syncRequested_ = false;
    bool syncNowRequested_ = false;
    std::deque<kep::sync::Nudge> pendingNudges_;
};

}  // namespace kep::desk::sync
