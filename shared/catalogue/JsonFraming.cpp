#include "shared/catalogue/JsonFraming.h"

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

// `{ … }` whose brackets balance outside strings: one object, not the tail of a larger one.
bool isWholeObject(std::string_view line) {
    if (line.size() < 2 || line.front() != '{' || line.back() != '}') {
        return false;
    }
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && i + 1 < line.size()) {
                return false;
            }
            if (depth < 0) {
                return false;
            }
        }
    }
    return depth == 0;
}

}  // namespace

ArrayElements splitTopLevelArray(std::string_view text, std::size_t open) {
    ArrayElements result;
    std::size_t depth = 0;
    bool inString = false;
    bool escaped = false;
    std::size_t start = open + 1;
    bool closed = false;
    std::size_t i = open + 1;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        } else if (c == '}') {
            result.errorOffset = i;
            return result;
        } else if (depth == 0 && (c == ',' || c == ']')) {
            const std::string_view element = text.substr(start, i - start);
            const bool emptyArray = c == ']' && result.elements.empty() && trimmed(element).empty();
            if (!emptyArray) {
                result.elements.push_back({start, i});
            }
            start = i + 1;
            if (c == ']') {
                closed = true;
                ++i;
                break;
            }
        }
    }
    if (!closed) {
        result.errorOffset = text.size();
        return result;
    }
    for (; i < text.size(); ++i) {
        if (!isSpace(text[i])) {
            result.errorOffset = i;
            break;
        }
    }
    return result;
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
