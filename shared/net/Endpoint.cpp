// Endpoint parsing and Response look-ups: the plain-C++ part of the client, kept out of the
// Beast translation units so that it compiles fast and is tested without sockets.
#include "net/HttpsClient.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kep::net {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::ranges::equal(
        a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

void checkPort(const std::string& port, const std::string& url) {
    unsigned value = 0;
    const auto* end = port.data() + port.size();
    const auto [rest, error] = std::from_chars(port.data(), end, value);
    if (port.empty() || error != std::errc{} || rest != end || value == 0 || value > 65535) {
        throw std::invalid_argument("URL '" + url + "' has an invalid port '" + port + "'");
    }
}

}  // namespace

Endpoint Endpoint::fromUrl(const std::string& url) {
    const std::string_view scheme = "https://";
    if (url.size() < scheme.size() ||
        !equalsIgnoringCase(std::string_view(url).substr(0, scheme.size()), scheme)) {
        throw std::invalid_argument("URL '" + url + "' is not https://: only HTTPS is allowed");
    }
    std::string_view rest = std::string_view(url).substr(scheme.size());
    // The authority ends at the path, query or fragment.
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos) {
        throw std::invalid_argument("URL '" + url + "' carries user information; not allowed");
    }

    Endpoint endpoint;
    std::string_view portPart;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            throw std::invalid_argument("URL '" + url + "' has an unterminated IPv6 address");
        }
        endpoint.host = std::string(authority.substr(1, close - 1));
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') {
            throw std::invalid_argument("URL '" + url + "' has text after the IPv6 address");
        }
        portPart = after.empty() ? after : after.substr(1);
        if (after == ":") {
            throw std::invalid_argument("URL '" + url + "' has an empty port");
        }
    } else {
        const auto colon = authority.find(':');
        endpoint.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            portPart = authority.substr(colon + 1);
            if (portPart.empty()) {
                throw std::invalid_argument("URL '" + url + "' has an empty port");
            }
        }
    }
    if (endpoint.host.empty()) {
        throw std::invalid_argument("URL '" + url + "' has no host");
    }
    endpoint.port = portPart.empty() ? "443" : std::string(portPart);
    checkPort(endpoint.port, url);
    return endpoint;
}

std::string Endpoint::authority() const {
    if (host.find(':') != std::string::npos) {
        return "[" + host + "]:" + port;
    }
    return host + ":" + port;
}

std::optional<std::string> Response::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (equalsIgnoringCase(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace kep::net
