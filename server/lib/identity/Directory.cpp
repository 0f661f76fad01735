#include "identity/Directory.h"

#include "shared/domain/Uuid.h"

namespace kep::server::identity {

namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.region, u.disabled, u.password_hash, "
    "o.id, o.code, o.name, o.region, u.authority_id "
    "FROM users u LEFT JOIN offices o ON o.id = u.office_id ";

UserAccount readUser(kep::db::Statement& row) {
    UserAccount account;
    account.id = row.text(0);
    account.username = row.text(1);
    account.displayName = row.text(2);
    account.role = row.text(3);
    account.region = row.optionalText(4).value_or("");
    account.disabled = row.int64(5) != 0;
    account.passwordHash = row.text(6);
    if (!row.isNull(7)) {
        account.office = Office{row.text(7), row.text(8), row.text(9), row.text(10)};
    }
    account.authorityId = row.optionalText(11).value_or("");
    return account;
}

std::optional<UserAccount> oneUser(kep::db::Statement& statement) {
    if (!statement.step()) {
        return std::nullopt;
    }
    return readUser(statement);
}

}  // namespace

auth::Principal principalOf(const UserAccount& account) {
    auth::Principal principal;
    principal.kind = auth::PrincipalKind::User;
    // An unknown role in the database must grant nothing: Role::Any matches no user row.
    principal.role = auth::roleFromString(account.role).value_or(auth::Role::Any);
    principal.userId = account.id;
    principal.officeCode = account.office ? account.office->code : "";
    principal.region = account.office ? account.office->region : account.region;
    principal.authorityId = account.authorityId;
    return principal;
}

std::vector<Office> Directory::offices() {
    std::lock_guard lock(store_.mutex());
    auto statement =
        store_.database().prepare("SELECT id, code, name, region FROM offices ORDER BY code");
    std::vector<Office> offices;
    while (statement.step()) {
        offices.push_back(
            {statement.text(0), statement.text(1), statement.text(2), statement.text(3)});
    }
    return offices;
}

std::optional<Office> Directory::officeByCode(std::string_view code) {
    std::lock_guard lock(store_.mutex());
    auto statement =
        store_.database().prepare("SELECT id, code, name, region FROM offices WHERE code = ?");
    statement.bind(1, code);
    if (!statement.step()) {
        return std::nullopt;
    }
    return Office{statement.text(0), statement.text(1), statement.text(2), statement.text(3)};
}

Office Directory::addOffice(const storage::NewOffice& office, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    const auto id = kep::domain::newUuidV7().toString();
    db.prepare("INSERT INTO offices (id, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, office.code)
        .bind(3, office.name)
        .bind(4, office.region)
        .bind(5, storage::isoUtc(std::chrono::system_clock::now()))
        .run();
    auditChange(db, by, "office.create", "office", id);
    transaction.commit();
    return {id, office.code, office.name, office.region};
}

std::optional<UserAccount> Directory::userByName(std::string_view username) {
    std::lock_guard lock(store_.mutex());
    // Folded, so «ΜΑΡΙΑ» finds «Μαρία» (NOCASE would not) and the throttle's key is the same.
    auto statement =
        store_.database().prepare(std::string(kUserColumns) + "WHERE u.username_folded = ?");
    statement.bind(1, storage::foldUsername(username));
    return oneUser(statement);
}

std::optional<UserAccount> Directory::userById(std::string_view id) {
    std::lock_guard lock(store_.mutex());
    auto statement = store_.database().prepare(std::string(kUserColumns) + "WHERE u.id = ?");
    statement.bind(1, id);
    return oneUser(statement);
}

std::vector<UserAccount> Directory::users(const std::optional<std::string>& officeCode) {
    std::lock_guard lock(store_.mutex());
    std::string sql = kUserColumns;
    if (officeCode && officeCode->empty()) {
        sql += "WHERE u.office_id IS NULL ";
    } else if (officeCode) {
        sql += "WHERE o.code = ? ";
    }
    sql += "ORDER BY u.username";
    auto statement = store_.database().prepare(sql);
    if (officeCode && !officeCode->empty()) {
        statement.bind(1, *officeCode);
    }
    std::vector<UserAccount> accounts;
    while (statement.step()) {
        accounts.push_back(readUser(statement));
    }
    return accounts;
}

std::string Directory::addUser(const NewAccount& account, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    const auto id = kep::domain::newUuidV7().toString();
    db.prepare(
          "INSERT INTO users (id, username, display_name, role, office_id, region, "
          "password_hash, created_at, username_folded, authority_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, account.username)
        .bind(3, account.displayName)
        .bind(4, account.role)
        .bind(5, account.officeId)
        .bind(6, account.region)
        .bind(7, account.passwordHash)
        .bind(8, storage::isoUtc(std::chrono::system_clock::now()))
        .bind(9, storage::foldUsername(account.username))
        .bind(10, account.authorityId)
        .run();
    auditChange(db, by, "user.create", "user", id);
    transaction.commit();
    return id;
}

bool Directory::setDisabled(std::string_view userId, bool disabled, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    db.prepare("UPDATE users SET disabled = ? WHERE id = ? AND disabled <> ?")
        .bind(1, disabled ? 1 : 0)
        .bind(2, userId)
        .bind(3, disabled ? 1 : 0)
        .run();
    if (db.changes() == 0) {
        return false;  // nothing changed, nothing to audit
    }
    auditChange(db, by, disabled ? "user.disable" : "user.enable", "user", userId);
    transaction.commit();
    return true;
}

void Directory::setPasswordHash(std::string_view userId, std::string_view passwordHash) {
    std::lock_guard lock(store_.mutex());
    store_.database()
        .prepare("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(1, passwordHash)
        .bind(2, userId)
        .run();
}

}  // namespace kep::server::identity
