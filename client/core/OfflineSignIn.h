// Signing in at the desk without the server: the password is checked against the verifier kept
// from the user's last online sign-in, and only within the offline rule's window. Also keeps
// those verifiers current: stored after each online sign-in, dropped for disabled users.
#pragma once

#include "Clock.h"
#include "OfflineSignInRule.h"
#include "UserSession.h"

#include <QList>

#include <variant>

namespace kep::desk::storage {
class OfflineVerifierStore;
}

namespace kep::desk {

struct OfflineRefusal {
    enum class Reason {
        InvalidCredentials,  // no verifier for this username here, or another password
        Expired,             // no online check for more than the rule's days
        ClockWentBack,       // the desk's clock is before the last online check
    };
    Reason reason = Reason::InvalidCredentials;
    int maxDays = OfflineSignInRule::kDefaultDays;
    QDateTime lastOnlineCheck;  // set for Expired and ClockWentBack
};

class OfflineSignIn {
public:
    OfflineSignIn(storage::OfflineVerifierStore& store, const Clock& clock, OfflineSignInRule rule);

    // The session (offline = true, expiresAt = the end of the offline window) or why not.
    std::variant<UserSession, OfflineRefusal> signIn(const QString& username,
                                                     const QString& password) const;

    // After an online sign-in: the verifier made from the password the server accepted, and
    // now (the clock's) as the time of the last online check.
    void rememberOnlineSignIn(const UserSession& session, const QString& verifier);
    // Drops the verifiers of every user the directory reports disabled; returns how many.
    int applyDirectory(const QList<DirectoryUser>& users);

    const OfflineSignInRule& rule() const { return rule_; }

private:
    storage::OfflineVerifierStore& store_;
    const Clock& clock_;
    OfflineSignInRule rule_;
};

}  // namespace kep::desk
