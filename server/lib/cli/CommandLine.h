// kep-server's command line: `init --data DIR [--demo]` and `serve --data DIR --listen HOST:PORT
// [--threads N] [limits]`, parsed into plain options that the commands take.
#pragma once

#include "identity/IdentityServices.h"
#include "net/ServerOptions.h"
#include "notify/NotifySettings.h"
#include "privacy/RetentionRules.h"
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
    // --dsn: the database is this PostgreSQL one (libpq keyword string or postgresql:// URI)
    // instead of DIR/kep.db; the certificates and keys are still written to DIR.
    std::string dsn;
};

struct ServeOptions {
    std::string configFile;  // --config: `key = value` settings the command line overrides
    std::string dataDir;
    // --dsn (or database-url): serve from this PostgreSQL database instead of DIR/kep.db; DIR
    // still holds the certificates, keys and files. Several processes may serve one database.
    std::string dsn;
    std::string host;
    std::uint16_t port = 0;
    bool listenGiven = false;  // --listen was given (port 0 is a valid choice)
    // The server's certificate chain and key (PEM); empty: DIR/server.pem and DIR/server-key.pem
    // from the development CA. Desks' certificates are always checked against DIR/ca.pem.
    std::string tlsCertificate;
    std::string tlsKey;
    unsigned threads = 2;
    net::ServerLimits limits;
    identity::IdentitySettings identity;  // sign-in throttle, sessions, enrolment rate
    notify::NotifySettings notify;        // citizens' notifications: sender and retries
    registry::RegistrySettings registry;  // registry gateway for documents obtained ex officio
    int statusLookupsPerMinute = 30;      // per address, GET /api/v1/public/status
    // --retention-years: closed cases' personal data is purged that many years after closing.
    privacy::RetentionSettings retention;
    // Per address: the public routes that do work (catalogue, calendar). Generous: an office's
    // desks share one address and page through the catalogue after each publication.
    int publicRequestsPerMinute = 600;
    int intakeRequestsPerMinute = 600;  // per API key, POST /api/v1/intake
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
