#include "cli/ConfigFile.h"

#include "cli/CommandLine.h"

#include <fstream>
#include <set>

namespace kep::server::cli {

namespace {

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view kBlank = " \t\r";
    const auto first = text.find_first_not_of(kBlank);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kBlank);
    return text.substr(first, last - first + 1);
}

}  // namespace

std::vector<ConfigSetting> readConfigFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw UsageError("--config: cannot read " + path);
    }
    std::vector<ConfigSetting> settings;
    std::set<std::string, std::less<>> seen;
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        const auto where = path + ":" + std::to_string(number);
        const auto text = trimmed(line);
        if (text.empty() || text.front() == '#') {
            continue;
        }
        const auto equals = text.find('=');
        // database_url: the PostgreSQL database under the name twelve-factor deployments give it.
        const auto written = trimmed(text.substr(0, equals));
        const auto key = written == "database_url" ? std::string_view("database-url") : written;
        if (key.empty() || key.starts_with("-") ||
            key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != key.npos) {
            throw UsageError(where +
                             ": expected 'key = value' with a key of a-z, 0-9 and '-', "
                             "not '" +
                             std::string(text) + "'");
        }
        std::string value;
        if (equals != std::string_view::npos) {
            value = trimmed(text.substr(equals + 1));
            if (value.empty()) {
                throw UsageError(where + ": '" + std::string(key) +
                                 " =' needs a value (leave the line out for the default)");
            }
        }
        if (!seen.emplace(key).second) {
            throw UsageError(where + ": '" + std::string(key) + "' is set twice in the file");
        }
        settings.push_back({std::string(key), std::move(value), where});
    }
    return settings;
}

}  // namespace kep::server::cli
