// Finds the records of a MITOS input before any of them is parsed: the elements of a JSON array,
// the members of the list endpoint's wrapper, or the lines of JSON Lines, without a JSON tree.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace kep::catalogue::framing {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the last byte
};

// The one scanner of JSON structure here: the offset of the first ',' or closing bracket at
// nesting depth 0 from `from` on, skipping strings (escapes included) and nested brackets;
// text.size() when the text ends first. It checks no more than that: each value it steps
// over is validated when it is parsed.
std::size_t nextDelimiter(std::string_view text, std::size_t from);

// The offset of the first byte from `from` on that is not JSON whitespace; text.size() if none.
std::size_t skipSpace(std::string_view text, std::size_t from);

// The elements of the array that opens at text[open], one at a time: a caller that stops
// early (at its record limit) never scans, let alone keeps, the rest.
class ArrayElements {
public:
    ArrayElements(std::string_view text, std::size_t open) : text_(text), next_(open + 1) {}

    // The next element's byte range; nullopt once the array closed or its structure broke.
    std::optional<Span> next();
    // Where the structure broke (an unterminated string or bracket, a '}' closing the array):
    // text.size() when the text ends first. Elements returned before it are complete.
    std::optional<std::size_t> errorOffset() const { return error_; }
    // One past the closing ']' once next() has reached it.
    std::optional<std::size_t> end() const { return end_; }

private:
    std::string_view text_;
    std::size_t next_;
    bool first_ = true;
    std::optional<std::size_t> error_;
    std::optional<std::size_t> end_;
};

struct Member {
    // The key as JSON decodes it; a key longer than kMaxDecodedKeyBytes that holds escapes is
    // left as written (no key this parser looks for is that long).
    std::string key;
    Span value;
};
inline constexpr std::size_t kMaxDecodedKeyBytes = 256;

// The members of the object that opens at text[open], one at a time, each value as a byte
// range: a wrapper's small members are found without building the large one's tree.
class ObjectMembers {
public:
    ObjectMembers(std::string_view text, std::size_t open) : text_(text), next_(open + 1) {}

    // The next member; nullopt once the object closed or its structure broke.
    std::optional<Member> next();
    // Where the structure broke (a key that is not a string, a missing ':', an unterminated
    // string or bracket, a ']' closing the object); text.size() when the text ends first.
    std::optional<std::size_t> errorOffset() const { return error_; }
    // One past the closing '}' once next() has reached it.
    std::optional<std::size_t> end() const { return end_; }

private:
    std::nullopt_t fail(std::size_t at);

    std::string_view text_;
    std::size_t next_;
    bool first_ = true;
    std::optional<std::size_t> error_;
    std::optional<std::size_t> end_;
};

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
