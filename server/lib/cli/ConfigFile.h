// kep-server's configuration file: `key = value` lines naming the options of `serve` without
// their leading dashes, read into settings that the command line's parser applies one by one.
#pragma once

#include <string>
#include <vector>

namespace kep::server::cli {

// One setting of the file, and where it was written, for the error message that names it.
struct ConfigSetting {
    std::string key;    // "listen", "max-connections", … (the option without "--")
    std::string value;  // empty for a key written alone (a flag)
    std::string where;  // "FILE:LINE"
};

// Reads FILE: blank lines and lines whose first non-blank character is '#' are skipped; every
// other line is `key = value` (blanks around both trimmed; the value runs to the end of the
// line, so a path may hold '#' or '=') or a key alone. Throws UsageError naming FILE:LINE for a
// malformed line or a key given twice, and naming FILE when it cannot be read. The key
// database_url is read as database-url.
std::vector<ConfigSetting> readConfigFile(const std::string& path);

}  // namespace kep::server::cli
