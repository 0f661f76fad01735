#include "SyncStatus.h"

#include <algorithm>

namespace kep::desk {

SyncStatus::SyncStatus(QObject* parent) : QObject(parent) {}

void SyncStatus::setOnline(bool online) {
    if (online_ != online) {
        online_ = online;
        emit changed();
    }
}

void SyncStatus::setPendingChanges(int count) {
    count = std::max(count, 0);
    if (pendingChanges_ != count) {
        pendingChanges_ = count;
        emit changed();
    }
}

void SyncStatus::setLastSuccessfulSync(const QDateTime& when) {
    if (lastSuccessfulSync_ != when) {
        lastSuccessfulSync_ = when;
        emit changed();
    }
}

void SyncStatus::setOpenConflicts(int count) {
    count = std::max(count, 0);
    if (openConflicts_ != count) {
        openConflicts_ = count;
        emit changed();
    }
}

void SyncStatus::setStuckChanges(int count) {
    count = std::max(count, 0);
    if (stuckChanges_ != count) {
        stuckChanges_ = count;
        emit changed();
    }
}

}  // namespace kep::desk
