#include "OfflineSignIn.h"

#include "storage/OfflineVerifierStore.h"
#include "storage/PasswordVerifier.h"

#include <QStringList>

namespace kep::desk {

OfflineSignIn::OfflineSignIn(storage::OfflineVerifierStore& store, const Clock& clock,
                             OfflineSignInRule rule)
    : store_(store)
    , clock_(clock)
    , rule_(rule) {}

std::variant<UserSession, OfflineRefusal> OfflineSignIn::signIn(const QString& username,
                                                                const QString& password) const {
    OfflineRefusal refusal;
    refusal.maxDays = rule_.maxDays;
    const auto credential = store_.find(username);
    // The password is checked before the window, so that the answer says nothing about a user
    // to someone who does not know the password.
    if (!credential || !storage::matchesPasswordVerifier(credential->verifier, password)) {
        return refusal;
    }
    refusal.lastOnlineCheck = credential->lastOnlineCheck;
    switch (rule_.judge(credential->lastOnlineCheck, clock_.now())) {
        case OfflineVerdict::Allowed:
            break;
        case OfflineVerdict::Expired:
            refusal.reason = OfflineRefusal::Reason::Expired;
            return refusal;
        case OfflineVerdict::ClockWentBack:
            refusal.reason = OfflineRefusal::Reason::ClockWentBack;
            return refusal;
    }
    UserSession session = credential->profile;
    session.offline = true;
    session.expiresAt = rule_.validUntil(credential->lastOnlineCheck);
    return session;
}

void OfflineSignIn::rememberOnlineSignIn(const UserSession& session, const QString& verifier) {
    store_.remember(session, verifier, clock_.now());
}

int OfflineSignIn::applyDirectory(const QList<DirectoryUser>& users) {
    QStringList disabled;
    for (const DirectoryUser& user : users) {
        if (user.disabled) {
            disabled.append(user.id);
        }
    }
    return store_.forgetUsers(disabled);
}

}  // namespace kep::desk
