#include "OfflineSignInRule.h"

namespace kep::desk {

namespace {
constexpr int kMaxPolicyDays = 90;
}

QDateTime OfflineSignInRule::validUntil(const QDateTime& lastOnlineCheck) const {
    return lastOnlineCheck.addDays(maxDays);
}

OfflineVerdict OfflineSignInRule::judge(const QDateTime& lastOnlineCheck,
                                        const QDateTime& now) const {
    if (!lastOnlineCheck.isValid() || !now.isValid()) {
        return OfflineVerdict::Expired;
    }
    // A clock set back would otherwise stretch the window without end.
    if (now.secsTo(lastOnlineCheck) > kClockToleranceSeconds) {
        return OfflineVerdict::ClockWentBack;
    }
    return now < validUntil(lastOnlineCheck) ? OfflineVerdict::Allowed : OfflineVerdict::Expired;
}

OfflineSignInRule OfflineSignInRule::fromPolicyDays(int days) {
    OfflineSignInRule rule;
    if (days >= 1 && days <= kMaxPolicyDays) {
        rule.maxDays = days;
    }
    return rule;
}

}  // namespace kep::desk
