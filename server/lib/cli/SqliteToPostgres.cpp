#include "cli/SqliteToPostgres.h"

#include "storage/pg/CopyText.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace kep::server::cli {

namespace {

namespace pg = kep::server::pg;

// Table and column names come from the two schemas, never from a user; quoting them still keeps
// any name from being read as SQL.
std::string quoted(std::string_view identifier) {
    std::string out = "\"";
    for (const char c : identifier) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

bool isSingletonCounter(std::string_view table) {
    return table.ends_with("_sequence") || table.ends_with("_counter");
}

// How a value is read from SQLite for its PostgreSQL column.
enum class ValueKind { Text, Real, Boolean, Bytes };

struct TargetColumn {
    std::string name;
    ValueKind kind = ValueKind::Text;
};

ValueKind kindOf(std::string_view dataType) {
    if (dataType == "bytea") {
        return ValueKind::Bytes;
    }
    if (dataType == "double precision" || dataType == "real" || dataType == "numeric") {
        return ValueKind::Real;
    }
    if (dataType == "boolean") {
        return ValueKind::Boolean;
    }
    // Integers too: SQLite writes an integer as its exact decimal text.
    return ValueKind::Text;
}

using TargetSchema = std::map<std::string, std::vector<TargetColumn>, std::less<>>;

TargetSchema targetSchema(pg::Connection& target) {
    const auto rows = target.query(
        "SELECT table_name::text, column_name::text, data_type::text "
        "FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_generated = 'NEVER' "
        "ORDER BY table_name, ordinal_position");
    TargetSchema schema;
    for (int row = 0; row < rows.rows(); ++row) {
        schema[rows.text(row, 0)].push_back({rows.text(row, 1), kindOf(rows.text(row, 2))});
    }
    return schema;
}

std::vector<std::string> sourceTables(kep::db::Database& source) {
    auto select = source.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    std::vector<std::string> tables;
    while (select.step()) {
        tables.push_back(select.text(0));
    }
    return tables;
}

std::vector<std::string> sourceColumns(kep::db::Database& source, const std::string& table) {
    auto select = source.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    select.bind(1, table);
    std::vector<std::string> columns;
    while (select.step()) {
        columns.push_back(select.text(0));
    }
    return columns;
}

// Parents before children, by the target's foreign keys (a table referring to itself is
// checked at the end of its own COPY). Tables in a cycle keep their name order.
std::vector<std::string> parentsFirst(pg::Connection& target, std::vector<std::string> tables) {
    const auto keys = target.query(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace");
    std::map<std::string, std::set<std::string>> parentsOf;
    for (int row = 0; row < keys.rows(); ++row) {
        if (keys.text(row, 0) != keys.text(row, 1)) {
            parentsOf[keys.text(row, 0)].insert(keys.text(row, 1));
        }
    }
    const std::set<std::string> copied(tables.begin(), tables.end());
    std::vector<std::string> ordered;
    std::set<std::string> placed;
    while (!tables.empty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const std::string& t) {
            return std::all_of(parentsOf[t].begin(), parentsOf[t].end(), [&](const auto& parent) {
                return placed.contains(parent) || !copied.contains(parent);
            });
        });
        const auto next = ready != tables.end() ? ready : tables.begin();
        placed.insert(*next);
        ordered.push_back(std::move(*next));
        tables.erase(next);
    }
    return ordered;
}

// The columns to copy, in the source's order, each with how to read it; MigrationRefused for a
// table or column the target lacks.
std::vector<TargetColumn> columnsToCopy(kep::db::Database& source, const TargetSchema& schema,
                                        const std::string& table) {
    const auto found = schema.find(table);
    if (found == schema.end()) {
        throw MigrationRefused("the PostgreSQL schema has no table " + table +
                               " (is the target's schema older than this kep-server?)");
    }
    std::vector<TargetColumn> columns;
    for (const auto& name : sourceColumns(source, table)) {
        const auto column = std::find_if(found->second.begin(), found->second.end(),
                                         [&name](const TargetColumn& c) { return c.name == name; });
        if (column == found->second.end()) {
            throw MigrationRefused("the PostgreSQL table " + table + " has no column " + name);
        }
        columns.push_back(*column);
    }
    return columns;
}

void appendValue(pg::CopyText& rows, const kep::db::Statement& select, int column, ValueKind kind) {
    if (select.isNull(column)) {
        rows.null();
        return;
    }
    switch (kind) {
        case ValueKind::Bytes: {
            const auto bytes = select.blob(column);
            rows.bytes(bytes.data(), bytes.size());
            return;
        }
        case ValueKind::Real: {
            // Shortest text that reads back as the same double.
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, select.real(column)).ptr;
            rows.text(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
            return;
        }
        case ValueKind::Boolean:
            rows.text(select.int64(column) != 0 ? "t" : "f");
            return;
        case ValueKind::Text:
            rows.text(select.text(column));
            return;
    }
}

// Rows go to PostgreSQL in COPY batches of about this size, so memory stays bounded.
constexpr std::size_t kBatchBytes = 4 << 20;

void copyTable(kep::db::Database& source, pg::Connection& target, const std::string& table,
               const std::vector<TargetColumn>& columns) {
    if (columns.empty()) {
        return;
    }
    std::string names;
    for (const auto& column : columns) {
        names += (names.empty() ? "" : ", ") + quoted(column.name);
    }
    if (isSingletonCounter(table)) {
        target.exec("DELETE FROM " + quoted(table));
    }
    const auto copy = "COPY " + quoted(table) + " (" + names + ") FROM STDIN";
    auto select = source.prepare("SELECT " + names + " FROM " + quoted(table));
    pg::CopyText rows(kBatchBytes + (1 << 16));
    while (select.step()) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            appendValue(rows, select, static_cast<int>(i), columns[i].kind);
        }
        rows.endRow();
        if (rows.data().size() >= kBatchBytes) {
            target.copyIn(copy, rows.data());
            rows = pg::CopyText(kBatchBytes + (1 << 16));
        }
    }
    if (!rows.empty()) {
        target.copyIn(copy, rows.data());
    }
}

