#include "storage/pg/PgSqlText.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <system_error>

#include "db/Database.h"

namespace kep::server::pg {

namespace {

constexpr int kMaxParameter = 32766;

bool isIdentifierChar(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) != 0 || c == '_' || byte >= 0x80;
}

bool isIdentifierStart(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalpha(byte) != 0 || c == '_' || byte >= 0x80;
}

// Where the quoted part, comment or dollar-quoted string that starts at `at` ends (one past
// it); `at` itself when nothing of the kind starts there. An unterminated one runs to the end,
// where the server reports it.
std::size_t skipQuotedOrComment(std::string_view sql, std::size_t at) {
    const char c = sql[at];
    const auto next = [&](std::size_t i) { return i + 1 < sql.size() ? sql[i + 1] : '\0'; };
    if (c == '\'' || c == '"') {
        // E'...' takes backslash escapes; everything else doubles the quote.
        const bool backslashes = c == '\'' && at > 0 &&
                                 (sql[at - 1] == 'E' || sql[at - 1] == 'e') &&
                                 (at == 1 || !isIdentifierChar(sql[at - 2]));
        std::size_t i = at + 1;
        while (i < sql.size()) {
            if (backslashes && sql[i] == '\\') {
                i += 2;
            } else if (sql[i] == c) {
                if (next(i) == c) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                ++i;
            }
        }
        return sql.size();
    }
    if (c == '-' && next(at) == '-') {
        const std::size_t end = sql.find('\n', at);
        return end == std::string_view::npos ? sql.size() : end + 1;
    }
    if (c == '/' && next(at) == '*') {
        // PostgreSQL nests block comments.
        int depth = 0;
        std::size_t i = at;
        while (i < sql.size()) {
            if (sql[i] == '/' && next(i) == '*') {
                ++depth;
                i += 2;
            } else if (sql[i] == '*' && next(i) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                ++i;
            }
        }
        return sql.size();
    }
    if (c == '$' && (next(at) == '$' || isIdentifierStart(next(at)))) {
        // $$...$$ or $tag$...$tag$; `$name` without a closing `$` is a parameter instead.
        std::size_t i = at + 1;
        while (i < sql.size() && sql[i] != '$' && isIdentifierChar(sql[i])) {
            ++i;
        }
        if (i < sql.size() && sql[i] == '$') {
            const std::string_view tag = sql.substr(at, i - at + 1);
            const std::size_t close = sql.find(tag, i + 1);
            return close == std::string_view::npos ? sql.size() : close + tag.size();
        }
    }
    return at;
}

}  // namespace

PgStatementText translateParameters(std::string_view sql) {
    PgStatementText out;
    out.sql.reserve(sql.size() + 8);
    std::size_t i = 0;
    const auto number = [&](int index) {
        out.parameterCount = std::max(out.parameterCount, index);
        out.sql += '$';
        out.sql += std::to_string(index);
    };
    while (i < sql.size()) {
        const std::size_t skipped = skipQuotedOrComment(sql, i);
        if (skipped != i) {
            out.sql.append(sql.substr(i, skipped - i));
            i = skipped;
            continue;
        }
        const char c = sql[i];
        const char following = i + 1 < sql.size() ? sql[i + 1] : '\0';
        if (c == ':' && following == ':') {  // a cast, never a parameter
            out.sql += "::";
            i += 2;
            continue;
        }
        // `?NNN`, and PostgreSQL's own `$N` in SQL written for it alone, keep their number.
        if (c == '?' || (c == '$' && std::isdigit(static_cast<unsigned char>(following)) != 0)) {
            std::size_t end = i + 1;
            while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end])) != 0) {
                ++end;
            }
            int index = out.parameterCount + 1;
            if (end != i + 1) {
                const auto [rest, error] =
                    std::from_chars(sql.data() + i + 1, sql.data() + end, index);
                // SQLite's own limit (SQLITE_MAX_VARIABLE_NUMBER).
                if (error != std::errc() || index < 1 || index > kMaxParameter) {
                    throw kep::db::Error(SQLITE_RANGE, "prepare: parameter " +
                                                           std::string(sql.substr(i, end - i)) +
                                                           " is not between ?1 and ?" +
                                                           std::to_string(kMaxParameter));
                }
            }
            number(index);
            i = end;
            continue;
        }
        if ((c == ':' || c == '@' || c == '$') && isIdentifierChar(following) &&
            (i == 0 || !isIdentifierChar(sql[i - 1]) || c != '$')) {
            std::size_t end = i + 1;
            while (end < sql.size() && isIdentifierChar(sql[end])) {
                ++end;
            }
            std::string name(sql.substr(i, end - i));
            const auto known = std::find_if(out.names.begin(), out.names.end(),
                                            [&](const auto& entry) { return entry.first == name; });
            if (known != out.names.end()) {
                number(known->second);
            } else {
                out.names.emplace_back(std::move(name), out.parameterCount + 1);
                number(out.parameterCount + 1);
            }
            i = end;
            continue;
        }
        out.sql += c;
        ++i;
    }
    return out;
}

std::vector<std::string_view> splitStatements(std::string_view sql) {
    std::vector<std::string_view> statements;
    std::size_t start = 0;
    bool hasCode = false;  // anything but blanks and comments since `start`
    std::size_t i = 0;
    const auto finish = [&](std::size_t end) {
        if (hasCode) {
            statements.push_back(sql.substr(start, end - start));
        }
        start = end + 1;
        hasCode = false;
    };
    while (i < sql.size()) {
        const std::size_t skipped = skipQuotedOrComment(sql, i);
        if (skipped != i) {
            const bool comment = sql[i] == '-' || sql[i] == '/';
            hasCode = hasCode || !comment;
            i = skipped;
            continue;
        }
        if (sql[i] == ';') {
            finish(i);
        } else if (std::isspace(static_cast<unsigned char>(sql[i])) == 0) {
            hasCode = true;
        }
        ++i;
    }
    finish(sql.size());
    return statements;
}

std::string leadingKeyword(std::string_view statement) {
    std::size_t i = 0;
    while (i < statement.size()) {
        const std::size_t skipped = skipQuotedOrComment(statement, i);
        if (skipped != i && (statement[i] == '-' || statement[i] == '/')) {
            i = skipped;
        } else if (std::isspace(static_cast<unsigned char>(statement[i])) != 0) {
            ++i;
        } else {
            break;
        }
    }
    std::string keyword;
    while (i < statement.size() && std::isalpha(static_cast<unsigned char>(statement[i])) != 0) {
        keyword += static_cast<char>(std::toupper(static_cast<unsigned char>(statement[i])));
        ++i;
    }
    return keyword;
}

}  // namespace kep::server::pg
