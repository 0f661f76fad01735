#include "storage/PortableSql.h"

#include <cctype>
#include <stdexcept>

namespace kep::server::storage {

namespace {

using kep::db::Dialect;

// "$.f.citizen[0]" → "{f,citizen,0}", PostgreSQL's text[] path for #>>. Only plain member names
// and indices: the paths are the stores' own constants, never input.
std::string postgresPath(std::string_view path) {
    if (path.empty() || path.front() != '$') {
        throw std::invalid_argument("JSON path must start with $: " + std::string(path));
    }
    std::string out = "{";
    bool first = true;
    std::size_t i = 1;
    while (i < path.size()) {
        const char opener = path[i];
        if (opener != '.' && opener != '[') {
            throw std::invalid_argument("unsupported JSON path: " + std::string(path));
        }
        const auto end = opener == '.' ? path.find_first_of(".[", i + 1) : path.find(']', i + 1);
        const auto stop = end == std::string_view::npos ? path.size() : end;
        const auto step = path.substr(i + 1, stop - i - 1);
        for (const char c : step) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
                throw std::invalid_argument("unsupported JSON path: " + std::string(path));
            }
        }
        out += first ? "" : ",";
        out += step;
        first = false;
        i = opener == '.' ? stop : stop + 1;
    }
    return out + "}";
}

}  // namespace

std::string jsonArrayValues(Dialect dialect, int parameter) {
    const auto boundArray = "?" + std::to_string(parameter);
    if (dialect == Dialect::Postgres) {
        return "SELECT value FROM json_array_elements_text(CAST(" + boundArray + " AS json))";
    }
    return "SELECT value FROM json_each(" + boundArray + ")";
}

std::string jsonValue(Dialect dialect, std::string_view json, std::string_view path) {
    if (dialect == Dialect::Postgres) {
        return "(CAST(" + std::string(json) + " AS jsonb) #>> '" + postgresPath(path) + "')";
    }
    return "json_extract(" + std::string(json) + ", '" + std::string(path) + "')";
}

std::string greaterOf(Dialect dialect, std::string_view first, std::string_view second) {
    const auto function = dialect == Dialect::Postgres ? "greatest(" : "max(";
    return function + std::string(first) + ", " + std::string(second) + ")";
}

bool hasTable(kep::db::Database& db, std::string_view name) {
    auto select =
        db.prepare(db.dialect() == Dialect::Postgres
                       ? "SELECT 1 WHERE to_regclass(CAST(?1 AS TEXT)) IS NOT NULL"
                       : "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    select.bind(1, name);
    return select.step();
}

}  // namespace kep::server::storage
