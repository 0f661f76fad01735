#include "storage/ServerStore.h"

#include "shared/domain/TextFold.h"
#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"

#include <sys/stat.h>

#include <ctime>
#include <utility>
#include <vector>

namespace kep::server::storage {

namespace {

std::string nowIso() {
    return isoUtc(std::chrono::system_clock::now());
}

std::string newId() {
    return kep::domain::newUuidV7().toString();
}

}  // namespace

std::string isoUtc(std::chrono::system_clock::time_point when) {
    return kep::domain::toUtcText(when);
}

namespace {

// Rows written before migration 0006 get their folded username; two names that fold alike
// make this throw (the unique index), naming neither: an administrator renames one first.
void foldExistingUsernames(kep::db::Database& db) {
    std::vector<std::pair<std::string, std::string>> rows;
    {
        auto select = db.prepare("SELECT id, username FROM users WHERE username_folded IS NULL");
        while (select.step()) {
            rows.emplace_back(select.text(0), select.text(1));
        }
    }
    if (rows.empty()) {
        return;
    }
    kep::db::Transaction tx(db);
    for (const auto& [id, username] : rows) {
        db.prepare("UPDATE users SET username_folded = ?1 WHERE id = ?2")
            .bind(1, foldUsername(username))
            .bind(2, id)
            .run();
    }
    tx.commit();
}

}  // namespace

std::unique_ptr<ServerStore> ServerStore::create(const std::string& path) {
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        throw kep::db::Error(0, "database already exists: " + path);
    }
    auto db = kep::db::Database::open(path, {.mode = kep::db::OpenMode::ReadWriteCreate});
    kep::db::migrate(db, migrations());
    return std::unique_ptr<ServerStore>(new ServerStore(std::move(db)));
}

std::unique_ptr<ServerStore> ServerStore::open(const std::string& path) {
    auto db = kep::db::Database::open(path, {.mode = kep::db::OpenMode::ReadWrite});
    if (db.userVersion() == 0) {
        throw kep::db::Error(0, "not a kep-server database (no schema): " + path);
    }
    kep::db::migrate(db, migrations());
    foldExistingUsernames(db);
    return std::unique_ptr<ServerStore>(new ServerStore(std::move(db)));
}

std::string foldUsername(std::string_view username) {
    return kep::domain::foldForSearch(username);
}

std::string ServerStore::addOffice(const NewOffice& office) {
    std::lock_guard lock(mutex_);
    const auto id = newId();
    db_.prepare("INSERT INTO offices (id, code, name, region, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, office.code)
        .bind(3, office.name)
        .bind(4, office.region)
        .bind(5, nowIso())
        .run();
    return id;
}

std::string ServerStore::addUser(const NewUser& user) {
    std::lock_guard lock(mutex_);
    const auto id = newId();
    db_.prepare(
           "INSERT INTO users (id, username, display_name, role, office_id, password_hash, "
           "created_at, username_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, user.username)
        .bind(3, user.displayName)
        .bind(4, user.role)
        .bind(5, user.officeId)
        .bind(6, user.passwordHash)
        .bind(7, nowIso())
        .bind(8, foldUsername(user.username))
        .run();
    return id;
}

void ServerStore::addAdminCertificate(std::string_view sha256Fingerprint,
                                      std::string_view commonName,
                                      std::chrono::system_clock::time_point notAfter) {
    std::lock_guard lock(mutex_);
    db_.prepare(
           "INSERT INTO admin_certificates (sha256_fingerprint, common_name, not_after, "
           "created_at) VALUES (?, ?, ?, ?)")
        .bind(1, sha256Fingerprint)
        .bind(2, commonName)
        .bind(3, isoUtc(notAfter))
        .bind(4, nowIso())
        .run();
}

bool ServerStore::isAdminCertificate(std::string_view sha256Fingerprint) {
    std::lock_guard lock(mutex_);
    auto statement = db_.prepare(
        "SELECT 1 FROM admin_certificates WHERE sha256_fingerprint = ? AND revoked = 0");
    statement.bind(1, sha256Fingerprint);
    return statement.step();
}

void ServerStore::setMeta(std::string_view key, std::string_view value) {
    std::lock_guard lock(mutex_);
    db_.prepare(
           "INSERT INTO meta (key, value) VALUES (?, ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::optional<std::string> ServerStore::meta(std::string_view key) {
    std::lock_guard lock(mutex_);
    auto statement = db_.prepare("SELECT value FROM meta WHERE key = ?");
    statement.bind(1, key);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.text(0);
}

bool ServerStore::isReachable() noexcept {
    try {
        std::lock_guard lock(mutex_);
        if (db_.dialect() == kep::db::Dialect::Postgres) {
            // A query the server must answer, on a connection that is still open.
            auto statement = db_.prepare("SELECT count(*) FROM meta");
            return statement.step();
        }
        // A read of the file itself (SELECT 1 reads nothing), and the file still under its
        // name: a data folder moved or deleted under the server is not ready.
        auto statement = db_.prepare("SELECT count(*) FROM sqlite_schema");
        return statement.step() && statement.int64(0) > 0 && !db_.fileHasMoved();
    } catch (...) {
        return false;
    }
}

}  // namespace kep::server::storage
