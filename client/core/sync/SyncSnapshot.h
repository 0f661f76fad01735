// What the sync thread tells the UI after each exchange: the engine's status plus what the
// desk's tables say (stuck ops, open conflicts), as plain values fit for a queued signal.
#pragma once

#include "shared/sync/SyncClient.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace kep::desk::sync {

struct SyncSnapshot {
    kep::sync::SyncPhase phase = kep::sync::SyncPhase::Idle;
    int pendingOps = 0;
    QDateTime oldestPendingAt;  // invalid: nothing waits
    QDateTime lastPushAt;       // the last push the server answered
    QDateTime lastPullAt;       // the last pull the server answered
    QDateTime upToDateAsOf;     // start of the last cycle that completed
    QDateTime nextAttemptAt;    // while waiting to retry
    QString lastError;          // no personal data: transport and store faults only
    int needingAttention = 0;   // rejected and conflicting ops kept for a person
    int openConflicts = 0;      // in the office's conflict inbox
    int consecutiveFailures = 0;

    friend bool operator==(const SyncSnapshot&, const SyncSnapshot&) = default;
};

QDateTime toDateTime(kep::cases::Instant at);

}  // namespace kep::desk::sync

Q_DECLARE_METATYPE(kep::desk::sync::SyncSnapshot)
