// The short form of a statement's SQL that error messages carry: enough to recognise it in a
// log line, on one line, never with a bound value (the SQL text holds only parameter markers).
#pragma once

#include <string>
#include <string_view>

namespace kep::db {

std::string sqlExcerpt(std::string_view sql);

}  // namespace kep::db
