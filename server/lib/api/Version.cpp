#include "api/Version.h"

namespace kep::server::api {

std::string_view serverVersion() noexcept {
    return KEP_SERVER_VERSION;
}

}  // namespace kep::server::api
