#include "net/ConnectionRegistry.h"

#include <vector>

namespace kep::server::net {

std::uint64_t ConnectionRegistry::add(std::weak_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    if (closed_) {
        return 0;
    }
    const auto id = nextId_++;
    connections_.emplace(id, std::move(connection));
    return id;
}

void ConnectionRegistry::remove(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    if (connections_.erase(id) > 0 && connections_.empty()) {
        emptied_.notify_all();
    }
}

void ConnectionRegistry::shutdownAll() {
    std::vector<std::shared_ptr<Connection>> alive;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        for (const auto& [id, weak] : connections_) {
            if (auto connection = weak.lock()) {
                alive.push_back(std::move(connection));
            }
        }
    }
    // Outside the lock: a connection that closes at once removes itself from the registry.
    for (const auto& connection : alive) {
        connection->shutdown();
    }
}

bool ConnectionRegistry::waitUntilEmpty(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return emptied_.wait_until(lock, deadline, [this] { return connections_.empty(); });
}

std::size_t ConnectionRegistry::size() const {
    std::lock_guard lock(mutex_);
    return connections_.size();
}

}  // namespace kep::server::net
