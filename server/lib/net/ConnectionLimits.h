// Caps on open connections, globally and per remote address, so that one busy or hostile host
// cannot take every socket the server has. A connection over a cap is closed at once.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kep::server::net {

class ConnectionLimits {
public:
    ConnectionLimits(std::size_t maxTotal, std::size_t maxPerAddress)
        : maxTotal_(maxTotal)
        , maxPerAddress_(maxPerAddress) {}

    // Holds one connection's place for as long as it lives; empty when the caps refused it.
    class Slot {
    public:
        Slot() = default;
        Slot(Slot&& other) noexcept : owner_(other.owner_), address_(std::move(other.address_)) {
            other.owner_ = nullptr;
        }
        Slot& operator=(Slot&& other) noexcept;
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot() { release(); }
        explicit operator bool() const noexcept { return owner_ != nullptr; }
        void release() noexcept;

    private:
        friend class ConnectionLimits;
        Slot(ConnectionLimits* owner, std::string address)
            : owner_(owner)
            , address_(std::move(address)) {}
        ConnectionLimits* owner_ = nullptr;
        std::string address_;
    };

    // Thread-safe. The ConnectionLimits must outlive every Slot it hands out.
    Slot tryAcquire(const std::string& remoteAddress);
    std::size_t total() const;
    std::size_t countFor(const std::string& remoteAddress) const;

private:
    void release(const std::string& remoteAddress) noexcept;

    const std::size_t maxTotal_;
    const std::size_t maxPerAddress_;
    mutable std::mutex mutex_;
    std::size_t total_ = 0;
    std::unordered_map<std::string, std::size_t> perAddress_;
};

}  // namespace kep::server::net
