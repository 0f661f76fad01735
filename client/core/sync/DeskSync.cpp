#include "sync/DeskSync.h"

#include "cases/DeskOutboxStore.h"
#include "net/HttpsClient.h"
#include "storage/DeskDatabase.h"
#include "sync/AttachmentUploader.h"
#include "sync/ConflictStore.h"
#include "sync/DeskReplicaStore.h"
#include "sync/NudgeListener.h"

#include <QThread>

#include <algorithm>

#include <optional>
#include <random>

namespace kep::desk::sync {

namespace {

using kep::sync::Instant;

Instant systemNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

QDateTime orInvalid(const std::optional<Instant>& at) {
    return at ? toDateTime(*at) : QDateTime();
}

// After a fault of desk.db itself (busy beyond its timeout, disk full) the loop waits this long.
constexpr std::chrono::seconds kStoreFaultPause{1};
// After an attachment round that failed (offline, refused) the next waits this long.
constexpr std::chrono::seconds kAttachmentRetryPause{30};

}  // namespace

QDateTime toDateTime(Instant at) {
    return QDateTime::fromMSecsSinceEpoch(at.time_since_epoch().count(), Qt::UTC);
}

DeskSync::DeskSync(DeskSyncSetup setup, QObject* parent)
    : QObject(parent)
    , setup_(std::move(setup)) {
    qRegisterMetaType<kep::desk::sync::SyncSnapshot>();
    if (!setup_.clock) {
        setup_.clock = systemNow;
    }
}

DeskSync::~DeskSync() {
    stop();
}

void DeskSync::start() {
    if (thread_) {
        return;
    }
    stopping_ = false;
    thread_.reset(QThread::create([this] { run(); }));
    thread_->setObjectName(QStringLiteral("kep-desk-sync"));
    thread_->start();
    if (setup_.connector.nudges) {
        nudges_ = std::make_unique<NudgeListener>(
            setup_.connector.nudges,
            NudgeListener::Callbacks{
                [this](const kep::sync::Nudge& nudge) { deliverNudge(nudge); },
                [this](bool connected) {
                    if (connected) {
                        requestSync();  // nudges may have been missed while disconnected
                    }
                    emit liveNudgesChanged(connected);
                }},
            setup_.backoff);
        nudges_->start();
    }
}

void DeskSync::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    nudges_.reset();
    if (thread_) {
        thread_->wait();
        thread_.reset();
    }
}

bool DeskSync::isRunning() const {
    return thread_ && thread_->isRunning();
}

void DeskSync::requestSync() {
    {
        std::lock_guard lock(mutex_);
        syncRequested_ = true;
    }
    wake_.notify_all();
}

void DeskSync::syncNow() {
    {
        std::lock_guard lock(mutex_);
        syncNowRequested_ = true;
    }
    wake_.notify_all();
}

void DeskSync::deliverNudge(const kep::sync::Nudge& nudge) {
    {
        std::lock_guard lock(mutex_);
        pendingNudges_.push_back(nudge);
    }
    wake_.notify_all();
}

bool DeskSync::waitForWake(std::chrono::milliseconds longest) {
    std::unique_lock lock(mutex_);
    return wake_.wait_for(lock, longest, [this] {
        return stopping_ || syncRequested_ || syncNowRequested_ || !pendingNudges_.empty();
    });
}

