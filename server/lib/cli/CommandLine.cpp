#include "cli/CommandLine.h"

#include "cli/AuditCommand.h"
#include "cli/BackupCommand.h"
#include "cli/CatalogueCommand.h"
#include "cli/ConfigFile.h"
#include "cli/IdentityCommands.h"
#include "cli/NotificationsCommand.h"
#include "cli/PrivacyCommand.h"
#include "cli/StatsCommand.h"
#include "net/HttpsClient.h"

#include <charconv>
#include <limits>

namespace kep::server::cli {

namespace {

std::uint64_t parseNumber(std::string_view option, std::string_view text, std::uint64_t min,
                          std::uint64_t max) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        throw UsageError(std::string(option) + " needs a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max) + ", not '" + std::string(text) + "'");
    }
    return value;
}

class ArgumentReader {
public:
    explicit ArgumentReader(std::span<const std::string_view> arguments) : arguments_(arguments) {}
    bool done() const { return next_ >= arguments_.size(); }
    std::string_view take() { return arguments_[next_++]; }
    std::string_view valueOf(std::string_view option) {
        if (done()) {
            throw UsageError(std::string(option) + " needs a value");
        }
        return take();
    }

private:
    std::span<const std::string_view> arguments_;
    std::size_t next_ = 0;
};

void parseInit(ArgumentReader& reader, InitOptions& options) {
    while (!reader.done()) {
        const auto argument = reader.take();
        if (argument == "--data") {
            options.dataDir = reader.valueOf(argument);
        } else if (argument == "--dsn") {
            options.dsn = reader.valueOf(argument);
        } else if (argument == "--demo") {
            options.demo = true;
        } else if (argument == "--catalogue") {
            options.catalogueDir = reader.valueOf(argument);
        } else {
            throw UsageError("init: unknown argument '" + std::string(argument) + "'");
        }
    }
    if (options.dataDir.empty()) {
        throw UsageError("init needs --data DIR");
    }
}

// The citizens' notifications (notify/NotifySettings.h). False: not one of theirs.
bool parseNotifyOption(std::string_view argument, ArgumentReader& reader,
                       notify::NotifySettings& notify) {
    if (argument == "--notify-file") {
        notify.file = reader.valueOf(argument);
    } else if (argument == "--notify-webhook") {
        notify.webhookUrl = reader.valueOf(argument);
        try {
            kep::net::Endpoint::fromUrl(notify.webhookUrl);
        } catch (const std::invalid_argument& error) {
            throw UsageError("--notify-webhook: " + std::string(error.what()));
        }
    } else if (argument == "--notify-token-file") {
        notify.tokenFile = reader.valueOf(argument);
    } else if (argument == "--notify-ca-file") {
        notify.caFile = reader.valueOf(argument);
    } else if (argument == "--notify-retry-ms") {
        notify.retry.firstDelay =
            std::chrono::milliseconds(parseNumber(argument, reader.valueOf(argument), 1, 3600000));
    } else if (argument == "--notify-max-attempts") {
        notify.retry.maxAttempts =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000));
    } else {
        return false;
    }
    return true;
}

void checkNotifySettings(const notify::NotifySettings& notify) {
    if (!notify.file.empty() && !notify.webhookUrl.empty()) {
        throw UsageError("serve takes --notify-file or --notify-webhook, not both");
    }
    if (notify.webhookUrl.empty() != notify.tokenFile.empty()) {
        throw UsageError("--notify-webhook and --notify-token-file go together");
    }
}

// The registry gateway for documents obtained ex officio (registry/RegistrySettings.h). False:
// not one of its options.
bool parseRegistryOption(std::string_view argument, ArgumentReader& reader,
                         registry::RegistrySettings& registry) {
    if (argument == "--registry-url") {
        registry.url = reader.valueOf(argument);
        try {
            kep::net::Endpoint::fromUrl(registry.url);
        } catch (const std::invalid_argument& error) {
            throw UsageError("--registry-url: " + std::string(error.what()));
        }
    } else if (argument == "--registry-ca") {
        registry.caFile = reader.valueOf(argument);
    } else if (argument == "--registry-retry-base-ms") {
        registry.retryBase =
            std::chrono::milliseconds(parseNumber(argument, reader.valueOf(argument), 1, 3600000));
    } else {
        return false;
    }
    return true;
}

