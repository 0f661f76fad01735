#include "shared/domain/Uuid.h"

#include <openssl/rand.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace kep::domain {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::int64_t kMaxUnixMs = (std::int64_t{1} << 48) - 1;
constexpr std::uint32_t kCounterMax = 0xFFF;

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isHyphenPosition(std::size_t i) {
    return i == 8 || i == 13 || i == 18 || i == 23;
}

}  // namespace

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36) {
        return std::nullopt;
    }
    Bytes bytes{};
    std::size_t byte = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (isHyphenPosition(i)) {
            if (text[i] != '-') {
                return std::nullopt;
            }
            ++i;
            continue;
        }
        const int high = hexValue(text[i]);
        const int low = hexValue(text[i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        bytes[byte++] = static_cast<std::uint8_t>(high * 16 + low);
        i += 2;
    }
    return Uuid(bytes);
}

std::string Uuid::toString() const {
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.push_back('-');
        }
        out.push_back(kHex[bytes_[i] >> 4U]);
        out.push_back(kHex[bytes_[i] & 0x0FU]);
    }
    return out;
}

std::optional<std::chrono::sys_time<std::chrono::milliseconds>> Uuid::timestamp() const {
    if (version() != 7) {
        return std::nullopt;
    }
    std::int64_t ms = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        ms = (ms << 8) | bytes_[i];
    }
    return std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
}

std::chrono::sys_time<std::chrono::milliseconds> UuidV7Generator::systemClock() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

void UuidV7Generator::cryptoRandom(std::span<std::uint8_t> out) {
    if (out.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
        throw std::runtime_error("UUIDv7: the CSPRNG (RAND_bytes) failed");
    }
}

UuidV7Generator::UuidV7Generator(Clock clock, RandomFill random)
    : clock_(std::move(clock))
    , random_(std::move(random)) {}

void UuidV7Generator::fillRandom(std::span<std::uint8_t> out) {
    if (poolUsed_ + out.size() > pool_.size()) {
        random_(pool_);
        poolUsed_ = 0;
    }
    std::copy_n(pool_.begin() + static_cast<std::ptrdiff_t>(poolUsed_), out.size(), out.begin());
    // Bytes handed out are overwritten so they are never reused or left readable.
    std::fill_n(pool_.begin() + static_cast<std::ptrdiff_t>(poolUsed_), out.size(), 0);
    poolUsed_ += out.size();
}

Uuid UuidV7Generator::next() {
    std::array<std::uint8_t, 10> random{};
    const std::lock_guard lock(mutex_);
    fillRandom(random);
    const std::int64_t now =
        std::clamp<std::int64_t>(clock_().time_since_epoch().count(), 0, kMaxUnixMs);
    const auto reseedCounter = [&] { counter_ = ((random[0] << 8U) | random[1]) & 0x7FFU; };
    if (now > lastMs_) {
        lastMs_ = now;
        reseedCounter();
    } else if (counter_ < kCounterMax) {
        ++counter_;
    } else {
        // Counter exhausted in this millisecond: borrow the next one (bounded by 48 bits).
        lastMs_ = std::min(lastMs_ + 1, kMaxUnixMs);
        reseedCounter();
    }

    Uuid::Bytes b{};
    const auto ms = static_cast<std::uint64_t>(lastMs_);
    for (std::size_t i = 0; i < 6; ++i) {
        b[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    }
    b[6] = static_cast<std::uint8_t>(0x70U | (counter_ >> 8U));
    b[7] = static_cast<std::uint8_t>(counter_ & 0xFFU);
    b[8] = static_cast<std::uint8_t>(0x80U | (random[2] & 0x3FU));
    std::copy(random.begin() + 3, random.end(), b.begin() + 9);
    return Uuid(b);
}

Uuid newUuidV7() {
    static UuidV7Generator generator;
    return generator.next();
}

}  // namespace kep::domain
