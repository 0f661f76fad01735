#include "identity/Administration.h"

#include "auth/PasswordPolicy.h"
#include "auth/SqliteSessionStore.h"
#include "authorities/AuthorityDirectory.h"
#include "http/HttpError.h"
#include "identity/EnrolmentCode.h"
#include "shared/domain/Utf8.h"
#include "shared/identity/PasswordHash.h"

namespace kep::server::identity {

namespace {

[[noreturn]] void invalid(std::string_view field, std::string_view rule) {
    throw http::HttpError(400, "invalid_field",
                          "field '" + std::string(field) + "' " + std::string(rule));
}

bool isOfficeRole(std::string_view role) {
    return role == "clerk" || role == "manager";
}

}  // namespace

void checkOfficeCode(std::string_view code, std::string_view field) {
    const bool shaped = !code.empty() && code.size() <= 16 &&
                        code.find_first_not_of(
                            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos;
    if (!shaped) {
        invalid(field, "must be 1 to 16 letters, digits or '-'");
    }
}

void checkUsername(std::string_view username, std::string_view field) {
    const bool shaped = username.size() >= 2 && username.size() <= 64 &&
                        username.find_first_not_of(
                            "0123456789abcdefghijklmnopqrstuvwxyz"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-@") == std::string_view::npos;
    if (!shaped) {
        invalid(field, "must be 2 to 64 letters, digits or . _ - @ (Latin script)");
    }
}

void checkLabel(std::string_view text, std::string_view field, std::size_t maxBytes,
                bool required) {
    if (required && text.empty()) {
        invalid(field, "must not be empty");
    }
    if (text.size() > maxBytes) {
        invalid(field, "must be at most " + std::to_string(maxBytes) + " bytes");
    }
    const auto codePoints = kep::domain::utf8::decodeStrict(text);
    if (!codePoints) {
        invalid(field, "must be valid UTF-8");
    }
    for (const char32_t c : *codePoints) {
        if (c < 0x20 || c == 0x7f) {
            invalid(field, "must not hold control characters");
        }
    }
}

Office Administration::createOffice(const storage::NewOffice& office, const AuditActor& by) {
    checkOfficeCode(office.code);
    checkLabel(office.name, "name", 200);
    checkLabel(office.region, "region", 100, false);
    try {
        return directory_.addOffice(office, by);
    } catch (const kep::db::Error& error) {
        if (error.isConstraint()) {
            throw http::HttpError(409, "office_exists",
                                  "an office with code " + office.code + " exists");
        }
        throw;
    }
}

UserAccount Administration::createUser(const AccountRequest& request, const AuditActor& by) {
    checkUsername(request.username);
    const std::string displayName =
        request.displayName.empty() ? request.username : request.displayName;
    checkLabel(displayName, "displayName", 200);
    const auto role = auth::roleFromString(request.role);
    const bool userRole = role == auth::Role::Clerk || role == auth::Role::Manager ||
                          role == auth::Role::CentralAdmin || role == auth::Role::Authority ||
                          role == auth::Role::It;
    if (!userRole) {
        invalid("role", "must be clerk, manager, central_admin, authority or it");
    }
    std::optional<std::string> officeId;
    if (isOfficeRole(request.role)) {
        if (!request.officeCode || request.officeCode->empty()) {
            invalid("office", "is required for a clerk or a manager");
        }
        const auto office = directory_.officeByCode(*request.officeCode);
        if (!office) {
            invalid("office", "names no office");
        }
        officeId = office->id;
    } else if (request.officeCode && !request.officeCode->empty()) {
        invalid("office", "must be left out for " + request.role + " (a central role)");
    }
    if (request.region) {
        if (request.role != "it") {
            invalid("region", "is only for it users");
        }
        checkLabel(*request.region, "region", 100);
    }
    const auto check = auth::checkNewPassword(request.password, request.username);
    if (!check.accepted()) {
        throw http::HttpError(400, "weak_password", check.message);
    }
    // Migration 0011's rule, checked here so that the refusal names the field.
    const bool hasAuthority = request.authorityId && !request.authorityId->empty();
    if (role == auth::Role::Authority) {
        if (!hasAuthority) {
            invalid("authority", "is required for an authority user");
        }
        const auto authority = authorities::AuthorityDirectory(store_).find(*request.authorityId);
        if (!authority || authority->disabled) {
            invalid("authority", "names no enabled authority");
        }
    } else if (hasAuthority) {
        invalid("authority", "is only for authority users");
    }
    try {
        const auto id =
            directory_.addUser({request.username, displayName, request.role, officeId,
                                request.region, kep::identity::hashPassword(request.password),
                                hasAuthority ? request.authorityId : std::nullopt},
                               by);
        return *directory_.userById(id);
    } catch (const kep::db::Error& error) {
        if (error.isConstraint()) {
            throw http::HttpError(409, "username_taken", "that username is taken");
        }
        throw;
    }
}

UserAccount Administration::setUserDisabled(std::string_view userId, bool disabled,
                                            auth::Instant now, const AuditActor& by) {
    if (!directory_.userById(userId)) {
        throw http::HttpError(404, "not_found", "no such user");
    }
    directory_.setDisabled(userId, disabled, by);
    if (disabled) {
        // At once, in this call: the gate also refuses a disabled user's session, but a
        // re-enabled user must not find old sessions alive again.
        std::lock_guard lock(store_.mutex());
        auth::SqliteSessionStore sessions(store_.database());
        sessions.revokeAllOfUser(userId, now);
    }
    return *directory_.userById(userId);
}

IssuedEnrolmentCode Administration::issueEnrolmentCode(std::string_view officeCode,
                                                       auth::Instant now, const AuditActor& by,
                                                       std::chrono::seconds validity) {
    const auto office = directory_.officeByCode(officeCode);
    if (!office) {
        throw http::HttpError(404, "not_found", "no such office");
    }
    const auto code = newEnrolmentCode();
    const auto expiresAt = now + validity;
    devices_.addCode(enrolmentCodeHash(*normaliseEnrolmentCode(code)), office->id, now, expiresAt,
                     by);
    return {code, *office, expiresAt};
}

Device Administration::revokeDevice(std::string_view deviceId, auth::Instant now,
                                    const AuditActor& by) {
    if (!devices_.revoke(deviceId, now, by)) {
        throw http::HttpError(404, "not_found", "no such device");
    }
    return *devices_.byId(deviceId);
}

}  // namespace kep::server::identity
