#include "cli/PrivacyCommand.h"

#include "cli/DataDirectory.h"
#include "cli/ImportMitosCommand.h"
#include "platform/Files.h"
#include "privacy/CitizenErasure.h"
#include "privacy/CitizenExport.h"
#include "privacy/RetentionRun.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/UtcTime.h"
#include "storage/DatabaseLocation.h"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <fstream>
#include <map>
#include <stdexcept>

namespace kep::server::cli {

namespace {

struct Usage : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// "--name value" pairs after the sub-command; every option takes a value.
std::map<std::string, std::string, std::less<>> optionsOf(
    std::span<const std::string_view> arguments) {
    std::map<std::string, std::string, std::less<>> options;
    for (std::size_t i = 2; i < arguments.size(); i += 2) {
        if (!arguments[i].starts_with("--") || i + 1 >= arguments.size()) {
            throw Usage("'" + std::string(arguments[i]) + "' is not an option with a value");
        }
        options[std::string(arguments[i])] = std::string(arguments[i + 1]);
    }
    return options;
}

std::string required(const std::map<std::string, std::string, std::less<>>& options,
                     std::string_view name) {
    const auto it = options.find(name);
    if (it == options.end() || it->second.empty()) {
        throw Usage("needs " + std::string(name));
    }
    return it->second;
}

int years(const std::map<std::string, std::string, std::less<>>& options, std::string_view name,
          int fallback) {
    const auto it = options.find(name);
    if (it == options.end()) {
        return fallback;
    }
    int value = -1;
    const auto& text = it->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
        value > privacy::kMaxRetentionYears) {
        throw Usage(std::string(name) + " needs a whole number of years from 0 to " +
                    std::to_string(privacy::kMaxRetentionYears));
    }
    return value;
}

void allowOnly(const std::map<std::string, std::string, std::less<>>& options,
               std::initializer_list<std::string_view> names) {
    for (const auto& [name, value] : options) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            throw Usage("unknown option " + name);
        }
    }
}

DataDirectory dataOf(const std::map<std::string, std::string, std::less<>>& options) {
    DataDirectory data{required(options, "--data")};
    if (!data.hasDatabase()) {
        throw std::runtime_error(data.dir + " is not an initialised data folder");
    }
    return data;
}

std::string taxIdFrom(std::istream& in) {
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
        line.pop_back();
    }
    if (!kep::domain::validateAfm(line).ok()) {
        throw Usage("standard input must hold the citizen's ΑΦΜ (9 digits, valid check digit)");
    }
    return line;
}

std::chrono::system_clock::time_point nowOf(
    const std::map<std::string, std::string, std::less<>>& options) {
    const auto it = options.find("--now");
    if (it == options.end()) {
        return std::chrono::system_clock::now();
    }
    const auto parsed = kep::domain::fromUtcText(it->second);
    if (!parsed) {
        throw Usage("--now needs an instant as 2031-01-31T08:00:00Z");
    }
    return *parsed;
}

int retention(std::string_view verb, const std::map<std::string, std::string, std::less<>>& options,
              std::ostream& out) {
    if (verb == "run") {
        allowOnly(options, {"--data", "--now", "--retention-years"});
        const auto data = dataOf(options);
        privacy::RetentionSettings settings{years(options, "--retention-years", 5)};
        if (settings.defaultYears < 1) {
            throw Usage("--retention-years must be at least 1");
        }
        const auto started = std::chrono::steady_clock::now();
        const auto result =
            privacy::runRetention(data.database, data.dir, settings, nowOf(options));
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        out << boost::json::serialize(
                   boost::json::object{{"purged", result.cases},
                                       {"content_removed", result.contentRemoved},
                                       {"wal_truncated", result.walTruncated},
                                       {"vacuumed", result.vacuumed},
                                       {"seconds", seconds}})
            << "\n";
        return kExitOk;
    }
    if (verb == "set") {
        allowOnly(options, {"--data", "--procedure", "--years", "--keep-at-least"});
        const auto data = dataOf(options);
        privacy::RetentionRule rule{required(options, "--procedure"), years(options, "--years", -1),
                                    years(options, "--keep-at-least", 0),
                                    kep::domain::toUtcText(std::chrono::system_clock::now()),
                                    "cli"};
        if (const auto problem = privacy::problemWith(rule)) {
            throw Usage(*problem);
        }
        auto db = storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadWrite});
        privacy::putRetentionRule(db, rule);
        out << "procedure " << rule.procedureId << ": purge " << rule.purgeAfterYears
            << " years after closing, keep at least " << rule.keepAtLeastYears << "\n";
        return kExitOk;
    }
    if (verb == "remove") {
        allowOnly(options, {"--data", "--procedure"});
        const auto data = dataOf(options);
        auto db = storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadWrite});
        const bool removed = privacy::removeRetentionRule(db, required(options, "--procedure"));
        out << (removed ? "removed\n" : "the procedure had no rule of its own\n");
        return kExitOk;
    }
    if (verb == "list") {
        allowOnly(options, {"--data"});
        const auto data = dataOf(options);
        auto db = storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadOnly});
        for (const auto& rule : privacy::retentionRules(db)) {
            out << rule.procedureId << "\t" << rule.purgeAfterYears << "\t" << rule.keepAtLeastYears
                << "\t" << rule.setAt << "\t" << rule.setBy << "\n";
        }
        return kExitOk;
    }
    throw Usage("retention needs run, set, remove or list");
}

