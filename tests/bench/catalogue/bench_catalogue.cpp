// Benchmarks of kep_catalogue against issue 4's targets: parse + merge of 5,000 procedures
// (< 3 s for the whole import), search per keystroke p99 over 5,000 (< 5 ms), index memory
// (< 50 MB). Usage: bench_catalogue [--smoke | --quick]
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "BenchProtocol.h"
#include "shared/catalogue/CatalogueSearch.h"
#include "shared/catalogue/MitosParser.h"
#include "shared/catalogue/ProcedureMerge.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kep::catalogue;
namespace fs = std::filesystem;

struct Sizes {
    int procedures;
    int typingRounds;  // times the 20 queries are typed
};

constexpr Sizes kSmoke{200, 1};
constexpr Sizes kQuick{5'000, 1};
constexpr Sizes kFull{5'000, 5};

// What clerks type, in the scripts and spellings they use, against the generator's vocabulary.
constexpr const char* kQueries[] = {
    "άδεια διαμονής",
    "αδεια διαμονης",
    "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ",
    "adeia diamonis",
    "residence permit",
    "πιστοποιητικό",
    "έκδοση πιστοποιητικού",
    "ανανέωση άδειας οδήγησης",
    "adeia odigisis",
    "driving licence",
    "επίδομα μητρότητας",
    "epidoma mitrotitas",
    "συνταξη αναπηρ",
    "δελτίο ταυτότητας",
    "deltio taftotitas",
    "πολυτεκν οικογεν",
    "υγειονομικού ενδιαφέροντος",
    "beekeeping",
    "άδεια λειτουργίας φαρμακείου",
    "ιθαγένεια",
};

std::size_t gSink = 0;

using kep::bench::row;

double percentile(std::vector<double> samples, double p) {
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

std::size_t heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

// The synthetic catalogue of `count` procedures in one language, generated once per size into
// TMPDIR (the runner points it at <build>/bench-tmp) and reused: the generator is deterministic.
std::string syntheticCatalogue(int count, const char* lang) {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path dir = tmp != nullptr && *tmp != '\0' ? fs::path(tmp) : fs::temp_directory_path();
    const fs::path file = dir / ("kep-catalogue-" + std::to_string(count) + "-" + lang + ".jsonl");
    if (!fs::exists(file)) {
        const fs::path part = fs::path(file).concat(".part");
        const std::string command =
            "python3 '" KEP_SOURCE_DIR "/resources/catalogue/generate-synthetic.py' --count " +
            std::to_string(count) + " --seed 1 --lang " + lang + " --out '" + part.string() + "'";
        if (std::system(command.c_str()) != 0) {
            std::fprintf(stderr, "bench_catalogue: generating the catalogue failed: %s\n",
                         command.c_str());
            std::exit(1);
        }
        fs::rename(part, file);
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<Procedure> benchParse(const Sizes& sizes) {
    const std::string greek = syntheticCatalogue(sizes.procedures, "el");
    const std::string english = syntheticCatalogue(sizes.procedures, "en");
    const auto start = Clock::now();
    MitosParseResult el = parseMitos(greek, Language::El);
    MitosParseResult en = parseMitos(english, Language::En);
    std::vector<Procedure> catalogue =
        mergeCatalogue(std::move(el.procedures), std::move(en.procedures));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (static_cast<int>(catalogue.size()) != sizes.procedures || !el.rejections.empty() ||
        !en.rejections.empty()) {
        std::fprintf(
            stderr, "bench_catalogue: expected %d procedures, got %zu (%zu+%zu rejected)\n",
            sizes.procedures, catalogue.size(), el.rejections.size(), en.rejections.size());
        std::exit(1);
    }
    std::printf("parsed %.1f MB (el + en) into %zu procedures\n",
                static_cast<double>(greek.size() + english.size()) / 1e6, catalogue.size());
    row("catalogue.parse_merge_5000_procedures", seconds, "s", "<", 3);
    return catalogue;
}

void benchSearch(const Sizes& sizes, const std::vector<Procedure>& catalogue) {
    const std::size_t heapBefore = heapInUse();
    const auto buildStart = Clock::now();
    const CatalogueSearch index(catalogue);
    const double buildSeconds = std::chrono::duration<double>(Clock::now() - buildStart).count();
    const double indexMb = static_cast<double>(heapInUse() - heapBefore) / (1024.0 * 1024.0);
    std::printf("index of %zu procedures built in %.3f s; %.1f MB by its own count\n", index.size(),
                buildSeconds, static_cast<double>(index.memoryBytes()) / (1024.0 * 1024.0));

    // Each keystroke is one search of what has been typed so far (code point by code point).
    std::vector<double> millis;
    for (int round = 0; round < sizes.typingRounds; ++round) {
        for (const char* query : kQueries) {
            const std::string_view full(query);
            for (std::size_t end = 1; end <= full.size(); ++end) {
                if (end < full.size() && (static_cast<unsigned char>(full[end]) & 0xC0U) == 0x80U) {
                    continue;  // the middle of a Greek letter is not a keystroke
                }
                const Language language =
                    static_cast<unsigned char>(full[0]) < 0x80U ? Language::En : Language::El;
                const auto start = Clock::now();
                const auto hits = index.search(full.substr(0, end), language, 20);
                millis.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                gSink += hits.size();
            }
        }
    }
    std::printf("%zu keystrokes; median %.3f ms, max %.3f ms\n", millis.size(),
                percentile(millis, 0.5), *std::max_element(millis.begin(), millis.end()));
    row("catalogue.search_keystroke_p99_5000_procedures", percentile(millis, 0.99), "ms", "<", 5);
    row("catalogue.search_index_memory_5000_procedures", indexMb, "MB", "<", 50);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    const std::size_t heapBefore = heapInUse();
    std::vector<Procedure> catalogue = benchParse(sizes);
    std::printf("the parsed procedures with their documents hold %.1f MB\n",
                static_cast<double>(heapInUse() - heapBefore) / (1024.0 * 1024.0));
    // A desk needs the typed fields, not the register's documents (the server keeps those).
    for (Procedure& procedure : catalogue) {
        procedure.documents = {};
    }
    std::printf("without the documents, the typed fields hold %.1f MB\n",
                static_cast<double>(heapInUse() - heapBefore) / (1024.0 * 1024.0));
    benchSearch(sizes, catalogue);
    return gSink == 0 ? 1 : 0;
}