// Identity (and serial) columns: the next value the sequence gives must be past every copied id.
void moveSequencesPastCopiedIds(pg::Connection& target) {
    const auto sequences = target.query(
        "SELECT table_name::text, column_name::text, "
        "pg_get_serial_sequence(quote_ident(table_name), column_name)::text "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL");
    for (int row = 0; row < sequences.rows(); ++row) {
        target.query("SELECT setval($1::regclass, COALESCE((SELECT max(" +
                         quoted(sequences.text(row, 1)) + ") FROM " +
                         quoted(sequences.text(row, 0)) + "), 0) + 1, false)",
                     pg::Params().add(sequences.text(row, 2)));
    }
}

std::int64_t countRows(kep::db::Database& source, const std::string& table) {
    auto count = source.prepare("SELECT count(*) FROM " + quoted(table));
    count.step();
    return count.int64(0);
}

std::int64_t countRows(pg::Connection& target, const std::string& table) {
    return target.query("SELECT count(*) FROM " + quoted(table)).int64(0, 0);
}

}  // namespace

void requireNoData(pg::Connection& target) {
    const auto tables = target.query(
        "SELECT table_name::text FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
        "AND table_name NOT IN ('schema_version', 'kep_schema_version') ORDER BY table_name");
    for (int row = 0; row < tables.rows(); ++row) {
        const auto table = tables.text(row, 0);
        const auto rows = countRows(target, table);
        if (rows > (isSingletonCounter(table) ? 1 : 0)) {
            throw MigrationRefused("the target database is not empty (table " + table + " holds " +
                                   std::to_string(rows) +
                                   " rows): migrate into a new, empty database");
        }
    }
}

std::vector<TableCount> copySqliteToPostgres(kep::db::Database& source, pg::Connection& target) {
    kep::db::Transaction snapshot(source, kep::db::Transaction::Kind::Deferred);
    const auto schema = targetSchema(target);
    const auto tables = parentsFirst(target, sourceTables(source));
    std::vector<std::vector<TargetColumn>> columns;
    for (const auto& table : tables) {
        columns.push_back(columnsToCopy(source, schema, table));
    }
    {
        pg::Transaction copy(target);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            copyTable(source, target, tables[i], columns[i]);
        }
        moveSequencesPastCopiedIds(target);
        copy.commit();
    }
    std::vector<TableCount> counts;
    for (const auto& table : tables) {
        counts.push_back({table, countRows(source, table), countRows(target, table)});
    }
    std::sort(counts.begin(), counts.end(),
              [](const TableCount& a, const TableCount& b) { return a.table < b.table; });
    return counts;
}

}  // namespace kep::server::cli
