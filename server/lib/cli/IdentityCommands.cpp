#include "cli/IdentityCommands.h"

#include "authorities/AuthorityDirectory.h"
#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "identity/Administration.h"
#include "identity/ApiKeys.h"
#include "identity/RequestGate.h"
#include "intake/IntakeChannel.h"
#include "platform/Files.h"
#include "platform/Terminal.h"
#include "storage/ServerStore.h"

#include <charconv>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

namespace kep::server::cli {

namespace {

// --name value pairs; every option takes a value, and each may appear once.
std::map<std::string, std::string> readOptions(std::span<const std::string_view> arguments,
                                               const std::set<std::string>& allowed,
                                               const std::set<std::string>& required,
                                               std::string_view command) {
    std::map<std::string, std::string> options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string name(arguments[i]);
        if (!allowed.contains(name)) {
            throw UsageError(std::string(command) + ": unknown argument '" + name + "'");
        }
        if (i + 1 >= arguments.size()) {
            throw UsageError(name + " needs a value");
        }
        if (!options.emplace(name, std::string(arguments[++i])).second) {
            throw UsageError(std::string(command) + ": " + name + " given twice");
        }
    }
    for (const auto& name : required) {
        if (!options.contains(name)) {
            throw UsageError(std::string(command) + " needs " + name);
        }
    }
    return options;
}

std::optional<std::string> optionOf(const std::map<std::string, std::string>& options,
                                    const std::string& name) {
    const auto it = options.find(name);
    return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
}

// The store of an initialised data folder (the server may be running on it: SQLite's WAL and
// busy time-out let both write).
std::unique_ptr<storage::ServerStore> openStore(const std::string& dir) {
    const DataDirectory data(dir);
    if (!data.hasDatabase()) {
        throw std::runtime_error(dir +
                                 " is not an initialised data folder (run: kep-server init "
                                 "--data " +
                                 dir + ")");
    }
    return openServerStore(data);
}

struct Services {
    explicit Services(const std::string& dir)
        : store(openStore(dir))
        , directory(*store)
        , devices(*store)
        , administration(*store, directory, devices) {}
    std::unique_ptr<storage::ServerStore> store;
    identity::Directory directory;
    identity::DeviceRegistry devices;
    identity::Administration administration;
};

int officeAdd(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data", "--code", "--name", "--region"},
                                     {"--data", "--code", "--name"}, "office add");
    Services services(options.at("--data"));
    const auto office = services.administration.createOffice(
        {options.at("--code"), options.at("--name"), optionOf(options, "--region").value_or("")},
        identity::adminCommandActor());
    out << "office " << office.code << " added\n";
    return 0;
}

int userAdd(std::span<const std::string_view> arguments, const NewPasswordSource& password,
            std::ostream& out) {
    const auto options = readOptions(
        arguments,
        {"--data", "--office", "--role", "--username", "--display-name", "--region", "--authority"},
        {"--data", "--role", "--username"}, "user add");
    identity::AccountRequest request;
    request.username = options.at("--username");
    request.displayName = optionOf(options, "--display-name").value_or("");
    request.role = options.at("--role");
    request.officeCode = optionOf(options, "--office");
    request.region = optionOf(options, "--region");
    request.authorityId = optionOf(options, "--authority");
    Services services(options.at("--data"));
    const auto given = password();
    if (!given) {
        throw std::runtime_error("no password: set KEP_USER_PASSWORD or run on a terminal");
    }
    request.password = *given;
    const auto account = services.administration.createUser(request, identity::adminCommandActor());
    out << "user " << account.username << " (" << account.role << ") added with id " << account.id
        << "\n";
    return 0;
}

int userDisable(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options =
        readOptions(arguments, {"--data", "--username"}, {"--data", "--username"}, "user disable");
    Services services(options.at("--data"));
    const auto account = services.directory.userByName(options.at("--username"));
    if (!account) {
        throw std::runtime_error("no user named " + options.at("--username"));
    }
    services.administration.setUserDisabled(account->id, true, identity::nowInstant(),
                                            identity::adminCommandActor());
    out << "user " << account->username << " disabled; their sessions have ended\n";
    return 0;
}

