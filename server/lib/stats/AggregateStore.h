// The stats tables of migration 0015 as the aggregate job writes them: a case's facts by id, and
// the counts a contribution change moves — over the caller's connection and transaction.
#pragma once

#include "db/Database.h"
#include "stats/CaseContribution.h"
#include "stats/CaseFacts.h"

#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace kep::server::stats {

// Not thread-safe: one per connection. Statements are prepared once and reused.
class AggregateStore {
public:
    explicit AggregateStore(kep::db::Database& db);

    std::optional<CaseFacts> loadCase(std::string_view caseId);
    void saveCase(const CaseFacts& facts);
    // Adds each row's counts (an upsert for growth, an update for a decrease) and removes the
    // rows whose cases come to 0.
    void apply(const std::map<AggregateKey, AggregateCounts>& change);
    // Adds counts to rows as apply() does, for counts that only grow (the bench's bulk fill).
    void add(const AggregateKey& key, const AggregateCounts& counts);

private:
    struct TableStatements {
        kep::db::Statement upsert;
        kep::db::Statement update;
        kep::db::Statement prune;
    };
    TableStatements& statements(Aggregate table);
    static void bindRow(kep::db::Statement& statement, const AggregateKey& key,
                        const AggregateCounts& counts, int keyCount, int valueCount);

    kep::db::Database& db_;
    kep::db::Statement selectCase_;
    kep::db::Statement upsertCase_;
    std::vector<TableStatements> tables_;  // by Aggregate
};

}  // namespace kep::server::stats