void DeskSync::run() {
    std::optional<kep::db::Database> db;
    std::unique_ptr<kep::sync::SyncTransport> transport;
    try {
        db.emplace(storage::openDeskDatabase(setup_.databaseFile));
        transport = setup_.connector.transport();
    } catch (const std::exception& e) {
        emit stoppedByFault(QString::fromUtf8(e.what()));
        return;
    }
    // Attachments go up on the same thread, between the engine's exchanges (issue 6).
    std::unique_ptr<net::HttpsClient> attachmentClient;
    std::unique_ptr<AttachmentUploader> attachments;
    Instant nextAttachmentRound{};
    if (setup_.connector.attachments) {
        try {
            attachmentClient = setup_.connector.attachments();
            attachments = std::make_unique<AttachmentUploader>(*db, *attachmentClient);
        } catch (const std::exception& e) {
            emit stoppedByFault(QString::fromUtf8(e.what()));
            return;
        }
    }
    kep::desk::cases::DeskOutboxStore outbox(*db);
    DeskReplicaStore replica(*db, setup_.clock);
    ConflictStore conflicts(*db);
    kep::domain::HybridLogicalClock hlc;
    std::mt19937_64 dice(std::random_device{}());

    kep::sync::SyncClientConfig config;
    config.deviceId = setup_.deviceId;
    config.buckets = {"office:" + setup_.officeCode};
    config.pollInterval = setup_.pollInterval;
    config.backoff = setup_.backoff;
    kep::sync::SyncClient client(config, outbox, replica, *transport, hlc, setup_.clock,
                                 [&dice] { return dice(); });
    client.setObserver([this](const kep::sync::SyncEvent& event) {
        using Kind = kep::sync::SyncEvent::Kind;
        if (event.kind == Kind::OpRejected || event.kind == Kind::OpConflicted) {
            emit opNeedsAttention(event.deviceSeq, QString::fromStdString(event.reason),
                                  event.kind == Kind::OpConflicted);
        } else if (event.kind == Kind::Pulled) {
            emit pulled(QString::fromStdString(event.bucket), static_cast<int>(event.count));
        }
    });

    std::optional<SyncSnapshot> published;
    QString storeFault;
    auto publish = [&] {
        const kep::sync::SyncStatus status = client.status();
        SyncSnapshot s;
        s.phase = status.phase;
        s.pendingOps = static_cast<int>(status.pendingOps);
        s.oldestPendingAt = orInvalid(outbox.oldestPendingQueuedAt());
        s.lastPushAt = orInvalid(status.lastPushAt);
        s.lastPullAt = orInvalid(status.lastPullAt);
        s.upToDateAsOf = orInvalid(status.upToDateAsOf);
        s.nextAttemptAt = orInvalid(status.nextAttemptAt);
        s.lastError = storeFault.isEmpty() ? QString::fromStdString(status.lastError) : storeFault;
        s.needingAttention = static_cast<int>(status.needingAttention);
        s.openConflicts = static_cast<int>(conflicts.openCount());
        s.consecutiveFailures = status.consecutiveFailures;
        if (s != published) {
            published = s;
            emit statusChanged(s);
        }
    };
    // What the UI thread and the nudge thread asked for since the last look.
    auto takeRequests = [&] {
        std::deque<kep::sync::Nudge> nudges;
        bool requested = false;
        bool now = false;
        {
            std::lock_guard lock(mutex_);
            nudges.swap(pendingNudges_);
            std::swap(requested, syncRequested_);
            std::swap(now, syncNowRequested_);
        }
        for (const auto& nudge : nudges) {
            client.onNudge(nudge);
        }
        if (now) {
            client.syncNow();
        } else if (requested) {
            client.requestSync();
        }
    };

    while (!stopping_) {
        std::chrono::milliseconds longest = setup_.outboxCheck;
        try {
            takeRequests();
            while (!stopping_ && client.step()) {
                storeFault.clear();
                publish();
                takeRequests();
            }
            publish();
            if (attachments && !stopping_ && setup_.clock() >= nextAttachmentRound) {
                const auto round = attachments->uploadPending([this] { return stopping_.load(); });
                if (round.failed > 0) {
                    nextAttachmentRound = setup_.clock() + kAttachmentRetryPause;
                }
            }
            const auto untilWake = client.nextWakeAt() - setup_.clock();
            longest = std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(untilWake),
                                 std::chrono::milliseconds{0}, setup_.outboxCheck);
        } catch (const std::exception& e) {
            // desk.db itself failed (the engine lets store faults through): nothing was lost,
            // the ops are still queued; try again shortly.
            storeFault = QStringLiteral("desk.db: ") + QString::fromUtf8(e.what());
            publish();
            longest = kStoreFaultPause;
        }
        if (!stopping_) {
            waitForWake(longest);
        }
    }
}

}  // namespace kep::desk::sync
