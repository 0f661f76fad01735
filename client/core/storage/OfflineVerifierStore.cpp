#include "storage/OfflineVerifierStore.h"

#include "db/Database.h"

namespace kep::desk::storage {

namespace {

std::string utf8(const QString& text) {
    return text.toStdString();
}

QString qtext(const std::string& text) {
    return QString::fromStdString(text);
}

std::string isoUtc(const QDateTime& when) {
    return when.toUTC().toString(Qt::ISODate).toStdString();
}

QString usernameKey(const QString& username) {
    return username.trimmed().toCaseFolded();
}

}  // namespace

OfflineVerifierStore::OfflineVerifierStore(kep::db::Database& db) : db_(db) {}

void OfflineVerifierStore::remember(const UserSession& profile, const QString& verifier,
                                    const QDateTime& lastOnlineCheck) {
    kep::db::Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO offline_verifier (username_key, user_id, username, display_name, role, "
           "office_code, office_name, verifier, last_online_check) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
           "ON CONFLICT (username_key) DO UPDATE SET user_id = excluded.user_id, "
           "username = excluded.username, display_name = excluded.display_name, "
           "role = excluded.role, office_code = excluded.office_code, "
           "office_name = excluded.office_name, verifier = excluded.verifier, "
           "last_online_check = excluded.last_online_check")
        .bind(1, utf8(usernameKey(profile.username)))
        .bind(2, utf8(profile.userId))
        .bind(3, utf8(profile.username))
        .bind(4, utf8(profile.displayName))
        .bind(5, utf8(profile.role))
        .bind(6, utf8(profile.officeCode))
        .bind(7, utf8(profile.officeName))
        .bind(8, utf8(verifier))
        .bind(9, isoUtc(lastOnlineCheck))
        .run();
    transaction.commit();
}

std::optional<OfflineCredential> OfflineVerifierStore::find(const QString& username) const {
    auto statement = db_.prepare(
        "SELECT user_id, username, display_name, role, office_code, office_name, verifier, "
        "last_online_check FROM offline_verifier WHERE username_key = ?1");
    statement.bind(1, utf8(usernameKey(username)));
    if (!statement.step()) {
        return std::nullopt;
    }
    OfflineCredential credential;
    UserSession& p = credential.profile;
    p.userId = qtext(statement.text(0));
    p.username = qtext(statement.text(1));
    p.displayName = qtext(statement.text(2));
    p.role = qtext(statement.text(3));
    p.officeCode = qtext(statement.text(4));
    p.officeName = qtext(statement.text(5));
    credential.verifier = qtext(statement.text(6));
    credential.lastOnlineCheck = QDateTime::fromString(qtext(statement.text(7)), Qt::ISODate);
    return credential;
}

int OfflineVerifierStore::forgetUsers(const QStringList& userIds) {
    if (userIds.isEmpty()) {
        return 0;
    }
    kep::db::Transaction transaction(db_);
    auto statement = db_.prepare("DELETE FROM offline_verifier WHERE user_id = ?1");
    int removed = 0;
    for (const QString& id : userIds) {
        statement.bind(1, utf8(id));
        statement.run();
        removed += db_.changes();
    }
    transaction.commit();
    return removed;
}

int OfflineVerifierStore::count() const {
    auto statement = db_.prepare("SELECT count(*) FROM offline_verifier");
    statement.step();
    return static_cast<int>(statement.int64(0));
}

}  // namespace kep::desk::storage
