#include "cli/CatalogueCommand.h"

#include "catalogue/CataloguePublication.h"
#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "cli/ImportMitosCommand.h"
#include "platform/Files.h"
#include "shared/catalogue/ProcedureDiff.h"

#include <unistd.h>

#include <chrono>
#include <limits>
#include <mutex>
#include <sstream>

namespace kep::server::cli {

namespace {

using kep::catalogue::Language;
using Action = CatalogueOptions::Action;

constexpr std::string_view kCommand = "kep-server catalogue: ";

bool parseYesNo(std::string_view option, std::string_view text) {
    if (text == "yes") {
        return true;
    }
    if (text == "no") {
        return false;
    }
    throw UsageError(std::string(option) + " needs yes or no, not '" + std::string(text) + "'");
}

std::string indented(const std::string& text, std::string_view indent) {
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        out += std::string(indent) + line + "\n";
    }
    return out;
}

const std::string& titleIn(const catalogue::StoredVersion& version, Language language) {
    return language == Language::El || version.titleEn.empty() ? version.titleEl : version.titleEn;
}

int diff(catalogue::CatalogueStore& store, Language language, std::ostream& out) {
    std::size_t added = 0;
    std::size_t changed = 0;
    const auto review = catalogue::reviewDrafts(store, 0, std::numeric_limits<std::size_t>::max());
    for (const auto& draft : review.drafts) {
        const auto& id = draft.draft.procedureId;
        if (!draft.published) {
            out << "+ " << id << " «" << titleIn(draft.draft, language) << "» (new)\n";
            ++added;
            continue;
        }
        out << "~ " << id << " «" << titleIn(draft.draft, language) << "» version "
            << draft.published->version << " → " << draft.draft.version << "\n";
        ++changed;
        const auto summary = kep::catalogue::diffSummary(draft.difference, language);
        out << (summary.empty() ? "    (only fields the desk does not show changed)\n"
                                : indented(summary, "    "));
    }
    out << added + changed << " draft(s): " << added << " new, " << changed << " changed\n";
    return kExitOk;
}

int history(catalogue::CatalogueStore& store, const std::string& id, std::ostream& out,
            std::ostream& err) {
    const auto versions = store.history(id);
    if (versions.empty()) {
        err << kCommand << "no procedure " << id << " in the catalogue\n";
        return kExitRejected;
    }
    for (const auto& version : versions) {
        out << "v" << version.version << "  "
            << (version.publishedAt ? "published " + *version.publishedAt
                                    : std::string("draft               "))
            << "  imported " << version.importedAt << "  " << version.contentHash.substr(0, 12)
            << "  «" << version.titleEl << "»\n";
    }
    const auto options = store.options(id);
    out << "options: requires approval " << (options->requiresApproval ? "yes" : "no")
        << ", competent authority " << options->competentAuthorityId.value_or("(register's)")
        << ", offered at KEP " << (options->offeredAtKep ? "yes" : "no") << "\n";
    return kExitOk;
}

}  // namespace

Language parseLanguage(std::string_view text) {
    if (text == "el") {
        return Language::El;
    }
    if (text == "en") {
        return Language::En;
    }
    throw UsageError("--lang needs el or en, not '" + std::string(text) + "'");
}

std::unique_ptr<storage::ServerStore> openCatalogueDatabase(const std::string& dataDir) {
    const DataDirectory data(dataDir);
    if (!data.hasDatabase()) {
        throw std::runtime_error(dataDir +
                                 " is not an initialised data folder (run: kep-server "
                                 "init --data " +
                                 dataDir + ")");
    }
    return openServerStore(data);
}

