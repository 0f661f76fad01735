#include "identity/DeviceRegistry.h"

namespace kep::server::identity {

namespace {

constexpr const char* kDeviceColumns =
    "SELECT d.id, d.hostname, d.cert_fingerprint, d.cert_serial, d.enrolled_at, d.revoked_at, "
    "o.id, o.code, o.name, o.region FROM devices d JOIN offices o ON o.id = d.office_id ";

Device readDevice(kep::db::Statement& row) {
    Device device;
    device.id = row.text(0);
    device.hostname = row.optionalText(1).value_or("");
    device.certificateFingerprint = row.text(2);
    device.certificateSerial = row.text(3);
    device.enrolledAt = row.text(4);
    device.revokedAt = row.optionalText(5);
    device.office = Office{row.text(6), row.text(7), row.text(8), row.text(9)};
    return device;
}

std::optional<Device> oneDevice(kep::db::Statement& statement) {
    if (!statement.step()) {
        return std::nullopt;
    }
    return readDevice(statement);
}

}  // namespace

std::optional<Device> DeviceRegistry::byFingerprint(std::string_view sha256Fingerprint) {
    std::lock_guard lock(store_.mutex());
    auto statement =
        store_.database().prepare(std::string(kDeviceColumns) + "WHERE d.cert_fingerprint = ?");
    statement.bind(1, sha256Fingerprint);
    return oneDevice(statement);
}

std::optional<Device> DeviceRegistry::byId(std::string_view id) {
    std::lock_guard lock(store_.mutex());
    auto statement = store_.database().prepare(std::string(kDeviceColumns) + "WHERE d.id = ?");
    statement.bind(1, id);
    return oneDevice(statement);
}

std::vector<Device> DeviceRegistry::devices(const std::optional<std::string>& officeCode) {
    std::lock_guard lock(store_.mutex());
    auto statement = store_.database().prepare(std::string(kDeviceColumns) +
                                               (officeCode ? "WHERE o.code = ? " : "") +
                                               "ORDER BY d.enrolled_at, d.id");
    if (officeCode) {
        statement.bind(1, *officeCode);
    }
    std::vector<Device> devices;
    while (statement.step()) {
        devices.push_back(readDevice(statement));
    }
    return devices;
}

bool DeviceRegistry::revoke(std::string_view id, auth::Instant now, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    db.prepare("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(1, auth::toUtcText(now))
        .bind(2, id)
        .run();
    if (db.changes() > 0) {
        auditChange(db, by, "device.revoke", "device", id);
        transaction.commit();
        return true;
    }
    auto exists = db.prepare("SELECT 1 FROM devices WHERE id = ?");
    exists.bind(1, id);
    return exists.step();
}

void DeviceRegistry::addCode(std::string_view codeHash, std::string_view officeId,
                             auth::Instant now, auth::Instant expiresAt, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    db.prepare(
          "INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) "
          "VALUES (?, ?, ?, ?)")
        .bind(1, codeHash)
        .bind(2, officeId)
        .bind(3, auth::toUtcText(now))
        .bind(4, auth::toUtcText(expiresAt))
        .run();
    auditChange(db, by, "device.enrol_code", "office", officeId);
    transaction.commit();
}

std::optional<Office> DeviceRegistry::officeOfLiveCode(std::string_view codeHash,
                                                       auth::Instant now) {
    std::lock_guard lock(store_.mutex());
    auto statement = store_.database().prepare(
        "SELECT o.id, o.code, o.name, o.region FROM enrolment_codes c "
        "JOIN offices o ON o.id = c.office_id "
        "WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ?");
    statement.bind(1, codeHash).bind(2, auth::toUtcText(now));
    if (!statement.step()) {
        return std::nullopt;
    }
    return Office{statement.text(0), statement.text(1), statement.text(2), statement.text(3)};
}

bool DeviceRegistry::enrol(std::string_view codeHash, auth::Instant now, const Device& device) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    const auto nowText = auth::toUtcText(now);
    db.prepare(
          "UPDATE enrolment_codes SET used_at = ? "
          "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")
        .bind(1, nowText)
        .bind(2, codeHash)
        .bind(3, nowText)
        .run();
    if (db.changes() != 1) {
        return false;  // the transaction rolls back (nothing was written anyway)
    }
    db.prepare(
          "INSERT INTO devices (id, office_id, cert_serial, cert_fingerprint, enrolled_at, "
          "hostname) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, device.id)
        .bind(2, device.office.id)
        .bind(3, device.certificateSerial)
        .bind(4, device.certificateFingerprint)
        .bind(5, nowText)
        .bind(6, device.hostname)
        .run();
    const AuditActor enrolled{"device",           device.id, "",
                              device.office.code, device.id, "administration"};
    auditChange(db, enrolled, "device.enrol", "device", device.id);
    transaction.commit();
    return true;
}

}  // namespace kep::server::identity