// One option of `serve` and its value, from the command line or a line of the --config file.
// False: no such option.
bool parseServeOption(std::string_view argument, ArgumentReader& reader, ServeOptions& options) {
    auto milliseconds = [&](std::string_view option) {
        return std::chrono::milliseconds(parseNumber(option, reader.valueOf(option), 1, 3600000));
    };
    if (argument == "--data") {
        options.dataDir = reader.valueOf(argument);
    } else if (argument == "--dsn" || argument == "--database-url") {
        options.dsn = reader.valueOf(argument);
    } else if (argument == "--listen") {
        parseListen(reader.valueOf(argument), options.host, options.port);
        options.listenGiven = true;
    } else if (argument == "--tls-cert") {
        options.tlsCertificate = reader.valueOf(argument);
    } else if (argument == "--tls-key") {
        options.tlsKey = reader.valueOf(argument);
    } else if (argument == "--threads") {
        options.threads =
            static_cast<unsigned>(parseNumber(argument, reader.valueOf(argument), 1, 256));
    } else if (argument == "--max-connections") {
        options.limits.maxConnections = parseNumber(argument, reader.valueOf(argument), 1, 1000000);
    } else if (argument == "--max-connections-per-address") {
        options.limits.maxConnectionsPerAddress =
            parseNumber(argument, reader.valueOf(argument), 1, 1000000);
    } else if (argument == "--max-body-bytes") {
        options.limits.maxBodyBytes =
            parseNumber(argument, reader.valueOf(argument), 1, 1ull << 32);
    } else if (argument == "--read-timeout-ms") {
        options.limits.readTimeout = milliseconds(argument);
    } else if (argument == "--write-timeout-ms") {
        options.limits.writeTimeout = milliseconds(argument);
    } else if (argument == "--websocket-ping-ms") {
        options.limits.webSocketPingInterval = milliseconds(argument);
    } else if (argument == "--drain-timeout-ms") {
        options.limits.drainTimeout = milliseconds(argument);
    } else if (argument == "--sign-in-attempts-per-minute") {
        options.identity.throttle.addressAttempts =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000000));
    } else if (argument == "--sign-in-lock-after") {
        options.identity.throttle.lockAfterFailures =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 99));
    } else if (argument == "--enrol-attempts-per-minute") {
        options.identity.enrolment.attemptsPerAddress =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000000));
    } else if (argument == "--status-lookups-per-minute") {
        options.statusLookupsPerMinute =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000000));
    } else if (argument == "--public-requests-per-minute") {
        options.publicRequestsPerMinute =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000000));
    } else if (argument == "--intake-requests-per-minute") {
        options.intakeRequestsPerMinute =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 1000000));
    } else if (argument == "--retention-years") {
        options.retention.defaultYears =
            static_cast<int>(parseNumber(argument, reader.valueOf(argument), 1, 100));
    } else if (argument.starts_with("--notify-")) {
        return parseNotifyOption(argument, reader, options.notify);
    } else if (argument.starts_with("--registry-")) {
        return parseRegistryOption(argument, reader, options.registry);
    } else {
        return false;
    }
    return true;
}

void parseServeArguments(ArgumentReader reader, ServeOptions& options) {
    while (!reader.done()) {
        const auto argument = reader.take();
        if (argument == "--config") {
            options.configFile = reader.valueOf(argument);
        } else if (!parseServeOption(argument, reader, options)) {
            throw UsageError("serve: unknown argument '" + std::string(argument) + "'");
        }
    }
}

// The file's settings as if given first on the command line; each error names FILE:LINE.
void applyConfigFile(const std::string& path, ServeOptions& options) {
    for (const auto& setting : readConfigFile(path)) {
        const std::string option = "--" + setting.key;
        std::vector<std::string_view> words{option};
        if (!setting.value.empty()) {
            words.push_back(setting.value);
        }
        ArgumentReader reader(words);
        reader.take();
        try {
            if (option == "--config" || !parseServeOption(option, reader, options)) {
                throw UsageError("unknown key '" + setting.key + "'");
            }
        } catch (const UsageError& error) {
            throw UsageError(setting.where + ": " + error.what());
        }
        if (!reader.done()) {
            throw UsageError(setting.where + ": '" + setting.key + "' takes no value");
        }
    }
}

void parseServe(ArgumentReader reader, ServeOptions& options) {
    // The command line is read twice when it names a file: once to find the file (and its own
    // errors), then again over the file's settings, so that a flag overrides the file.
    parseServeArguments(reader, options);
    if (!options.configFile.empty()) {
        ServeOptions merged;
        applyConfigFile(options.configFile, merged);
        parseServeArguments(reader, merged);
        options = std::move(merged);
    }
    if (options.dataDir.empty() || !options.listenGiven) {
        throw UsageError(
            "serve needs --data DIR and --listen HOST:PORT (or a --config file "
            "that sets data and listen)");
    }
    if (options.tlsCertificate.empty() != options.tlsKey.empty()) {
        throw UsageError("--tls-cert and --tls-key go together");
    }
    checkNotifySettings(options.notify);
}

}  // namespace