int privacyVerb(std::string_view verb,
                const std::map<std::string, std::string, std::less<>>& options, std::istream& in,
                std::ostream& out, std::ostream& err) {
    if (verb == "erase") {
        allowOnly(options, {"--data", "--reason", "--retention-years"});
        const auto data = dataOf(options);
        const auto reason = required(options, "--reason");
        const auto taxId = taxIdFrom(in);
        const auto outcome = privacy::eraseCitizen(
            data.database, data.dir, taxId, reason, privacy::commandLineActor(),
            {years(options, "--retention-years", 5)}, privacy::citizenRefsOf(data.dir),
            std::chrono::system_clock::now());
        if (outcome.refused()) {
            for (const auto& blocked : outcome.blocked) {
                err << "kep-server privacy erase: refused: case " << blocked.caseId
                    << (blocked.why == "open" ? " is open\n" : " is within its legal retention\n");
            }
            return kExitRejected;
        }
        out << "erased " << outcome.erased.size() << " cases, removed "
            << outcome.purge.contentRemoved << " files\n";
        return kExitOk;
    }
    if (verb == "export") {
        allowOnly(options, {"--data", "--format", "--lang", "--out"});
        const auto data = dataOf(options);
        const auto format = options.contains("--format") ? options.at("--format") : "json";
        const auto lang = options.contains("--lang") ? options.at("--lang") : "el";
        if ((format != "json" && format != "pdf") || (lang != "el" && lang != "en")) {
            throw Usage("--format is json or pdf, --lang el or en");
        }
        const auto file = required(options, "--out");
        const auto taxId = taxIdFrom(in);
        const auto now = std::chrono::system_clock::now();
        const auto refs = privacy::citizenRefsOf(data.dir);
        const auto exported = privacy::gatherCitizenExport(data.database, taxId, refs, now);
        privacy::auditCitizenExport(data.database, privacy::commandLineActor(), refs.of(taxId),
                                    now);
        const auto bytes = format == "json"
                               ? boost::json::serialize(exported.document)
                               : privacy::citizenExportPdf(
                                     exported, lang == "el" ? privacy::ExportLanguage::Greek
                                                            : privacy::ExportLanguage::English);
        // Owner-only, and never over an existing file: it holds a person's data.
        platform::writeNewFile(file, bytes, 0600);
        out << "exported " << exported.cases.size() << " cases to " << file << "\n";
        return kExitOk;
    }
    throw Usage("privacy needs erase or export");
}

}  // namespace

bool isPrivacyCommand(std::string_view name) {
    return name == "retention" || name == "privacy";
}

int runPrivacyCommandLine(std::span<const std::string_view> arguments, std::istream& in,
                          std::ostream& out, std::ostream& err) {
    const std::string command{arguments.empty() ? "" : arguments[0]};
    try {
        if (arguments.size() < 2) {
            throw Usage(command + " needs a sub-command");
        }
        const auto options = optionsOf(arguments);
        return command == "retention" ? retention(arguments[1], options, out)
                                      : privacyVerb(arguments[1], options, in, out, err);
    } catch (const Usage& error) {
        err << "kep-server " << command << ": " << error.what() << "\n" << privacyUsage();
        return kExitUsage;
    } catch (const std::exception& error) {
        err << "kep-server " << command << ": " << error.what() << "\n";
        return kExitFailed;
    }
}

std::string privacyUsage() {
    return "  kep-server retention run --data DIR [--now ISO] [--retention-years N]\n"
           "      Purges the personal data of closed cases whose retention has run out (the\n"
           "      procedure's rule, else N years after closing, default 5); prints JSON counts.\n"
           "  kep-server retention set --data DIR --procedure ID --years N [--keep-at-least M]\n"
           "  kep-server retention remove --data DIR --procedure ID\n"
           "  kep-server retention list --data DIR\n"
           "      A procedure's own rule: purge N years after closing; erasure on request is\n"
           "      refused for M years after closing (the law's minimum).\n"
           "  kep-server privacy erase --data DIR --reason CODE      (the ΑΦΜ on standard input)\n"
           "      Purges every case of the citizen; refused (exit 1) while one is open or within\n"
           "      its legal retention.\n"
           "  kep-server privacy export --data DIR --out FILE [--format json|pdf] [--lang el|en]\n"
           "      Writes everything held about the citizen (GDPR Art. 15); the ΑΦΜ on standard\n"
           "      input.\n";
}

}  // namespace kep::server::cli
