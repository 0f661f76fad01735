#include "db/SqlExcerpt.h"

namespace kep::db {

std::string sqlExcerpt(std::string_view sql) {
    constexpr std::size_t kMax = 160;
    while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n' || sql.front() == '\t' ||
                            sql.front() == '\r')) {
        sql.remove_prefix(1);
    }
    std::string out(sql.substr(0, kMax));
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    if (sql.size() > kMax) {
        out += "...";
    }
    return out;
}

}  // namespace kep::db
