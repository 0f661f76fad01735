#include "storage/DatabaseLocation.h"

#include "storage/pg/PgDatabase.h"

#include <libpq-fe.h>

#include <cctype>
#include <memory>
#include <stdexcept>

namespace kep::server::storage {

namespace {

// RFC 3986's unreserved characters stay, everything else is %XX: a socket folder's '/' too.
std::string percentEncoded(std::string_view value) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kDigits[byte >> 4U];
            out += kDigits[byte & 0x0fU];
        }
    }
    return out;
}

}  // namespace

bool isPostgresLocation(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string postgresLocation(const std::string& dsn) {
    if (isPostgresLocation(dsn)) {
        return dsn;
    }
    char* error = nullptr;
    const std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(dsn.c_str(), &error), &PQconninfoFree);
    if (!options) {
        const std::string reason = error != nullptr ? error : "cannot be read";
        PQfreemem(error);
        throw std::invalid_argument("malformed PostgreSQL connection string: " + reason);
    }
    std::string uri = "postgresql://";
    char separator = '?';
    for (auto* option = options.get(); option->keyword != nullptr; ++option) {
        if (option->val != nullptr) {
            uri += separator;
            uri += option->keyword;
            uri += '=';
            uri += percentEncoded(option->val);
            separator = '&';
        }
    }
    return uri;
}

kep::db::Database openConnection(const std::string& location, const kep::db::OpenOptions& options) {
    if (isPostgresLocation(location)) {
        return kep::server::pg::openDatabase(location, options);
    }
    return kep::db::Database::open(location, options);
}

}  // namespace kep::server::storage
