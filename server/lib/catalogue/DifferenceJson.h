// A procedure's difference between two versions as JSON, for the admin routes: the sections,
// items and fields of ProcedureDiff with the names the desk's reader expects.
#pragma once

#include "shared/catalogue/ProcedureDiff.h"

#include <boost/json/array.hpp>

#include <string_view>

namespace kep::server::catalogue {

// "titles", "description", "provision", "deadlines", "fees", "documents", "conditions",
// "legalBasis", "steps", "links".
std::string_view sectionName(kep::catalogue::DiffSection section);
// "added", "removed", "changed".
std::string_view changeKindName(kep::catalogue::ChangeKind kind);

// [{"section","changes":[{"kind","key","label":{"el","en"},
//   "fields":[{"field","before","after"}]}]}]
boost::json::array differenceJson(const kep::catalogue::ProcedureDiff& difference);

}  // namespace kep::server::catalogue
