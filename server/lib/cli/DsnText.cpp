#include "cli/DsnText.h"

#include <cctype>

namespace kep::server::cli {

namespace {

constexpr std::string_view kHidden = "***";

bool isUri(std::string_view dsn) {
    return dsn.starts_with("postgresql://") || dsn.starts_with("postgres://");
}

// postgresql://user:secret@host/db?password=secret: the secret after "user:" before '@', and
// any password= parameter of the query.
std::string uriWithoutPassword(std::string_view dsn) {
    std::string out(dsn);
    const auto authorityStart = out.find("://") + 3;
    const auto authorityEnd = out.find_first_of("/?", authorityStart);
    const auto at = out.rfind('@', authorityEnd == std::string::npos ? out.size() : authorityEnd);
    if (at != std::string::npos && at > authorityStart) {
        const auto colon = out.find(':', authorityStart);
        if (colon != std::string::npos && colon < at) {
            out.replace(colon + 1, at - colon - 1, kHidden);
        }
    }
    for (auto key =
             out.find("password=", out.find('?') == std::string::npos ? out.size() : out.find('?'));
         key != std::string::npos; key = out.find("password=", key + 1)) {
        const bool parameter = key > 0 && (out[key - 1] == '?' || out[key - 1] == '&');
        if (parameter) {
            const auto valueStart = key + 9;
            const auto valueEnd = out.find('&', valueStart);
            out.replace(valueStart,
                        (valueEnd == std::string::npos ? out.size() : valueEnd) - valueStart,
                        kHidden);
        }
    }
    return out;
}

// host=/tmp port=5432 password='it''s secret' dbname=kep: the value of the password key,
// quoted or not (libpq allows blanks around '=' and \' or \\ inside quotes).
std::string keywordsWithoutPassword(std::string_view dsn) {
    std::string out;
    std::size_t i = 0;
    while (i < dsn.size()) {
        if (std::isspace(static_cast<unsigned char>(dsn[i])) != 0) {
            out += dsn[i++];
            continue;
        }
        const auto keyStart = i;
        while (i < dsn.size() && dsn[i] != '=' &&
               std::isspace(static_cast<unsigned char>(dsn[i])) == 0) {
            ++i;
        }
        const auto key = dsn.substr(keyStart, i - keyStart);
        while (i < dsn.size() &&
               (dsn[i] == '=' || std::isspace(static_cast<unsigned char>(dsn[i])))) {
            ++i;
        }
        const auto valueStart = i;
        if (i < dsn.size() && dsn[i] == '\'') {
            for (++i; i < dsn.size() && dsn[i] != '\''; ++i) {
                if (dsn[i] == '\\') {
                    ++i;
                }
            }
            i = std::min(i + 1, dsn.size());
        } else {
            while (i < dsn.size() && std::isspace(static_cast<unsigned char>(dsn[i])) == 0) {
                ++i;
            }
        }
        out += key;
        out += '=';
        out += key == "password" ? kHidden : dsn.substr(valueStart, i - valueStart);
    }
    return out;
}

}  // namespace

std::string withoutPassword(std::string_view dsn) {
    return isUri(dsn) ? uriWithoutPassword(dsn) : keywordsWithoutPassword(dsn);
}

}  // namespace kep::server::cli
