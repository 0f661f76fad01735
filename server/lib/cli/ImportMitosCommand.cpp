#include "cli/ImportMitosCommand.h"

#include "catalogue/MitosFetch.h"
#include "catalogue/MitosImport.h"
#include "catalogue/MitosSources.h"
#include "cli/CatalogueCommand.h"
#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "platform/Files.h"
#include "storage/ServerStore.h"

#include <charconv>
#include <mutex>

namespace kep::server::cli {

namespace {

using kep::catalogue::Language;

constexpr std::string_view kCommand = "kep-server import-mitos: ";

// Rewrites one terminal line with the input being read and how far it got.
class ProgressLine {
public:
    ProgressLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
    ~ProgressLine() { clear(); }

    void show(std::string_view source, std::size_t done, std::size_t total) {
        if (!enabled_ || (done % 50 != 0 && done != total)) {
            return;
        }
        err_ << "\r\x1b[K" << source << "  " << done << "/" << total << std::flush;
        shown_ = true;
    }
    void clear() {
        if (shown_) {
            err_ << "\r\x1b[K" << std::flush;
            shown_ = false;
        }
    }

private:
    std::ostream& err_;
    bool enabled_;
    bool shown_ = false;
};

std::size_t parsePageSize(std::string_view text) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 1000) {
        throw UsageError("--page-size needs a whole number from 1 to 1000");
    }
    return value;
}

}  // namespace

ImportMitosOptions parseImportMitos(std::span<const std::string_view> arguments) {
    ImportMitosOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const auto argument = arguments[i];
        auto value = [&]() {
            if (i + 1 >= arguments.size()) {
                throw UsageError(std::string(argument) + " needs a value");
            }
            return std::string(arguments[++i]);
        };
        if (argument == "--data") {
            options.dataDir = value();
        } else if (argument == "--lang") {
            options.language = parseLanguage(value());
        } else if (argument == "--from-url") {
            options.fromUrl = value();
        } else if (argument == "--ca") {
            options.caFile = value();
        } else if (argument == "--page-size") {
            options.pageSize = parsePageSize(value());
        } else if (argument.starts_with("--")) {
            throw UsageError("import-mitos: unknown argument '" + std::string(argument) + "'");
        } else {
            options.paths.emplace_back(argument);
        }
    }
    if (options.dataDir.empty()) {
        throw UsageError("import-mitos needs --data DIR");
    }
    if (options.fromUrl.empty() == options.paths.empty()) {
        throw UsageError("import-mitos needs either PATH… or --from-url BASE");
    }
    if (!options.fromUrl.empty() && options.caFile.empty()) {
        throw UsageError("--from-url needs --ca FILE (the CA the API's certificate chains to)");
    }
    return options;
}

int runImportMitos(const ImportMitosOptions& options, std::ostream& out, std::ostream& err,
                   bool showProgress) {
    ProgressLine progress(err, showProgress);
    catalogue::ImportTally tally;
    try {
        std::vector<catalogue::MitosSource> sources;
        if (options.fromUrl.empty()) {
            sources = catalogue::collectSources(options.paths, options.language);
        }
        auto store = openCatalogueDatabase(options.dataDir);
        catalogue::ImportObserver observer;
        observer.rejected = [&](std::string_view source, const kep::catalogue::Rejection& why) {
            progress.clear();
            err << kCommand << catalogue::describeRejection(source, why) << "\n";
        };
        observer.progress = [&](std::string_view source, std::size_t done, std::size_t total) {
            progress.show(source, done, total);
        };
        std::lock_guard lock(store->mutex());
        catalogue::MitosImporter importer(store->database(), observer);

        if (!options.fromUrl.empty()) {
            catalogue::MitosApi api{
                .baseUrl = options.fromUrl, .caFile = options.caFile, .pageSize = options.pageSize};
            catalogue::fetchMitos(api, [&](const catalogue::FetchedPage& page) {
                for (const auto& failure : page.failures) {
                    observer.rejected(page.source, failure);
                }
                tally.rejected += page.failures.size();
                tally += importer.importInput(page.source, page.documents, page.language);
            });
        }
        for (const auto& source : sources) {
            std::string bytes;
            try {
                bytes = platform::readFile(source.path);
            } catch (const std::runtime_error& error) {
                observer.rejected(source.path, catalogue::rejectionOf({}, error.what()));
                ++tally.rejected;
                continue;
            }
            tally += importer.importInput(source.path, bytes, source.language);
        }
    } catch (const catalogue::SourceError& error) {
        err << kCommand << error.what() << "\n";
        return kExitUsage;
    } catch (const std::exception& error) {
        progress.clear();
        err << kCommand << error.what() << "\n";
        if (tally.imported + tally.unchanged > 0) {
            // Each input is one transaction: the ones before the failure stay imported.
            err << kCommand << "stopped; the inputs read before this one are imported\n";
        }
        out << "imported " << tally.imported << ", unchanged " << tally.unchanged << ", rejected "
            << tally.rejected << "\n";
        return kExitFailed;
    }
    progress.clear();
    out << "imported " << tally.imported << ", unchanged " << tally.unchanged << ", rejected "
        << tally.rejected << "\n";
    return tally.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace kep::server::cli
