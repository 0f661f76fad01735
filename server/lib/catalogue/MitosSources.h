// The files an import reads: PATHs given on the command line (a document, an array, JSON Lines,
// or a folder of them), each with the language it is in — named, or told by an el/ or en/ folder.
#pragma once

#include "shared/catalogue/LocalizedText.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kep::server::catalogue {

struct MitosSource {
    std::string path;
    kep::catalogue::Language language;
};

// Thrown for a path that does not exist or whose language cannot be told; nothing is read yet.
class SourceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A folder contributes its *.json and *.jsonl files (not its subfolders), in name order; paths
// keep the order given. Without `language`, a path's language is that of the nearest folder
// named "el" or "en" among the path itself and its parents.
std::vector<MitosSource> collectSources(const std::vector<std::string>& paths,
                                        std::optional<kep::catalogue::Language> language);

}  // namespace kep::server::catalogue
