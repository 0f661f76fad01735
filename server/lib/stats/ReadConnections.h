// A few read-only connections to kep.db for the statistics routes, lent one per request, so that
// dashboard queries run beside each other and never take the store's or the sync store's lock.
#pragma once

#include "db/Database.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kep::server::stats {

// Thread-safe. A lease returns its connection when it goes out of scope.
class ReadConnections {
public:
    ReadConnections(const std::string& databasePath, int count);
    // Lends only `db`, which the caller owns (tests, the bench).
    explicit ReadConnections(kep::db::Database& db);

    class Lease {
    public:
        Lease(ReadConnections& pool, kep::db::Database& db) : pool_(&pool), db_(&db) {}
        Lease(Lease&& other) noexcept
            : pool_(std::exchange(other.pool_, nullptr))
            , db_(other.db_) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        kep::db::Database& db() const { return *db_; }

    private:
        ReadConnections* pool_;
        kep::db::Database* db_;
    };

    // Waits for a free connection.
    Lease acquire();

private:
    void giveBack(kep::db::Database& db);

    std::vector<std::unique_ptr<kep::db::Database>> owned_;
    std::vector<kep::db::Database*> free_;
    std::mutex mutex_;
    std::condition_variable returned_;
};

}  // namespace kep::server::stats