CatalogueOptions parseCatalogue(std::span<const std::string_view> arguments) {
    if (arguments.empty()) {
        throw UsageError("catalogue needs one of: diff, publish, history, set");
    }
    CatalogueOptions options;
    const auto action = arguments.front();
    if (action == "diff") {
        options.action = Action::Diff;
    } else if (action == "publish") {
        options.action = Action::Publish;
    } else if (action == "history") {
        options.action = Action::History;
    } else if (action == "set") {
        options.action = Action::Set;
    } else {
        throw UsageError("catalogue: unknown action '" + std::string(action) + "'");
    }
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto argument = arguments[i];
        auto value = [&]() {
            if (i + 1 >= arguments.size()) {
                throw UsageError(std::string(argument) + " needs a value");
            }
            return arguments[++i];
        };
        const bool forSet = options.action == Action::Set;
        if (argument == "--data") {
            options.dataDir = value();
        } else if (argument == "--id" && (forSet || options.action == Action::History)) {
            options.id = value();
        } else if (argument == "--id" && options.action == Action::Publish) {
            options.publishIds.emplace_back(value());
        } else if (argument == "--lang" && options.action == Action::Diff) {
            options.language = parseLanguage(value());
        } else if (argument == "--requires-approval" && forSet) {
            options.requiresApproval = parseYesNo(argument, value());
        } else if (argument == "--authority" && forSet) {
            options.authority = std::string(value());
        } else if (argument == "--offered" && forSet) {
            options.offered = parseYesNo(argument, value());
        } else {
            throw UsageError("catalogue " + std::string(action) + ": unknown argument '" +
                             std::string(argument) + "'");
        }
    }
    if (options.dataDir.empty()) {
        throw UsageError("catalogue " + std::string(action) + " needs --data DIR");
    }
    if ((options.action == Action::History || options.action == Action::Set) &&
        options.id.empty()) {
        throw UsageError("catalogue " + std::string(action) + " needs --id ID");
    }
    if (options.action == Action::Set && !options.requiresApproval && !options.authority &&
        !options.offered) {
        throw UsageError("catalogue set needs --requires-approval, --authority or --offered");
    }
    return options;
}

int runCatalogue(const CatalogueOptions& options, std::ostream& out, std::ostream& err) {
    try {
        auto database = openCatalogueDatabase(options.dataDir);
        std::lock_guard lock(database->mutex());
        catalogue::CatalogueStore store(database->database());
        switch (options.action) {
            case Action::Diff:
                return diff(store, options.language, out);
            case Action::History:
                return history(store, options.id, out, err);
            case Action::Publish: {
                catalogue::PublishResult result;
                try {
                    result = catalogue::publish(
                        database->database(),
                        {.all = options.publishIds.empty(), .ids = options.publishIds},
                        storage::isoUtc(std::chrono::system_clock::now()));
                } catch (const catalogue::NoDraftError& error) {
                    err << kCommand << error.what() << "; nothing was published\n";
                    return kExitRejected;
                }
                out << "published " << result.published << " procedure(s); catalogue sequence "
                    << result.lastSeq << "\n";
                return kExitOk;
            }
            case Action::Set: {
                const auto outcome =
                    catalogue::setOptions(database->database(), options.id,
                                          {.requiresApproval = options.requiresApproval,
                                           .competentAuthorityId = options.authority,
                                           .offeredAtKep = options.offered});
                if (!outcome) {
                    err << kCommand << "no procedure " << options.id << " in the catalogue\n";
                    return kExitRejected;
                }
                out << "set the options of " << options.id << "; catalogue sequence "
                    << outcome->catalogueSeq << "\n";
                return kExitOk;
            }
        }
    } catch (const std::exception& error) {
        err << kCommand << error.what() << "\n";
    }
    return kExitFailed;
}

bool isCatalogueCommand(std::string_view name) {
    return name == "import-mitos" || name == "catalogue";
}

int runCatalogueCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                            std::ostream& err) {
    try {
        if (arguments.front() == "import-mitos") {
            return runImportMitos(parseImportMitos(arguments.subspan(1)), out, err,
                                  isatty(STDERR_FILENO) == 1);
        }
        return runCatalogue(parseCatalogue(arguments.subspan(1)), out, err);
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\n" << catalogueUsage();
        return kExitUsage;
    }
}

std::string catalogueUsage() {
    return "  kep-server import-mitos --data DIR [--lang el|en] PATH…\n"
           "  kep-server import-mitos --data DIR --from-url BASE --ca FILE [--page-size N]\n"
           "      Imports MITOS services-extended documents (a file, a JSON array, JSON Lines or\n"
           "      a folder of them; the language from --lang or an el/ or en/ folder) into\n"
           "      catalogue drafts. Exit 1 when a record was rejected, 2 on a usage error, 3\n"
           "      when it could not run.\n"
           "  kep-server catalogue diff --data DIR [--lang el|en]\n"
           "  kep-server catalogue publish --data DIR [--id ID]…\n"
           "      Publishes every draft, or only those of the procedures named (all or none).\n"
           "  kep-server catalogue history --data DIR --id ID\n"
           "  kep-server catalogue set --data DIR --id ID [--requires-approval yes|no]\n"
           "      [--authority ORG_ID] [--offered yes|no]\n";
}

}  // namespace kep::server::cli
