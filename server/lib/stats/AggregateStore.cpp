#include "stats/AggregateStore.h"

#include <algorithm>
#include <array>

namespace kep::server::stats {

namespace {

// Each table's statements, written out: parameters ?1.. are the key parts, then the values.
// An upsert cannot carry a decrease (SQLite checks CHECK (cases >= 0) on the row it would
// insert), so a decrease is an update, and a row whose cases reach 0 is removed. The upserts
// name the table on the row's side of `cases + excluded.cases`: PostgreSQL calls a bare column
// ambiguous there.
struct TableSql {
    Aggregate table;
    int keys;
    int values;
    const char* upsert;
    const char* update;
    const char* prune;
};

constexpr std::array kTables{
    TableSql{Aggregate::FiledDay, 3, 7,
             "INSERT INTO stats_filed_day (scope, procedure_id, day, cases, returned, rejected, "
             "counter, remote, govgr, eugo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
             "ON CONFLICT (scope, procedure_id, day) DO UPDATE SET "
             "cases = stats_filed_day.cases + excluded.cases, "
             "returned = stats_filed_day.returned + excluded.returned, "
             "rejected = stats_filed_day.rejected + excluded.rejected, "
             "counter = stats_filed_day.counter + excluded.counter, "
             "remote = stats_filed_day.remote + excluded.remote, "
             "govgr = stats_filed_day.govgr + excluded.govgr, "
             "eugo = stats_filed_day.eugo + excluded.eugo",
             "UPDATE stats_filed_day SET cases = cases + ?4, returned = returned + ?5, "
             "rejected = rejected + ?6, counter = counter + ?7, remote = remote + ?8, "
             "govgr = govgr + ?9, eugo = eugo + ?10 WHERE scope = ?1 AND procedure_id = ?2 AND "
             "day = ?3",
             "DELETE FROM stats_filed_day WHERE scope = ?1 AND procedure_id = ?2 AND day = ?3 "
             "AND cases <= 0"},
    TableSql{Aggregate::FiledHour, 3, 1,
             "INSERT INTO stats_filed_hour (scope, day, hour, cases) VALUES (?1, ?2, "
             "CAST(?3 AS INTEGER), ?4) ON CONFLICT (scope, day, hour) DO UPDATE SET "
             "cases = stats_filed_hour.cases + excluded.cases",
             "UPDATE stats_filed_hour SET cases = cases + ?4 WHERE scope = ?1 AND day = ?2 AND "
             "hour = CAST(?3 AS INTEGER)",
             "DELETE FROM stats_filed_hour WHERE scope = ?1 AND day = ?2 AND "
             "hour = CAST(?3 AS INTEGER) AND cases <= 0"},
    TableSql{Aggregate::Status, 3, 1,
             "INSERT INTO stats_status (scope, procedure_id, status, cases) VALUES (?1, ?2, ?3, "
             "?4) ON CONFLICT (scope, procedure_id, status) DO UPDATE SET "
             "cases = stats_status.cases + excluded.cases",
             "UPDATE stats_status SET cases = cases + ?4 WHERE scope = ?1 AND procedure_id = ?2 "
             "AND status = ?3",
             "DELETE FROM stats_status WHERE scope = ?1 AND procedure_id = ?2 AND status = ?3 "
             "AND cases <= 0"},
    TableSql{Aggregate::OpenDue, 2, 1,
             "INSERT INTO stats_open_due (scope, due_date, cases) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (scope, due_date) DO UPDATE SET "
             "cases = stats_open_due.cases + excluded.cases",
             "UPDATE stats_open_due SET cases = cases + ?3 WHERE scope = ?1 AND due_date = ?2",
             "DELETE FROM stats_open_due WHERE scope = ?1 AND due_date = ?2 AND cases <= 0"},
    TableSql{Aggregate::Duration, 4, 3,
             "INSERT INTO stats_duration (scope, procedure_id, month, bucket, cases, "
             "with_deadline, on_time) VALUES (?1, ?2, ?3, CAST(?4 AS INTEGER), ?5, ?6, ?7) "
             "ON CONFLICT (scope, procedure_id, month, bucket) DO UPDATE SET "
             "cases = stats_duration.cases + excluded.cases, "
             "with_deadline = stats_duration.with_deadline + excluded.with_deadline, "
             "on_time = stats_duration.on_time + excluded.on_time",
             "UPDATE stats_duration SET cases = cases + ?5, with_deadline = with_deadline + ?6, "
             "on_time = on_time + ?7 WHERE scope = ?1 AND procedure_id = ?2 AND month = ?3 AND "
             "bucket = CAST(?4 AS INTEGER)",
             "DELETE FROM stats_duration WHERE scope = ?1 AND procedure_id = ?2 AND month = ?3 "
             "AND bucket = CAST(?4 AS INTEGER) AND cases <= 0"},
    TableSql{Aggregate::ClerkFiled, 3, 1,
             "INSERT INTO stats_clerk_filed (office_code, user_id, month, cases) VALUES (?1, ?2, "
             "?3, ?4) ON CONFLICT (office_code, user_id, month) DO UPDATE SET "
             "cases = stats_clerk_filed.cases + excluded.cases",
             "UPDATE stats_clerk_filed SET cases = cases + ?4 WHERE office_code = ?1 AND "
             "user_id = ?2 AND month = ?3",
             "DELETE FROM stats_clerk_filed WHERE office_code = ?1 AND user_id = ?2 AND "
             "month = ?3 AND cases <= 0"},
    TableSql{Aggregate::ClerkOpen, 2, 1,
             "INSERT INTO stats_clerk_open (office_code, user_id, cases) VALUES (?1, ?2, ?3) "
             "ON CONFLICT (office_code, user_id) DO UPDATE SET "
             "cases = stats_clerk_open.cases + excluded.cases",
             "UPDATE stats_clerk_open SET cases = cases + ?3 WHERE office_code = ?1 AND "
             "user_id = ?2",
             "DELETE FROM stats_clerk_open WHERE office_code = ?1 AND user_id = ?2 AND "
             "cases <= 0"},
};

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kTables.size(); ++i) {
        if (kTables[i].table != static_cast<Aggregate>(i)) {
            return false;
        }
    }
    return true;
}
static_assert(inEnumOrder(), "kTables is indexed by Aggregate");

