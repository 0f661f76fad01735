// What administrators change — offices, users, enrolment codes, workstation revocations — with
// its rules (field shapes, the password policy, sessions ended at once on disable) in one place
// that the admin API and the `kep-server` admin commands both call. Who may do it is decided
// before: by the request gate for the API, by access to the data folder for the commands.
#pragma once

#include "auth/UtcText.h"
#include "identity/DeviceRegistry.h"
#include "identity/Directory.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::identity {

inline constexpr std::chrono::hours kEnrolmentCodeValidity{72};

struct AccountRequest {
    std::string username;
    std::string displayName;  // defaults to the username when empty
    std::string role;
    std::optional<std::string> officeCode;   // clerks and managers: required; others: none
    std::optional<std::string> region;       // IT users: the region they look after
    std::optional<std::string> authorityId;  // authority users: required, an enabled authority
    std::string password;
};

struct IssuedEnrolmentCode {
    std::string code;  // shown once; only its hash is kept
    Office office;
    auth::Instant expiresAt;
};

// Refusals are kep::http::HttpError with the status and code the API answers (400
// invalid_field / weak_password, 404 not_found, 409 office_exists / username_taken); the
// commands print their message. Every change is audited with it, naming `by` (issue 9).
class Administration {
public:
    Administration(storage::ServerStore& store, Directory& directory, DeviceRegistry& devices)
        : store_(store)
        , directory_(directory)
        , devices_(devices) {}

    Office createOffice(const storage::NewOffice& office, const AuditActor& by);
    UserAccount createUser(const AccountRequest& request, const AuditActor& by);
    // Disabling ends every session of the user in the same call.
    UserAccount setUserDisabled(std::string_view userId, bool disabled, auth::Instant now,
                                const AuditActor& by);
    IssuedEnrolmentCode issueEnrolmentCode(std::string_view officeCode, auth::Instant now,
                                           const AuditActor& by,
                                           std::chrono::seconds validity = kEnrolmentCodeValidity);
    Device revokeDevice(std::string_view deviceId, auth::Instant now, const AuditActor& by);

private:
    storage::ServerStore& store_;
    Directory& directory_;
    DeviceRegistry& devices_;
};

// Field checks shared by the API and the commands; each throws HttpError 400 invalid_field
// naming `field`.
void checkOfficeCode(std::string_view code, std::string_view field = "code");
void checkUsername(std::string_view username, std::string_view field = "username");
void checkLabel(std::string_view text, std::string_view field, std::size_t maxBytes,
                bool required = true);

}  // namespace kep::server::identity
