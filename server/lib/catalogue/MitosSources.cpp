#include "catalogue/MitosSources.h"

#include <algorithm>
#include <filesystem>

namespace kep::server::catalogue {

namespace fs = std::filesystem;
using kep::catalogue::Language;

namespace {

std::optional<Language> languageOfFolders(const fs::path& path) {
    for (auto folder = fs::absolute(path).lexically_normal(); !folder.empty();
         folder = folder.parent_path()) {
        const auto name = folder.filename().string();
        if (name == "el") {
            return Language::El;
        }
        if (name == "en") {
            return Language::En;
        }
        if (folder == folder.parent_path()) {
            break;
        }
    }
    return std::nullopt;
}

bool isMitosFile(const fs::directory_entry& entry) {
    const auto extension = entry.path().extension();
    return entry.is_regular_file() && (extension == ".json" || extension == ".jsonl");
}

}  // namespace

std::vector<MitosSource> collectSources(const std::vector<std::string>& paths,
                                        std::optional<Language> language) {
    std::vector<MitosSource> sources;
    for (const auto& text : paths) {
        const fs::path path(text);
        std::error_code error;
        const auto status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            throw SourceError(text + ": no such file or folder");
        }
        const auto pathLanguage = language ? language : languageOfFolders(path);
        if (!pathLanguage) {
            throw SourceError(text +
                              ": cannot tell its language; give --lang el|en or keep the files "
                              "in a folder named el or en");
        }
        if (!fs::is_directory(status)) {
            sources.push_back({text, *pathLanguage});
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(path)) {
            if (isMitosFile(entry)) {
                files.push_back(entry.path().string());
            }
        }
        std::sort(files.begin(), files.end());
        for (auto& file : files) {
            sources.push_back({std::move(file), *pathLanguage});
        }
    }
    return sources;
}

}  // namespace kep::server::catalogue