const TableSql& sqlOf(Aggregate table) {
    return kTables[static_cast<std::size_t>(table)];
}

std::optional<std::int64_t> optionalMs(const kep::db::Statement& row, int column) {
    return row.optionalInt64(column);
}

}  // namespace

AggregateStore::AggregateStore(kep::db::Database& db)
    : db_(db)
    , selectCase_(db.prepare(
          "SELECT office_code, procedure_id, channel, filed_by, status, due_date, filed_at_ms, "
          "awaiting_since_ms, awaiting_ms, stopped_days, completed_at_ms, returned, region "
          "FROM stats_case WHERE case_id = ?1"))
    , upsertCase_(db.prepare(
          "INSERT INTO stats_case (case_id, office_code, procedure_id, channel, filed_by, status, "
          "due_date, filed_at_ms, awaiting_since_ms, awaiting_ms, stopped_days, completed_at_ms, "
          "returned, region) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
          "ON CONFLICT (case_id) DO UPDATE SET office_code = excluded.office_code, "
          "region = excluded.region, "
          "procedure_id = excluded.procedure_id, channel = excluded.channel, "
          "filed_by = excluded.filed_by, status = excluded.status, due_date = excluded.due_date, "
          "filed_at_ms = excluded.filed_at_ms, awaiting_since_ms = excluded.awaiting_since_ms, "
          "awaiting_ms = excluded.awaiting_ms, stopped_days = excluded.stopped_days, "
          "completed_at_ms = excluded.completed_at_ms, returned = excluded.returned")) {
    tables_.reserve(kTables.size());
    for (std::size_t i = 0; i < kTables.size(); ++i) {
        tables_.push_back({db.prepare(kTables[i].upsert), db.prepare(kTables[i].update),
                           db.prepare(kTables[i].prune)});
    }
}

