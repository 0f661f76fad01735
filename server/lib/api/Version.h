// The version kep-server reports (/healthz, the WebSocket hello, --version): the CMake project
// version, set at build time.
#pragma once

#include <string_view>

namespace kep::server::api {

std::string_view serverVersion() noexcept;

}  // namespace kep::server::api
