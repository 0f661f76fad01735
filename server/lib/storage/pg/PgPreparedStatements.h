// The names under which one connection has prepared kep::db's statements on the server, so that
// a statement run again is neither parsed nor planned again; bounded, so that dynamic SQL cannot
// fill the server's memory with statements never run twice.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kep::server::pg {

// Keys are SQL text after PgSqlText's translation together with the parameter types it was
// prepared with (a blob's bytea type is fixed at PREPARE, as PQexecParams fixes it per call).
// Names are never given twice in the process: a session can outlive the cache that prepared on it
// (pg::migrate() lends its connection to a kep::db driver of its own and takes it back), and a
// name left behind must not meet a new statement of the next cache on that session.
class PreparedStatements {
public:
    static constexpr std::size_t kDefaultLimit = 512;

    // The key of `sql` prepared with `types` (0: inferred by the server).
    static std::string keyOf(const std::string& sql, std::span<const unsigned> types);

    // The name `key` is prepared under; nullptr when it is not.
    const std::string* find(const std::string& key) const;
    // A fresh name, to be prepared before it is remembered; empty when the limit is reached.
    std::string nextName() const;
    void remember(const std::string& key, std::string name);
    // Forgets every statement (their session ended, or the schema changed under them) and
    // returns their names.
    std::vector<std::string> forgetAll();

    std::size_t size() const noexcept { return names_.size(); }
    std::size_t limit() const noexcept { return limit_; }
    void setLimit(std::size_t limit) noexcept { limit_ = limit; }

private:
    std::unordered_map<std::string, std::string> names_;
    std::size_t limit_ = kDefaultLimit;
};

// Whether a statement is worth preparing: those PostgreSQL plans (SELECT, INSERT, UPDATE,
// DELETE, WITH, VALUES, TABLE, MERGE). Others run unnamed, as before.
bool isPlannedStatement(std::string_view keyword);
// Whether a statement changes the schema (CREATE, ALTER, DROP), which may change what a
// prepared statement returns: "cached plan must not change result type" otherwise.
bool changesSchema(std::string_view keyword);

}  // namespace kep::server::pg
