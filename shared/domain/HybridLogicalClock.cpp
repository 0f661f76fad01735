#include "shared/domain/HybridLogicalClock.h"

#include <algorithm>
#include <limits>

namespace kep::domain {

namespace {

constexpr std::int64_t kMaxWallMs = (std::int64_t{1} << 48) - 1;
constexpr char kHex[] = "0123456789abcdef";

void appendHex(std::string& out, std::uint64_t value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out.push_back(kHex[(value >> static_cast<unsigned>(shift)) & 0xFU]);
    }
}

std::optional<std::uint64_t> parseHex(std::string_view text) {
    std::uint64_t value = 0;
    for (const char c : text) {
        int digit = -1;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            digit = c - 'a' + 10;
        } else {
            return std::nullopt;
        }
        value = value * 16 + static_cast<std::uint64_t>(digit);
    }
    return value;
}

// The next timestamp after ts. The logical counter would wrap only after 2^32 events in one
// millisecond (or when a remote sends the largest counter); moving to the next millisecond
// keeps the order strict instead.
HlcTimestamp successor(const HlcTimestamp& ts) {
    if (ts.logical == std::numeric_limits<std::uint32_t>::max()) {
        return {ts.wallMs + 1, 0};
    }
    return {ts.wallMs, ts.logical + 1};
}

}  // namespace

std::string HlcTimestamp::toString() const {
    std::string out;
    out.reserve(21);
    appendHex(out, static_cast<std::uint64_t>(std::clamp<std::int64_t>(wallMs, 0, kMaxWallMs)), 12);
    out.push_back('-');
    appendHex(out, logical, 8);
    return out;
}

std::optional<HlcTimestamp> HlcTimestamp::parse(std::string_view text) {
    if (text.size() != 21 || text[12] != '-') {
        return std::nullopt;
    }
    const auto wall = parseHex(text.substr(0, 12));
    const auto logical = parseHex(text.substr(13));
    if (!wall || !logical) {
        return std::nullopt;
    }
    return HlcTimestamp{static_cast<std::int64_t>(*wall), static_cast<std::uint32_t>(*logical)};
}

std::int64_t HybridLogicalClock::systemClock() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

HybridLogicalClock::HybridLogicalClock(PhysicalClock physical, std::int64_t maxAheadMs)
    : physical_(std::move(physical))
    , maxAheadMs_(maxAheadMs) {}

HlcTimestamp HybridLogicalClock::advance(HlcTimestamp candidate) {
    last_ = candidate;
    return candidate;
}

HlcTimestamp HybridLogicalClock::now() {
    const std::int64_t pt = std::clamp<std::int64_t>(physical_(), 0, kMaxWallMs);
    const std::lock_guard lock(mutex_);
    if (pt > last_.wallMs) {
        return advance({pt, 0});
    }
    return advance(successor(last_));
}

HybridLogicalClock::Received HybridLogicalClock::update(const HlcTimestamp& remote) {
    const std::int64_t pt = std::clamp<std::int64_t>(physical_(), 0, kMaxWallMs);
    Received result;
    HlcTimestamp m = remote;
    if (m.wallMs > pt + maxAheadMs_) {
        m = {pt + maxAheadMs_, 0};
        result.clamped = true;
    }
    const std::lock_guard lock(mutex_);
    const std::int64_t l = std::max({last_.wallMs, m.wallMs, pt});
    HlcTimestamp next{l, 0};
    if (l == last_.wallMs && l == m.wallMs) {
        next = successor({l, std::max(last_.logical, m.logical)});
    } else if (l == last_.wallMs) {
        next = successor(last_);
    } else if (l == m.wallMs) {
        next = successor(m);
    }
    result.timestamp = advance(next);
    return result;
}

HlcTimestamp HybridLogicalClock::last() const {
    const std::lock_guard lock(mutex_);
    return last_;
}

void HybridLogicalClock::restore(const HlcTimestamp& persisted) {
    const std::lock_guard lock(mutex_);
    last_ = std::max(last_, persisted);
}

}  // namespace kep::domain
