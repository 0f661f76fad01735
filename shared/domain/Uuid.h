// Record identifiers: UUIDv7 (RFC 9562), time-ordered so that SQLite inserts stay at the end of
// the B-tree, and strictly increasing within one process so that ops sort in creation order.
#pragma once

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kep::domain {

class Uuid {
public:
    using Bytes = std::array<std::uint8_t, 16>;

    constexpr Uuid() = default;  // the nil UUID
    explicit constexpr Uuid(const Bytes& bytes) : bytes_(bytes) {}

    // Accepts the 8-4-4-4-12 hexadecimal form in either case (RFC 9562 §4: input is
    // case-insensitive); anything else (braces, "urn:uuid:", missing or extra characters)
    // yields nullopt. Any version is accepted: check version() where it matters.
    static std::optional<Uuid> parse(std::string_view text);

    // Canonical lowercase 8-4-4-4-12 text.
    std::string toString() const;

    const Bytes& bytes() const { return bytes_; }
    int version() const { return bytes_[6] >> 4U; }
    // The RFC 9562 variant: the two top bits of octet 8 are 10.
    bool hasRfcVariant() const { return (bytes_[8] & 0xC0U) == 0x80U; }
    bool isNil() const { return *this == Uuid{}; }

    // For version 7 only: the 48-bit Unix time in milliseconds the ID was made at.
    std::optional<std::chrono::sys_time<std::chrono::milliseconds>> timestamp() const;

    // Byte order, which for version 7 is time order (and the order of the canonical text).
    friend constexpr auto operator<=>(const Uuid&, const Uuid&) = default;

private:
    Bytes bytes_{};
};

// Makes UUIDv7 values: unix_ts_ms (48 bits), version 7, rand_a (12 bits) used as a counter
// (RFC 9562 §6.2 method 1), variant 10, rand_b (62 random bits).
//
// Monotonicity: within one millisecond the counter increments; a new millisecond reseeds it
// with 11 random bits (top bit clear, leaving at least 2048 increments of headroom). When the
// counter overflows, or the clock steps backwards, the generator keeps using its last
// timestamp plus one millisecond rather than the clock, so every ID is strictly greater than
// the previous one from the same generator (RFC 9562 §6.2 allows this "timestamp ahead").
// Thread-safe: one generator may be shared by all threads of a process. A child made by
// fork() must not keep using a generator of its parent: the counter and pooled random bytes
// are copied, so both processes would issue the same IDs.
//
// Randomness: OpenSSL's RAND_bytes, a CSPRNG (CTR-DRBG seeded from the OS, reseeded on fork),
// fetched 256 bytes at a time (bench_domain: about 10 M IDs/s). Not std::random_device: the
// standard lets it be a deterministic engine, and each call yields 32 bits, often through a
// system call (getrandom or /dev/urandom), so ten bytes per ID would cost several calls.
class UuidV7Generator {
public:
    using Clock = std::function<std::chrono::sys_time<std::chrono::milliseconds>()>;
    using RandomFill = std::function<void(std::span<std::uint8_t>)>;

    static std::chrono::sys_time<std::chrono::milliseconds> systemClock();
    // Fills the span from OpenSSL's RAND_bytes; throws std::runtime_error if it fails.
    static void cryptoRandom(std::span<std::uint8_t> out);

    explicit UuidV7Generator(Clock clock = systemClock, RandomFill random = cryptoRandom);

    Uuid next();

private:
    void fillRandom(std::span<std::uint8_t> out);

    std::mutex mutex_;
    Clock clock_;
    RandomFill random_;
    std::int64_t lastMs_ = -1;
    std::uint32_t counter_ = 0;
    std::array<std::uint8_t, 256> pool_{};
    std::size_t poolUsed_ = 256;
};

// A new UUIDv7 from the process-wide generator: IDs from one process strictly increase.
Uuid newUuidV7();

}  // namespace kep::domain
