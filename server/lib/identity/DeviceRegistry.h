// Enrolled workstations and the one-time codes that enrol them, as kep-server's database holds
// them. The request gate looks a workstation up by certificate fingerprint on every request, so
// a revocation (by the admin API or `kep-server revoke-device`) counts from the next request.
#pragma once

#include "auth/UtcText.h"
#include "identity/AuditActor.h"
#include "identity/Directory.h"
#include "storage/ServerStore.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::identity {

struct Device {
    std::string id;
    Office office;
    std::string hostname;
    std::string certificateFingerprint;
    std::string certificateSerial;
    std::string enrolledAt;
    std::optional<std::string> revokedAt;
};

// Every method takes the store's lock for its own statements; thread-safe. Each write is audited
// (issue 9) in its own transaction.
class DeviceRegistry {
public:
    explicit DeviceRegistry(storage::ServerStore& store) : store_(store) {}

    std::optional<Device> byFingerprint(std::string_view sha256Fingerprint);
    std::optional<Device> byId(std::string_view id);
    // One office's devices (by code), or every device when `officeCode` is nullopt; oldest first.
    std::vector<Device> devices(const std::optional<std::string>& officeCode);
    // Sets revoked_at unless already set; false when there is no such device. A revocation is
    // audited as device.revoke by `by`.
    bool revoke(std::string_view id, auth::Instant now, const AuditActor& by);

    // Audited as device.enrol_code (the record: the office's id) by `by`.
    void addCode(std::string_view codeHash, std::string_view officeId, auth::Instant now,
                 auth::Instant expiresAt, const AuditActor& by = adminCommandActor());
    // The office of a code that is unused and unexpired at `now`, if any.
    std::optional<Office> officeOfLiveCode(std::string_view codeHash, auth::Instant now);
    // In one transaction: marks the code used (only if it is still live), records the device and
    // its device.enrol entry (the new device as the actor: whoever held the code is known by
    // nothing else). False, with nothing written, when the code was used or expired meanwhile.
    bool enrol(std::string_view codeHash, auth::Instant now, const Device& device);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::identity