std::optional<CaseFacts> AggregateStore::loadCase(std::string_view caseId) {
    selectCase_.reset();
    selectCase_.bind(1, caseId);
    if (!selectCase_.step()) {
        selectCase_.reset();
        return std::nullopt;
    }
    CaseFacts facts;
    facts.caseId = std::string{caseId};
    facts.officeCode = selectCase_.text(0);
    facts.procedureId = selectCase_.text(1);
    facts.channel = selectCase_.text(2);
    facts.filedBy = selectCase_.text(3);
    facts.status = kep::cases::caseStatusFromString(selectCase_.text(4))
                       .value_or(kep::cases::CaseStatus::Draft);
    facts.dueDate = selectCase_.optionalText(5).value_or("");
    facts.filedAtMs = optionalMs(selectCase_, 6);
    facts.awaitingSinceMs = optionalMs(selectCase_, 7);
    facts.awaitingMs = selectCase_.int64(8);
    facts.stoppedDays = static_cast<int>(selectCase_.int64(9));
    facts.completedAtMs = optionalMs(selectCase_, 10);
    facts.returned = selectCase_.int64(11) != 0;
    facts.region = selectCase_.text(12);
    selectCase_.reset();
    return facts;
}

void AggregateStore::saveCase(const CaseFacts& facts) {
    upsertCase_.bind(1, facts.caseId)
        .bind(2, facts.officeCode)
        .bind(3, facts.procedureId)
        .bind(4, facts.channel)
        .bind(5, facts.filedBy)
        .bind(6, kep::cases::toString(facts.status))
        .bind(7, facts.dueDate.empty() ? std::nullopt : std::optional{facts.dueDate})
        .bind(8, facts.filedAtMs)
        .bind(9, facts.awaitingSinceMs)
        .bind(10, facts.awaitingMs)
        .bind(11, facts.stoppedDays)
        .bind(12, facts.completedAtMs)
        .bind(13, facts.returned ? 1 : 0)
        .bind(14, facts.region);
    upsertCase_.run();
}

AggregateStore::TableStatements& AggregateStore::statements(Aggregate table) {
    return tables_[static_cast<std::size_t>(table)];
}

void AggregateStore::bindRow(kep::db::Statement& statement, const AggregateKey& key,
                             const AggregateCounts& counts, int keyCount, int valueCount) {
    for (int i = 0; i < keyCount; ++i) {
        statement.bind(i + 1, key.parts[static_cast<std::size_t>(i)]);
    }
    for (int i = 0; i < valueCount; ++i) {
        statement.bind(keyCount + i + 1, counts.values[static_cast<std::size_t>(i)]);
    }
}

void AggregateStore::add(const AggregateKey& key, const AggregateCounts& counts) {
    const TableSql& sql = sqlOf(key.table);
    auto& upsert = statements(key.table).upsert;
    bindRow(upsert, key, counts, sql.keys, sql.values);
    upsert.run();
}

void AggregateStore::apply(const std::map<AggregateKey, AggregateCounts>& change) {
    for (const auto& [key, counts] : change) {
        const bool decreases =
            std::any_of(counts.values.begin(), counts.values.end(), [](auto v) { return v < 0; });
        if (!decreases) {
            add(key, counts);
            continue;
        }
        const TableSql& sql = sqlOf(key.table);
        auto& table = statements(key.table);
        bindRow(table.update, key, counts, sql.keys, sql.values);
        table.update.run();
        bindRow(table.prune, key, {}, sql.keys, 0);
        table.prune.run();
    }
}

}  // namespace kep::server::stats
