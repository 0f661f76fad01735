// Finds the records of a MITOS input before any of them is parsed: the elements of a top-level
// JSON array, or the lines of JSON Lines, so that each record is size-checked and parsed alone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace kep::catalogue::framing {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the last byte
};

struct ArrayElements {
    std::vector<Span> elements;
    // Where the array's structure broke (an unterminated string or bracket, a stray closing
    // bracket, data after the array); elements before it are complete.
    std::optional<std::size_t> errorOffset;
};

// Splits the array that opens at text[open] into its elements' byte ranges by tracking
// strings and bracket depth only; each element is validated when it is parsed.
ArrayElements splitTopLevelArray(std::string_view text, std::size_t open);

// True for JSON Lines: more than one non-blank line, and at least half of them one whole
// object each ({ … } with balanced brackets). A pretty-printed document has lines such as
// `"id": "1",` instead, and the lines of a document cut after a comma do not balance.
bool looksLikeJsonLines(std::string_view text);

struct TextPosition {
    std::size_t line = 1;    // 1-based
    std::size_t column = 1;  // 1-based, in bytes
};
TextPosition positionOf(std::string_view text, std::size_t offset);

struct JsonFailure {
    std::size_t offset = 0;
    std::string message;
};

// Parses one complete JSON text; on failure, where and why.
std::optional<JsonFailure> parseJson(std::string_view text, unsigned maxDepth,
                                     boost::json::value& out);

}  // namespace kep::catalogue::framing
