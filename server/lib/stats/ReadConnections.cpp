#include "stats/ReadConnections.h"

#include "storage/DatabaseLocation.h"

#include <algorithm>

namespace kep::server::stats {

ReadConnections::ReadConnections(const std::string& databasePath, int count) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadOnly;
    for (int i = 0; i < std::max(count, 1); ++i) {
        owned_.push_back(std::make_unique<kep::db::Database>(
            kep::server::storage::openConnection(databasePath, options)));
        free_.push_back(owned_.back().get());
    }
}

ReadConnections::ReadConnections(kep::db::Database& db) : free_{&db} {}

ReadConnections::Lease::~Lease() {
    if (pool_ != nullptr) {
        pool_->giveBack(*db_);
    }
}

ReadConnections::Lease ReadConnections::acquire() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !free_.empty(); });
    kep::db::Database* db = free_.back();
    free_.pop_back();
    return Lease(*this, *db);
}

void ReadConnections::giveBack(kep::db::Database& db) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(&db);
    }
    returned_.notify_one();
}

}  // namespace kep::server::stats
