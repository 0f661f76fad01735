// Splitting a request target into its decoded path and query parameters, so that routing and
// handlers never see percent-encoding and logs can use the route instead of the raw target.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace kep::http {

struct DecodedTarget {
    std::string path;
    std::map<std::string, std::string> query;  // the first value wins when a name repeats
};

// False for a target that is not origin-form ("/…"), has a bad %-escape, or decodes to bytes
// that are not UTF-8; '+' in the query is a space (form encoding), in the path it stays '+'.
bool decodeTarget(std::string_view target, DecodedTarget& out);

}  // namespace kep::http
