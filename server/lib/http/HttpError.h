// An HTTP error a handler or a body helper raises; the router turns it into the JSON error answer,
// so handlers read as the happy path and every refusal has the same shape.
#pragma once

#include "http/HttpMessage.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace kep::http {

class HttpError : public std::runtime_error {
public:
    HttpError(int status, std::string_view code, std::string_view message)
        : std::runtime_error(std::string(message))
        , status_(status)
        , code_(code) {}

    int status() const noexcept { return status_; }
    const std::string& code() const noexcept { return code_; }
    Response response() const { return Response::error(status_, code_, what()); }

private:
    int status_;
    std::string code_;
};

// 400 invalid_query naming the query or path parameter and the rule it broke: "parameter 'month'
// must be a month as YYYY-MM".
[[noreturn]] inline void throwInvalidParameter(std::string_view name, std::string_view rule) {
    throw HttpError(400, "invalid_query",
                    "parameter '" + std::string(name) + "' " + std::string(rule));
}

}  // namespace kep::http
