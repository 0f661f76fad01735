#include "auth/SignInThrottle.h"

#include "auth/AddressRateLimit.h"
#include "shared/domain/TextFold.h"

#include <algorithm>

namespace kep::auth {

using std::chrono::seconds;

namespace {

constexpr std::size_t kMaxKeyBytes = 256;

std::string boundedKey(std::string_view key) {
    return std::string(key.substr(0, kMaxKeyBytes));
}

}  // namespace

std::string throttleKeyForUsername(std::string_view username) {
    std::string folded = kep::domain::foldForSearch(username);
    if (folded.size() > kMaxKeyBytes) {
        folded.resize(kMaxKeyBytes);
    }
    return folded.empty() ? std::string("\x01") : folded;  // an empty name is a subject too
}

SignInThrottle::SignInThrottle(SignInThrottleStore& store, ThrottleSettings settings)
    : store_(store)
    , settings_(settings) {}

seconds SignInThrottle::delayAfter(std::int64_t consecutiveFailures) const {
    const std::int64_t doublings = consecutiveFailures - settings_.freeFailures - 1;
    if (doublings < 0) {
        return seconds{0};
    }
    if (doublings >= 30) {
        return settings_.maxDelay;
    }
    return std::min(seconds{std::int64_t{1} << doublings}, settings_.maxDelay);
}

ThrottleDecision SignInThrottle::beforeAttempt(std::string_view username, std::string_view address,
                                               Instant now) {
    const auto wait =
        countAddressRequest(store_, boundedKey(address.empty() ? "unknown" : address),
                            {settings_.addressAttempts, settings_.addressWindow}, now);
    if (wait.count() > 0) {
        return {ThrottleVerdict::AddressRateLimited, wait};
    }

    // Read, decide and reserve in one update (one IMMEDIATE transaction of the store).
    ThrottleDecision decision;
    store_.update(ThrottleSubject::User, throttleKeyForUsername(username),
                  [&](std::optional<ThrottleCounter> c) -> std::optional<ThrottleCounter> {
                      if (c && c->lockedUntil && now < *c->lockedUntil) {
                          decision = {ThrottleVerdict::UserLocked, *c->lockedUntil - now};
                          return c;
                      }
                      if (c) {
                          const Instant nextAllowed = c->lastAt + delayAfter(c->count);
                          if (now < nextAllowed) {
                              decision = {ThrottleVerdict::UserDelayed, nextAllowed - now};
                              return c;
                          }
                      }
                      ThrottleCounter next = c.value_or(ThrottleCounter{0, now, now, std::nullopt});
                      ++next.count;
                      next.lastAt = now;
                      if (next.count >= settings_.lockAfterFailures) {
                          next.lockedUntil = now + settings_.lockDuration;
                      }
                      return next;
                  });
    return decision;
}

void SignInThrottle::recordSuccess(std::string_view username) {
    unlock(username);
}

void SignInThrottle::unlock(std::string_view username) {
    store_.update(ThrottleSubject::User, throttleKeyForUsername(username),
                  [](std::optional<ThrottleCounter>) -> std::optional<ThrottleCounter> {
                      return std::nullopt;
                  });
}

std::int64_t SignInThrottle::consecutiveFailures(std::string_view username) {
    const auto c = store_.find(ThrottleSubject::User, throttleKeyForUsername(username));
    return c ? c->count : 0;
}

}  // namespace kep::auth
