#include "net/ConnectionLimits.h"

namespace kep::server::net {

ConnectionLimits::Slot& ConnectionLimits::Slot::operator=(Slot&& other) noexcept {
    if (this != &other) {
        release();
        owner_ = other.owner_;
        address_ = std::move(other.address_);
        other.owner_ = nullptr;
    }
    return *this;
}

void ConnectionLimits::Slot::release() noexcept {
    if (owner_) {
        owner_->release(address_);
        owner_ = nullptr;
    }
}

ConnectionLimits::Slot ConnectionLimits::tryAcquire(const std::string& remoteAddress) {
    std::lock_guard lock(mutex_);
    auto& count = perAddress_[remoteAddress];
    if (total_ >= maxTotal_ || count >= maxPerAddress_) {
        if (count == 0) {
            perAddress_.erase(remoteAddress);
        }
        return {};
    }
    ++count;
    ++total_;
    return Slot(this, remoteAddress);
}

void ConnectionLimits::release(const std::string& remoteAddress) noexcept {
    std::lock_guard lock(mutex_);
    const auto it = perAddress_.find(remoteAddress);
    if (it == perAddress_.end()) {
        return;
    }
    --total_;
    if (--it->second == 0) {
        perAddress_.erase(it);
    }
}

std::size_t ConnectionLimits::total() const {
    std::lock_guard lock(mutex_);
    return total_;
}

std::size_t ConnectionLimits::countFor(const std::string& remoteAddress) const {
    std::lock_guard lock(mutex_);
    const auto it = perAddress_.find(remoteAddress);
    return it == perAddress_.end() ? 0 : it->second;
}

}  // namespace kep::server::net
