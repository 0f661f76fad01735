#include "identity/SignIn.h"

#include "auth/AccessPolicy.h"
#include "auth/SqliteSessionStore.h"
#include "auth/SqliteSignInThrottleStore.h"
#include "shared/identity/PasswordHash.h"

namespace kep::server::identity {

SignIn::SignIn(storage::ServerStore& store, Directory& directory, auth::ThrottleSettings throttle,
               auth::SessionLimits sessions)
    : store_(store)
    , directory_(directory)
    , throttle_(throttle)
    , sessions_(sessions)
    , decoyHash_(
          kep::identity::hashPassword("no user has this password: it only costs the same time")) {}

SignInResult SignIn::attempt(const SignInAttempt& attempt) {
    SignInResult result;
    {
        std::lock_guard lock(store_.mutex());
        auth::SqliteSignInThrottleStore counters(store_.database());
        const auto decision =
            auth::SignInThrottle(counters, throttle_)
                .beforeAttempt(attempt.username, attempt.remoteAddress, attempt.now);
        if (!decision.proceed()) {
            result.outcome = SignInResult::Outcome::Throttled;
            result.retryAfter = std::max(decision.retryAfter, std::chrono::seconds{1});
            return result;
        }
    }

    const auto account = directory_.userByName(attempt.username);
    const bool passwordRight =
        kep::identity::verifyPassword(account ? account->passwordHash : decoyHash_,
                                      attempt.password) &&
        account.has_value();
    if (!passwordRight) {
        return result;  // InvalidCredentials, whatever the account's state (already counted)
    }
    {
        std::lock_guard lock(store_.mutex());
        auth::SqliteSignInThrottleStore counters(store_.database());
        auth::SignInThrottle(counters, throttle_).recordSuccess(attempt.username);
    }
    result.account = *account;
    if (account->disabled) {
        result.outcome = SignInResult::Outcome::Disabled;
        return result;
    }
    // The same table as every route: which users may sign in at a workstation of which office.
    const auth::ResourceScope workstationOffice{
        attempt.workstation.officeCode, attempt.workstation.region, {}};
    if (!auth::decide(principalOf(*account), "auth.sign_in", workstationOffice)) {
        result.outcome = SignInResult::Outcome::WrongOffice;
        return result;
    }
    if (kep::identity::needsRehash(account->passwordHash)) {
        directory_.setPasswordHash(account->id, kep::identity::hashPassword(attempt.password));
    }
    std::lock_guard lock(store_.mutex());
    auth::SqliteSessionStore sessionRows(store_.database());
    auto issued = auth::SessionTokens(sessionRows, sessions_)
                      .issue(account->id, attempt.certificateFingerprint, attempt.now);
    result.outcome = SignInResult::Outcome::SignedIn;
    result.token = std::move(issued.token);
    result.expiresAt = issued.session.createdAt + sessions_.absolute;
    return result;
}

}  // namespace kep::server::identity
