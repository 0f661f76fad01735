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

}  // namespace kep::desk