void parseListen(std::string_view text, std::string& host, std::uint16_t& port) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        throw UsageError("--listen needs HOST:PORT, not '" + std::string(text) + "'");
    }
    auto hostPart = text.substr(0, colon);
    if (hostPart.front() == '[') {
        if (hostPart.back() != ']' || hostPart.size() < 3) {
            throw UsageError("--listen: malformed IPv6 address in '" + std::string(text) + "'");
        }
        hostPart = hostPart.substr(1, hostPart.size() - 2);
    } else if (hostPart.find(':') != std::string_view::npos) {
        throw UsageError("--listen: write an IPv6 address in brackets, as [::1]:8443");
    }
    host = hostPart;
    port = static_cast<std::uint16_t>(parseNumber("--listen port", text.substr(colon + 1), 0,
                                                  std::numeric_limits<std::uint16_t>::max()));
}

Command parseCommandLine(std::span<const std::string_view> arguments) {
    Command command;
    if (arguments.empty()) {
        throw UsageError("a command is needed: init or serve");
    }
    ArgumentReader reader(arguments.subspan(1));
    const auto name = arguments.front();
    if (name == "init") {
        command.kind = Command::Kind::Init;
        parseInit(reader, command.init);
    } else if (name == "serve") {
        command.kind = Command::Kind::Serve;
        parseServe(reader, command.serve);
    } else if (name == "help" || name == "--help" || name == "-h") {
        command.kind = Command::Kind::Help;
    } else if (name == "--version" || name == "version") {
        command.kind = Command::Kind::Version;
    } else {
        throw UsageError("unknown command '" + std::string(name) + "'");
    }
    return command;
}

std::string usage() {
    return "usage:\n"
           "  kep-server init --data DIR [--dsn DSN] [--demo [--catalogue DIR]]\n"
           "      Creates DIR (its parent must exist): the database, a development CA (ca.pem),\n"
           "      the server certificate, the administrator's certificate (admin.pem) and the\n"
           "      user 'admin' (password from KEP_ADMIN_PASSWORD, else asked on the terminal).\n"
           "      --demo adds demo offices and users and writes DIR/demo.json, and imports and\n"
           "      publishes the sample catalogue (--catalogue, else KEP_CATALOGUE_DIR, else\n"
           "      resources/catalogue found from the executable or the working folder).\n"
           "      --dsn: the database is the (new, empty) PostgreSQL database DSN, libpq's\n"
           "      'host=... dbname=...' or postgresql://...; DIR holds the certificates.\n"
           "  kep-server serve [--config FILE] --data DIR [--dsn DSN] --listen HOST:PORT\n"
           "      [--threads N]\n"
           "      [--tls-cert PEM --tls-key PEM]\n"
           "      [--max-connections N] [--max-connections-per-address N] [--max-body-bytes N]\n"
           "      [--read-timeout-ms N] [--write-timeout-ms N] [--drain-timeout-ms N]\n"
           "      [--sign-in-attempts-per-minute N (20)] [--sign-in-lock-after N (20)]\n"
           "      [--enrol-attempts-per-minute N (10)]\n"
           "      [--status-lookups-per-minute N (30)]\n"
           "      [--public-requests-per-minute N (600)] [--intake-requests-per-minute N (600)]\n"
           "      [--notify-file PATH | --notify-webhook URL --notify-token-file PATH\n"
           "       [--notify-ca-file PEM]] [--notify-retry-ms N (30000)]\n"
           "      [--notify-max-attempts N (10)]\n"
           "      [--registry-url URL [--registry-ca PEM] [--registry-retry-base-ms N (30000)]]\n"
           "      [--retention-years N (5)]: closed cases' personal data is purged N years\n"
           "      after closing, unless the procedure has a rule of its own (docs/privacy.md).\n"
           "      FILE holds 'option = value' lines (docs/configuration.md); flags override it.\n"
           "      --dsn (in FILE: dsn or database_url): serve from that PostgreSQL database;\n"
           "      several processes may serve one database behind a load balancer.\n"
           "      --tls-cert/--tls-key: a certificate chain from the organisation's CA instead\n"
           "      of DIR/server.pem (desks' certificates are still checked against DIR/ca.pem).\n"
           "      Serves HTTPS until SIGTERM or SIGINT. PORT 0 picks a free port; the line\n"
           "      'listening on https://HOST:PORT' says which. Citizens' notifications go to\n"
           "      the file (one JSON line each) or the webhook; with neither they stay queued.\n"
           "      Documents obtained ex officio are asked of the registry gateway at URL\n"
           "      (trusting PEM, else the system's CAs); without it the requests stay queued.\n"
           "  kep-server --version\n" +
           catalogueUsage() + identityUsage() + statsUsage() + notificationsUsage() + auditUsage() +
           privacyUsage() + backupUsage();
}

}  // namespace kep::server::cli
