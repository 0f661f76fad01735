#include "cli/CatalogueDemo.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/MitosImport.h"
#include "catalogue/MitosSources.h"
#include "platform/Files.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace kep::server::cli {

namespace {

namespace fs = std::filesystem;

bool holdsCatalogue(const fs::path& dir) {
    std::error_code error;
    return fs::is_directory(dir / "el", error) && fs::is_directory(dir / "en", error);
}

}  // namespace

std::string locateSampleCatalogue(const std::string& given) {
    for (const auto& [origin, value] :
         {std::pair<std::string, std::string>{"--catalogue", given},
          {"KEP_CATALOGUE_DIR",
           std::getenv("KEP_CATALOGUE_DIR") ? std::getenv("KEP_CATALOGUE_DIR") : ""}}) {
        if (value.empty()) {
            continue;
        }
        if (!holdsCatalogue(value)) {
            throw std::runtime_error(origin + " " + value + " has no el/ and en/ folders");
        }
        return value;
    }
    std::vector<fs::path> candidates;
    std::error_code error;
    // /proc/self/exe: where this executable is, whatever the working folder.
    const auto executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto bin = executable.parent_path();
        candidates.push_back(bin / ".." / "share" / "kep" / "catalogue");
        candidates.push_back(bin / ".." / ".." / ".." / "resources" / "catalogue");
    }
    candidates.emplace_back("resources/catalogue");
#ifdef KEP_SOURCE_CATALOGUE_DIR
    candidates.emplace_back(KEP_SOURCE_CATALOGUE_DIR);
#endif
    std::string looked;
    for (const auto& candidate : candidates) {
        if (holdsCatalogue(candidate)) {
            return candidate.lexically_normal().string();
        }
        looked += (looked.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    throw std::runtime_error("no sample catalogue found (looked in " + looked +
                             "); give init --catalogue DIR or set KEP_CATALOGUE_DIR");
}

std::size_t loadSampleCatalogue(storage::ServerStore& store, const std::string& dir) {
    const auto sources = catalogue::collectSources({dir + "/el", dir + "/en"}, std::nullopt);
    std::string firstRejection;
    catalogue::ImportObserver observer;
    observer.rejected = [&](std::string_view source, const kep::catalogue::Rejection& why) {
        if (firstRejection.empty()) {
            firstRejection = catalogue::describeRejection(source, why);
        }
    };
    std::lock_guard lock(store.mutex());
    catalogue::MitosImporter importer(store.database(), observer);
    catalogue::ImportTally tally;
    for (const auto& source : sources) {
        tally +=
            importer.importInput(source.path, platform::readFile(source.path), source.language);
    }
    if (tally.rejected > 0) {
        throw std::runtime_error("the sample catalogue has a bad record: " + firstRejection);
    }
    kep::db::Transaction transaction(store.database());
    const auto published = catalogue::CatalogueStore(store.database())
                               .publishDrafts(storage::isoUtc(std::chrono::system_clock::now()));
    transaction.commit();
    return published.published;
}

}  // namespace kep::server::cli
