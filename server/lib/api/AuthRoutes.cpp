// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/session and
// GET /api/v1/directory/users: signing in at a workstation and what a session may ask of it.
#include "api/IdentityJson.h"
#include "api/IdentityRoutes.h"
#include "audit/AuditLog.h"
#include "auth/SqliteSessionStore.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/AuditActor.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

using Outcome = identity::SignInResult::Outcome;

constexpr std::size_t kMaxUsernameBytes = 256;
// 128 code points of 4 bytes: the longest password the policy accepts, and a bound on what
// Argon2id is asked to hash.
constexpr std::size_t kMaxPasswordBytes = 512;

http::Response withRetryAfter(http::Response response, std::chrono::seconds retryAfter) {
    response.headers.emplace_back("Retry-After", std::to_string(retryAfter.count()));
    return response;
}

http::Response signInAnswer(const identity::SignInResult& result) {
    switch (result.outcome) {
        case Outcome::SignedIn: {
            boost::json::object user = userJson(result.account);
            user.erase("disabled");
            user.erase("region");
            return http::jsonResponse(
                boost::json::object{{"token", result.token},
                                    {"expiresAt", auth::toUtcText(result.expiresAt)},
                                    {"user", std::move(user)}});
        }
        case Outcome::Throttled:
            return withRetryAfter(
                http::Response::error(429, "too_many_attempts",
                                      "too many sign-in attempts; try again after " +
                                          std::to_string(result.retryAfter.count()) + " s"),
                result.retryAfter);
        case Outcome::Disabled:
            return http::Response::error(403, "account_disabled", "this account is disabled");
        case Outcome::WrongOffice:
            return http::Response::error(
                403, "wrong_office", "this account may not sign in at this office's workstations");
        case Outcome::InvalidCredentials:
            break;
    }
    return http::Response::error(401, "invalid_credentials", "wrong username or password");
}

// Every attempt, durably, before the answer (issue 9). The actor is the user only when the password
// proved who they are; otherwise the workstation, and the record "-": the typed name may be
// anyone's, or a password typed into the wrong box.
void auditSignIn(storage::ServerStore& store, const http::Caller& caller,
                 const identity::SignInResult& result) {
    const bool proven = result.outcome == Outcome::SignedIn ||
                        result.outcome == Outcome::Disabled ||
                        result.outcome == Outcome::WrongOffice;
    const auto entry =
        proven
            ? identity::auditEntry(identity::actorOf(identity::principalOf(result.account), caller),
                                   "auth.sign_in", "user", result.account.id,
                                   result.outcome == Outcome::SignedIn ? "ok" : "denied")
            : identity::auditEntry(identity::actorOf(caller.workstation, caller), "auth.sign_in",
                                   "user", "-", "denied");
    audit::AuditLog::appendNow(store, {&entry, 1});
}

}  // namespace

void registerAuthRoutes(http::Router& router, identity::IdentityServices& identity) {
    router.add(
        http::Method::Post, "/api/v1/auth/login",
        http::RouteAccess::workstation("auth.sign_in",
                                       [](const http::Request& request) {
                                           const auto& ws = request.caller->workstation;
                                           return auth::ResourceScope{ws.officeCode, ws.region, {}};
                                       }),
        [&identity](http::Request& request) {
            const auto body = http::parseJsonObject(request);
            const auto username = http::requireString(body, "username", kMaxUsernameBytes);
            const auto password = http::requireString(body, "password", kMaxPasswordBytes);
            const auto& caller = *request.caller;
            const auto result = identity.signIn.attempt(
                {username, password, request.remoteAddress, caller.workstation,
                 caller.certificateFingerprint, identity::nowInstant()});
            auditSignIn(identity.store, caller, result);
            return signInAnswer(result);
        });

    router.add(http::Method::Post, "/api/v1/auth/logout",
               http::RouteAccess::session("auth.sign_out"), [&identity](http::Request& request) {
                   {
                       std::lock_guard lock(identity.store.mutex());
                       auth::SqliteSessionStore rows(identity.store.database());
                       auth::SessionTokens(rows, identity.signIn.sessionLimits())
                           .revoke(request.caller->sessionToken, identity::nowInstant());
                   }
                   http::Response response;
                   response.status = 204;
                   return response;
               });

    router.add(http::Method::Get, "/api/v1/auth/session",
               http::RouteAccess::session("auth.session"), [&identity](http::Request& request) {
                   const auto& caller = *request.caller;
                   const auto account = identity.directory.userById(caller.user->userId);
                   const auto hash = auth::sessionTokenHash(caller.sessionToken);
                   std::optional<auth::Session> session;
                   {
                       std::lock_guard lock(identity.store.mutex());
                       session = auth::SqliteSessionStore(identity.store.database()).find(*hash);
                   }
                   if (!account || !session) {
                       throw http::HttpError(401, "session_invalid", "the session has ended");
                   }
                   const auto& limits = identity.signIn.sessionLimits();
                   boost::json::object user = userJson(*account);
                   user.erase("disabled");
                   return http::jsonResponse(boost::json::object{
                       {"user", std::move(user)},
                       {"expiresAt", auth::toUtcText(session->createdAt + limits.absolute)},
                       {"idleExpiresAt", auth::toUtcText(session->lastSeenAt + limits.idle)}});
               });

    router.add(
        http::Method::Get, "/api/v1/directory/users",
        http::RouteAccess::session("directory.read",
                                   [](const http::Request& request) {
                                       const auto& ws = request.caller->workstation;
                                       return auth::ResourceScope{ws.officeCode, ws.region, {}};
                                   }),
        [&identity](http::Request& request) {
            // The workstation's office; the admin tool (no office) lists the central users.
            boost::json::array users;
            for (const auto& account :
                 identity.directory.users(request.caller->workstation.officeCode)) {
                users.push_back({{"id", account.id},
                                 {"username", account.username},
                                 {"displayName", account.displayName},
                                 {"role", account.role},
                                 {"disabled", account.disabled}});
            }
            return http::jsonResponse(boost::json::object{{"users", std::move(users)}});
        });
}

}  // namespace kep::server::api
