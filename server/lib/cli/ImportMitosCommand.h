// `kep-server import-mitos`: reads MITOS documents from files or from a MITOS-compatible API into
// catalogue drafts, reporting each rejected record and ending with a summary line.
#pragma once

#include "shared/catalogue/LocalizedText.h"

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::cli {

// Exit statuses of the catalogue commands (import-mitos, catalogue …).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;  // some records (or an unknown id) refused; the rest done
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailed = 3;  // nothing could be done: no data folder, database, network

struct ImportMitosOptions {
    std::string dataDir;
    std::optional<kep::catalogue::Language> language;
    std::vector<std::string> paths;
    std::string fromUrl;  // a MITOS-compatible API instead of paths
    std::string caFile;   // what the API's certificate must chain to (with --from-url)
    std::size_t pageSize = 100;
};

// Arguments after "import-mitos". Throws UsageError.
ImportMitosOptions parseImportMitos(std::span<const std::string_view> arguments);

// Rejections and progress go to `err` (progress only when `showProgress`: a terminal), the
// summary "imported N, unchanged N, rejected N" to `out`. Returns one of the kExit* statuses.
int runImportMitos(const ImportMitosOptions& options, std::ostream& out, std::ostream& err,
                   bool showProgress);

}  // namespace kep::server::cli
