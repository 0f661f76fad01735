// The offline verifiers in desk.db: one row per user who signed in online at this workstation
// (verifier, profile, time of the last online check), found by case-folded username and dropped
// when the server reports the user disabled.
#pragma once

#include "UserSession.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace kep::db {
class Database;
}

namespace kep::desk::storage {

struct OfflineCredential {
    UserSession profile;  // expiresAt left empty; offline = false as stored
    QString verifier;     // Argon2id PHC string
    QDateTime lastOnlineCheck;
};

class OfflineVerifierStore {
public:
    explicit OfflineVerifierStore(kep::db::Database& db);

    // Inserts or replaces the user's row (one per username).
    void remember(const UserSession& profile, const QString& verifier,
                  const QDateTime& lastOnlineCheck);
    std::optional<OfflineCredential> find(const QString& username) const;
    // Drops the rows of these user ids; returns how many went.
    int forgetUsers(const QStringList& userIds);
    int count() const;

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::storage
