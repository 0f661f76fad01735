// `kep-server catalogue diff|publish|history|set`: what a central administrator does with the
// drafts an import made — see what changed, publish, look back, set the KEP-side options.
#pragma once

#include "shared/catalogue/LocalizedText.h"
#include "storage/ServerStore.h"

#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::cli {

struct CatalogueOptions {
    enum class Action { Diff, Publish, History, Set };
    Action action = Action::Diff;
    std::string dataDir;
    std::string id;                       // history, set
    std::vector<std::string> publishIds;  // publish: these procedures' drafts; empty: all
    kep::catalogue::Language language = kep::catalogue::Language::El;  // diff labels
    std::optional<bool> requiresApproval;                              // set
    std::optional<std::string> authority;                              // set; "" clears it
    std::optional<bool> offered;                                       // set
};

// Arguments after "catalogue". Throws UsageError.
CatalogueOptions parseCatalogue(std::span<const std::string_view> arguments);

// Returns one of the kExit* statuses of ImportMitosCommand.h.
int runCatalogue(const CatalogueOptions& options, std::ostream& out, std::ostream& err);

// True for the commands this file and ImportMitosCommand.h answer ("import-mitos", "catalogue").
bool isCatalogueCommand(std::string_view name);
// Parses and runs one of them (arguments include the command's name); a usage error prints the
// reason and catalogueUsage() on `err` and returns kExitUsage.
int runCatalogueCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                            std::ostream& err);
// The usage lines of the catalogue commands, in the style of CommandLine.h's usage().
std::string catalogueUsage();

// "el" / "en"; throws UsageError.
kep::catalogue::Language parseLanguage(std::string_view text);
// Opens DIR's database for a catalogue command; throws std::runtime_error naming what is wrong.
std::unique_ptr<storage::ServerStore> openCatalogueDatabase(const std::string& dataDir);

}  // namespace kep::server::cli
