// A PostgreSQL connection string (libpq's `key=value` form or a postgresql:// URI) as it may be
// shown in messages and logs: the password replaced by "***", everything else as written.
#pragma once

#include <string>
#include <string_view>

namespace kep::server::cli {

std::string withoutPassword(std::string_view dsn);

}  // namespace kep::server::cli
