// When a desk may let a user in without the server: only within N days (policy key
// OfflineSignInDays, default 7) of the last time the server itself checked that user's password.
#pragma once

#include <QDateTime>

namespace kep::desk {

enum class OfflineVerdict {
    Allowed,
    Expired,        // more than N days since the last online check
    ClockWentBack,  // the last check lies in the future: this clock cannot be trusted
};

struct OfflineSignInRule {
    static constexpr int kDefaultDays = 7;
    // Clock differences below this are the normal drift of a PC's clock, not an attack.
    static constexpr qint64 kClockToleranceSeconds = 300;

    int maxDays = kDefaultDays;

    // Valid only strictly before lastOnlineCheck + maxDays; a missing check never is.
    OfflineVerdict judge(const QDateTime& lastOnlineCheck, const QDateTime& now) const;
    QDateTime validUntil(const QDateTime& lastOnlineCheck) const;
    // A policy value: 1..90 days are taken; anything else (unset, 0, nonsense) is the default.
    static OfflineSignInRule fromPolicyDays(int days);
};

}  // namespace kep::desk
