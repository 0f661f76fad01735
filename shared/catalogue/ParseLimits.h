// The bounds every MITOS input is read within: a file from outside (or a hostile one) must not
// make the importer or a desk use unbounded memory or time.
#pragma once

#include <cstddef>

namespace kep::catalogue {

struct ParseLimits {
    std::size_t maxInputBytes = std::size_t{1} << 30;   // one input handed to parseMitos()
    std::size_t maxRecordBytes = std::size_t{4} << 20;  // one procedure document
    std::size_t maxRecords = 100'000;                   // MITOS holds ~4,300 procedures
    std::size_t maxListItems = 1000;  // evidences, conditions, fees, steps, rules, links, titles
    std::size_t maxIdBytes = 64;
    unsigned maxDepth = 64;  // JSON nesting
};

}  // namespace kep::catalogue
