// kep-server's command line: `init --data DIR [--demo]` and `serve --data DIR --listen HOST:PORT
// [--threads N] [limits]`, parsed into plain options that the commands take.
#pragma once

#include "identity/IdentityServices.h"
#include "net/ServerOptions.h"
#include "notify/NotifySettings.h"
#include "registry/RegistrySettings.h"

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kep::server::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct InitOptions {
    std::string dataDir;
    bool demo = false;
    std::string catalogueDir;  // --catalogue: the sample catalogue --demo loads (CatalogueDemo.h)
};

struct ServeOptions {
    std::string dataDir;
    std::string host;
    std::uint16_t port = 0;
    unsigned threads = 2;
    net::ServerLimits limits;
    identity::IdentitySettings identity;  // sign-in throttle, sessions, enrolment rate
    notify::NotifySettings notify;        // citizens' notifications: sender and retries
    registry::RegistrySettings registry;  // registry gateway for documents obtained ex officio
    int statusLookupsPerMinute = 30;      // per address, GET /api/v1/public/status
};

struct Command {
    enum class Kind { Init, Serve, Help, Version };
    Kind kind = Kind::Help;
    InitOptions init;
    ServeOptions serve;
};

// Arguments without the program name. Throws UsageError naming the faulty argument.
Command parseCommandLine(std::span<const std::string_view> arguments);

// "HOST:PORT", "[::1]:PORT"; throws UsageError.
void parseListen(std::string_view text, std::string& host, std::uint16_t& port);

std::string usage();

}  // namespace kep::server::cli
