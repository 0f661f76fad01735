// The bounded name cache of kep::db's server-side prepared statements on PostgreSQL.
#include "storage/pg/PgPreparedStatements.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <utility>

namespace kep::server::pg {

namespace {

std::atomic<std::uint64_t> nextNumber{1};

}  // namespace

std::string PreparedStatements::keyOf(const std::string& sql, std::span<const unsigned> types) {
    std::string key = sql;
    if (std::any_of(types.begin(), types.end(), [](unsigned type) { return type != 0; })) {
        // SQL text holds no NUL (libpq sends it as a C string): the types cannot be mistaken
        // for SQL.
        key += '\0';
        for (const unsigned type : types) {
            key += std::to_string(type);
            key += ',';
        }
    }
    return key;
}

const std::string* PreparedStatements::find(const std::string& key) const {
    const auto found = names_.find(key);
    return found != names_.end() ? &found->second : nullptr;
}

std::string PreparedStatements::nextName() const {
    if (names_.size() >= limit_) {
        return {};
    }
    // A prefix of kep::db's own: names a libpq-level store prepares on the same connection
    // (pg::Connection::prepare) are its own words.
    return std::to_string(nextNumber.fetch_add(1, std::memory_order_relaxed)).insert(0, "kep_db_");
}

void PreparedStatements::remember(const std::string& key, std::string name) {
    names_.insert_or_assign(key, std::move(name));
}

std::vector<std::string> PreparedStatements::forgetAll() {
    std::vector<std::string> names;
    names.reserve(names_.size());
    for (auto& entry : names_) {
        names.push_back(std::move(entry.second));
    }
    names_.clear();
    return names;
}

bool isPlannedStatement(std::string_view keyword) {
    static constexpr std::array<std::string_view, 8> kPlanned = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES", "TABLE", "MERGE"};
    return std::find(kPlanned.begin(), kPlanned.end(), keyword) != kPlanned.end();
}

bool changesSchema(std::string_view keyword) {
    return keyword == "CREATE" || keyword == "ALTER" || keyword == "DROP";
}

}  // namespace kep::server::pg