int enrolCode(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data", "--office", "--valid-hours"},
                                     {"--data", "--office"}, "enrol-code");
    std::chrono::hours validity = identity::kEnrolmentCodeValidity;
    if (const auto hours = optionOf(options, "--valid-hours")) {
        int value = 0;
        const auto [end, error] =
            std::from_chars(hours->data(), hours->data() + hours->size(), value);
        if (error != std::errc() || end != hours->data() + hours->size() || value < 1 ||
            value > 720) {
            throw UsageError("--valid-hours needs a whole number from 1 to 720");
        }
        validity = std::chrono::hours(value);
    }
    Services services(options.at("--data"));
    const auto issued = services.administration.issueEnrolmentCode(
        options.at("--office"), identity::nowInstant(), identity::adminCommandActor(), validity);
    // The code alone on stdout, so a script can take it; the rest says what it is.
    out << issued.code << "\n";
    return 0;
}

int revokeDevice(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options =
        readOptions(arguments, {"--data", "--device"}, {"--data", "--device"}, "revoke-device");
    Services services(options.at("--data"));
    const auto device = services.administration.revokeDevice(
        options.at("--device"), identity::nowInstant(), identity::adminCommandActor());
    out << "device " << device.id << " of office " << device.office.code
        << " revoked; a running server refuses it from its next request\n";
    return 0;
}

// Issues the key and prints it: the key alone on the first line, so a script can take it (it is
// not stored anywhere), then its id.
int issueApiKey(const std::string& dataDir, std::string_view kind, std::string_view name,
                std::string_view authority, std::ostream& out) {
    const auto store = openStore(dataDir);
    identity::ApiKeys keys(*store);
    const auto issued = keys.issue(kind, name, authority, identity::nowInstant());
    out << issued.key << "\n"
        << "api key " << issued.record.id << " (" << kind
        << ") added; the key above is shown only now\n";
    return 0;
}

int apiKeyAdd(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data", "--kind", "--name", "--authority"},
                                     {"--data", "--kind", "--name"}, "api-key add");
    if (!identity::apiKeyRoleFromKind(options.at("--kind"))) {
        throw UsageError("--kind is gov_channel, eu_go_channel or authority_system");
    }
    return issueApiKey(options.at("--data"), options.at("--kind"), options.at("--name"),
                       optionOf(options, "--authority").value_or(""), out);
}

// `channel-key`: a key for gov.gr or EU-GO to file online applications with (issue 7).
int channelKey(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data", "--channel", "--name"},
                                     {"--data", "--channel"}, "channel-key");
    const auto channel = intake::channelFromCode(options.at("--channel"));
    if (!channel) {
        throw UsageError("--channel is govgr or eugo");
    }
    const std::string name = *channel == intake::IntakeChannel::GovGr ? "gov.gr" : "EU-GO";
    return issueApiKey(options.at("--data"), intake::apiKeyKindOf(*channel),
                       optionOf(options, "--name").value_or(name), "", out);
}

int authorityAdd(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data", "--id", "--name-el", "--name-en"},
                                     {"--data", "--id", "--name-el", "--name-en"}, "authority add");
    const auto store = openStore(options.at("--data"));
    const auto authority = authorities::AuthorityDirectory(*store).add(
        {options.at("--id"), options.at("--name-el"), options.at("--name-en")});
    out << "authority " << authority.id << " added\n";
    return 0;
}

// One line per authority: id, a tab, the Greek name, a tab, the English name (and a tab and
// "disabled" when it is), for people and scripts alike.
int authorityList(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options = readOptions(arguments, {"--data"}, {"--data"}, "authority list");
    const auto store = openStore(options.at("--data"));
    for (const auto& authority : authorities::AuthorityDirectory(*store).list()) {
        out << authority.id << '\t' << authority.nameEl << '\t' << authority.nameEn
            << (authority.disabled ? "\tdisabled" : "") << "\n";
    }
    return 0;
}

int apiKeyRevoke(std::span<const std::string_view> arguments, std::ostream& out) {
    const auto options =
        readOptions(arguments, {"--data", "--id"}, {"--data", "--id"}, "api-key revoke");
    const auto store = openStore(options.at("--data"));
    identity::ApiKeys keys(*store);
    if (!keys.revoke(options.at("--id"), identity::nowInstant())) {
        throw std::runtime_error("no API key with id " + options.at("--id"));
    }
    out << "api key " << options.at("--id")
        << " revoked; a running server refuses it from its next request\n";
    return 0;
}

}  // namespace

