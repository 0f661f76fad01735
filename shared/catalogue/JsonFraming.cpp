#include "shared/catalogue/JsonFraming.h"

#include <algorithm>
#include <utility>

#include <boost/json/parser.hpp>

namespace kep::catalogue::framing {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && isSpace(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// One past the '"' that closes the string opening at text[open]; text.size() when the text
// ends inside it.
std::size_t stringEnd(std::string_view text, std::size_t open) {
    std::size_t i = open + 1;
    while (i < text.size()) {
        i = text.find_first_of("\"\\", i);
        if (i == std::string_view::npos) {
            break;
        }
        if (text[i] == '"') {
            return i + 1;
        }
        i += 2;  // a backslash and the character it escapes, whatever that is
    }
    return text.size();
}

// `{ … }` whose first bracket closes at its last byte: one object, not the tail of a larger one.
bool isWholeObject(std::string_view line) {
    if (line.size() < 2 || line.front() != '{' || line.back() != '}') {
        return false;
    }
    std::size_t at = 1;
    while (true) {
        at = nextDelimiter(line, at);
        if (at == line.size()) {
            return false;
        }
        if (line[at] != ',') {
            return at + 1 == line.size();
        }
        ++at;
    }
}

std::string decodedKey(std::string_view quoted) {
    const std::string_view raw = quoted.substr(1, quoted.size() - 2);
    if (raw.find('\\') == std::string_view::npos || quoted.size() > kMaxDecodedKeyBytes) {
        return std::string(raw);
    }
    boost::json::value key;
    if (!parseJson(quoted, 1, key) && key.is_string()) {
        return std::string(key.get_string());
    }
    return std::string(raw);
}

}  // namespace

std::size_t nextDelimiter(std::string_view text, std::size_t from) {
    std::size_t depth = 0;
    for (std::size_t i = from; i < text.size(); ++i) {
        switch (text[i]) {
            case '"':
                i = stringEnd(text, i) - 1;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (depth == 0) {
                    return i;
                }
                --depth;
                break;
            case ',':
                if (depth == 0) {
                    return i;
                }
                break;
            default:
                break;
        }
    }
    return text.size();
}

std::size_t skipSpace(std::string_view text, std::size_t from) {
    while (from < text.size() && isSpace(text[from])) {
        ++from;
    }
    return from;
}

std::optional<Span> ArrayElements::next() {
    if (error_ || end_) {
        return std::nullopt;
    }
    const std::size_t at = nextDelimiter(text_, next_);
    if (at == text_.size() || text_[at] == '}') {
        error_ = at;
        return std::nullopt;
    }
    const Span element{next_, at};
    const bool first = std::exchange(first_, false);
    next_ = at + 1;
    if (text_[at] == ']') {
        end_ = at + 1;
        if (first && trimmed(text_.substr(element.begin, at - element.begin)).empty()) {
            return std::nullopt;  // []
        }
    }
    return element;
}

std::nullopt_t ObjectMembers::fail(std::size_t at) {
    error_ = std::min(at, text_.size());
    return std::nullopt;
}

std::optional<Member> ObjectMembers::next() {
    if (error_ || end_) {
        return std::nullopt;
    }
    std::size_t at = skipSpace(text_, next_);
    if (std::exchange(first_, false) && at < text_.size() && text_[at] == '}') {
        end_ = at + 1;  // {}
        return std::nullopt;
    }
    if (at == text_.size() || text_[at] != '"') {
        return fail(at);
    }
    const std::size_t keyEnd = stringEnd(text_, at);
    if (keyEnd == text_.size()) {
        return fail(keyEnd);
    }
    Member member{decodedKey(text_.substr(at, keyEnd - at)), {}};
    at = skipSpace(text_, keyEnd);
    if (at == text_.size() || text_[at] != ':') {
        return fail(at);
    }
    member.value.begin = skipSpace(text_, at + 1);
    member.value.end = nextDelimiter(text_, member.value.begin);
    if (member.value.end == text_.size() || text_[member.value.end] == ']') {
        return fail(member.value.end);
    }
    if (text_[member.value.end] == '}') {
        end_ = member.value.end + 1;
    } else {
        next_ = member.value.end + 1;
    }
    return member;
}

bool looksLikeJsonLines(std::string_view text) {
    std::size_t lines = 0;
    std::size_t objectLines = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = trimmed(text.substr(start, end - start));
        if (!line.empty()) {
            ++lines;
            if (isWholeObject(line)) {
                ++objectLines;
            }
        }
        start = end + 1;
    }
    return lines > 1 && objectLines * 2 >= lines;
}

TextPosition positionOf(std::string_view text, std::size_t offset) {
    TextPosition position;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

std::optional<JsonFailure> parseJson(std::string_view text, unsigned maxDepth,
                                     boost::json::value& out) {
    boost::json::parse_options options;
    options.max_depth = maxDepth;
    boost::json::parser parser({}, options);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (ec) {
        return JsonFailure{consumed, ec.message()};
    }
    out = parser.release();
    return std::nullopt;
}

}  // namespace kep::catalogue::framing
