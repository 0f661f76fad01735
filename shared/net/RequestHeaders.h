// The check every caller-supplied request header passes before it goes on the wire, for the
// HTTPS requests and the WebSocket upgrade alike.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kep::net {

// A line break in a name or value would let a caller's text start a header (or a request) of
// its own, and an empty name is no header at all: both are refused with std::invalid_argument.
inline void checkRequestHeaders(const std::vector<std::pair<std::string, std::string>>& headers) {
    for (const auto& [name, value] : headers) {
        const bool lineBreak = name.find_first_of("\r\n") != std::string::npos ||
                               value.find_first_of("\r\n") != std::string::npos;
        if (name.empty() || lineBreak || name.find_first_of(" :\t") != std::string::npos) {
            throw std::invalid_argument("Request header '" +
                                        name.substr(0, name.find_first_of("\r\n")) +
                                        "' has an invalid name or a line break in its value");
        }
    }
}

}  // namespace kep::net
