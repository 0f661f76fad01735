// Every open connection of the server, so that shutdown can ask each one to finish and then wait
// for them to go, instead of stopping the I/O threads under their feet (rippled's io_list).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace kep::server::net {

// A connection as the registry sees it.
class Connection {
public:
    virtual ~Connection() = default;
    // Asks the connection to finish: an idle one closes, one with a request in flight answers
    // it and then closes, a WebSocket closes with 1001 (going away). Thread-safe, returns at once.
    virtual void shutdown() = 0;
};

class ConnectionRegistry {
public:
    // Registers a connection; returns 0 (and registers nothing) once shutdown has begun, so the
    // caller closes the connection instead.
    std::uint64_t add(std::weak_ptr<Connection> connection);
    void remove(std::uint64_t id);

    // Stops registration and asks every registered connection to shut down.
    void shutdownAll();
    // True when every connection had gone before the deadline.
    bool waitUntilEmpty(std::chrono::steady_clock::time_point deadline);
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable emptied_;
    std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
    std::uint64_t nextId_ = 1;
    bool closed_ = false;
};

}  // namespace kep::server::net
