// Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): the timestamp every
// outbox op carries, close to wall time yet consistent with causality across desks and server.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace kep::domain {

struct HlcTimestamp {
    std::int64_t wallMs = 0;    // milliseconds since the Unix epoch, 0 .. 2^48-1
    std::uint32_t logical = 0;  // orders events within one wallMs

    // Total order: by wallMs, then logical. Equal timestamps from two nodes are possible; the
    // sync protocol breaks such ties by the op's UUIDv7.
    friend constexpr auto operator<=>(const HlcTimestamp&, const HlcTimestamp&) = default;

    // Fixed-width lowercase hex "wwwwwwwwwwww-llllllll" (12 + 1 + 8 characters), so that the
    // byte order of the text is the time order (usable as a sortable SQLite TEXT column).
    std::string toString() const;
    // Strict inverse of toString(): exact length, lowercase hex, '-' at position 12.
    static std::optional<HlcTimestamp> parse(std::string_view text);
};

class HybridLogicalClock {
public:
    using PhysicalClock = std::function<std::int64_t()>;  // Unix milliseconds

    // DESIGN.md decision 2: a remote clock more than 60 s ahead is clamped, not trusted.
    static constexpr std::int64_t kMaxAheadMs = 60'000;

    static std::int64_t systemClock();

    explicit HybridLogicalClock(PhysicalClock physical = systemClock,
                                std::int64_t maxAheadMs = kMaxAheadMs);

    // Send / local event: l = max(l, pt); c = (l unchanged) ? c + 1 : 0.
    HlcTimestamp now();

    struct Received {
        HlcTimestamp timestamp;  // the clock's new value, to stamp the receive event with
        bool clamped = false;    // the remote wallMs was more than maxAheadMs ahead
    };
    // Receive rule: l' = max(l, l_m, pt); c' = max of the counters whose l equals l', plus one
    // (0 when pt alone is the maximum).
    //
    // Clamping: when remote.wallMs > pt + maxAheadMs (pt = this node's physical time), the
    // remote timestamp is replaced by {pt + maxAheadMs, 0} before the rule is applied, and
    // `clamped` is set so that the caller can record the skewed device. Consequences: (1) this
    // clock never runs more than maxAheadMs ahead of its own physical time because of a remote
    // clock; (2) the result is still strictly greater than every timestamp this clock issued
    // before; (3) the result may be less than the remote timestamp, so the remote's causally
    // earlier event may sort after the receive event — the price of not trusting it.
    Received update(const HlcTimestamp& remote);

    // The last timestamp issued (for persisting across restarts), and restoring it: a restored
    // clock never issues a timestamp at or below the persisted one.
    HlcTimestamp last() const;
    void restore(const HlcTimestamp& persisted);

private:
    HlcTimestamp advance(HlcTimestamp candidate);

    mutable std::mutex mutex_;
    PhysicalClock physical_;
    std::int64_t maxAheadMs_;
    HlcTimestamp last_{};
};

}  // namespace kep::domain