NewPasswordSource environmentOrTerminalUserPassword() {
    return []() -> std::optional<std::string> {
        if (const char* fromEnvironment = std::getenv("KEP_USER_PASSWORD")) {
            return std::string(fromEnvironment);
        }
        auto first = platform::readSecret("Password for the new user: ");
        if (!first) {
            return std::nullopt;
        }
        auto again = platform::readSecret("Again: ");
        if (!again || *again != *first) {
            throw std::runtime_error("the two passwords differ");
        }
        return first;
    };
}

bool isIdentityCommand(std::string_view name) {
    return name == "office" || name == "user" || name == "enrol-code" || name == "revoke-device" ||
           name == "api-key" || name == "authority" || name == "channel-key";
}

int runIdentityCommandLine(std::span<const std::string_view> arguments,
                           const NewPasswordSource& password, std::ostream& out,
                           std::ostream& err) {
    try {
        if (arguments.empty()) {
            throw UsageError("a command is needed");
        }
        const auto name = arguments.front();
        const auto rest = arguments.subspan(1);
        if (name == "enrol-code") {
            return enrolCode(rest, out);
        }
        if (name == "revoke-device") {
            return revokeDevice(rest, out);
        }
        if (name == "channel-key") {
            return channelKey(rest, out);
        }
        const auto verb = rest.empty() ? std::string_view() : rest.front();
        const auto options = rest.empty() ? rest : rest.subspan(1);
        if (name == "office" && verb == "add") {
            return officeAdd(options, out);
        }
        if (name == "user" && verb == "add") {
            return userAdd(options, password, out);
        }
        if (name == "user" && verb == "disable") {
            return userDisable(options, out);
        }
        if (name == "api-key" && verb == "add") {
            return apiKeyAdd(options, out);
        }
        if (name == "api-key" && verb == "revoke") {
            return apiKeyRevoke(options, out);
        }
        if (name == "authority" && verb == "add") {
            return authorityAdd(options, out);
        }
        if (name == "authority" && verb == "list") {
            return authorityList(options, out);
        }
        throw UsageError(std::string(name) + ": unknown command '" + std::string(verb) + "'");
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\n" << identityUsage();
        return 2;
    } catch (const std::exception& error) {
        err << "kep-server " << arguments.front() << ": " << error.what() << "\n";
        return 1;
    }
}

std::string identityUsage() {
    return "  kep-server office add --data DIR --code CODE --name NAME [--region R]\n"
           "  kep-server user add --data DIR --role ROLE --username U [--office CODE]\n"
           "      [--display-name N] [--region R] [--authority ID]\n"
           "      ROLE is clerk or manager (with --office) or central_admin, authority (with\n"
           "      --authority, see `authority add`), it (--region: the region an it user looks\n"
           "      after). The password comes from\n"
           "      KEP_USER_PASSWORD, else it is asked twice on the terminal; 12 to 128\n"
           "      characters, not a breached one.\n"
           "  kep-server user disable --data DIR --username U\n"
           "      Ends the user's sessions at once.\n"
           "  kep-server enrol-code --data DIR --office CODE [--valid-hours H (72)]\n"
           "      Prints a one-time workstation enrolment code for the office.\n"
           "  kep-server revoke-device --data DIR --device ID\n"
           "      A running server refuses the workstation from its next request.\n"
           "  kep-server api-key add --data DIR --kind KIND --name N [--authority A]\n"
           "      KIND is gov_channel, eu_go_channel or authority_system (with --authority).\n"
           "      Prints the new key once; only its SHA-256 is kept.\n"
           "  kep-server api-key revoke --data DIR --id ID\n"
           "      A running server refuses the key from its next request.\n"
           "  kep-server channel-key --data DIR --channel govgr|eugo [--name N]\n"
           "      Prints a new API key for gov.gr or EU-GO to file online applications with.\n"
           "  kep-server authority add --data DIR --id ID --name-el NAME --name-en NAME\n"
           "      A competent authority, by its organisation id in the MITOS register.\n"
           "  kep-server authority list --data DIR\n"
           "      One line per authority: id, Greek name, English name (tab-separated).\n";
}

}  // namespace kep::server::cli
