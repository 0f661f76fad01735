// libFuzzer target: the MITOS importer's parser (one document, an array, JSON Lines) and the
// merge of a Greek and an English parse — bad records are rejected one by one, nothing throws.
#include "FuzzCheck.h"

#include "shared/catalogue/CanonicalForm.h"
#include "shared/catalogue/MitosParser.h"
#include "shared/catalogue/Procedure.h"
#include "shared/catalogue/ProcedureMerge.h"

#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace {

using kep::fuzz::expect;

// Separates the Greek input from the English one (ASCII record separator). Without it the
// same bytes are read as both languages, so every id meets itself in the merge.
constexpr char kLanguageSeparator = '\x1e';

// Small enough that the fuzzer reaches the limits with short inputs.
kep::catalogue::ParseLimits tightLimits() {
    kep::catalogue::ParseLimits limits;
    limits.maxInputBytes = 1 << 16;
    limits.maxRecordBytes = 1 << 14;
    limits.maxRecords = 8;
    limits.maxListItems = 8;
    limits.maxIdBytes = 16;
    limits.maxDepth = 12;
    return limits;
}

// Deeper than any document the parser accepts, so that re-reading one never fails on depth.
boost::json::parse_options deepDocuments() {
    boost::json::parse_options options;
    options.max_depth = 1024;
    return options;
}

// Boost.JSON 1.81 does not round every decimal correctly (exact parsing came in 1.83), so a
// document with a non-integral or huge number may read back as a neighbouring double: the
// fixed-point check leaves such documents out (reported to the catalogue's owner).
bool holdsDouble(const boost::json::value& value) {
    if (value.is_double()) {
        return true;
    }
    if (const auto* array = value.if_array()) {
        for (const auto& element : *array) {
            if (holdsDouble(element)) {
                return true;
            }
        }
    }
    if (const auto* object = value.if_object()) {
        for (const auto& member : *object) {
            if (holdsDouble(member.value())) {
                return true;
            }
        }
    }
    return false;
}

std::set<std::string> idsOf(const kep::catalogue::MitosParseResult& parsed) {
    std::set<std::string> ids;
    for (const auto& procedure : parsed.procedures) {
        expect(ids.insert(procedure.id).second, "an id is accepted at most once per input");
    }
    return ids;
}

kep::catalogue::MitosParseResult parse(std::string_view bytes, kep::catalogue::Language language,
                                       const kep::catalogue::ParseLimits& limits) {
    auto parsed = kep::catalogue::parseMitos(bytes, language, limits);
    for (const auto& rejection : parsed.rejections) {
        expect(!rejection.reason.empty(), "a rejection says why");
    }
    return parsed;
}

// The checklist names each document by Procedure::evidenceIds(): one id per evidence, none
// empty, no two alike (a checklist refuses repeats), whatever numbers the register gave.
void checkEvidenceIds(const kep::catalogue::Procedure& procedure) {
    const auto ids = procedure.evidenceIds();
    expect(ids.size() == procedure.evidences.size(), "one checklist id per evidence");
    std::set<std::string> unique;
    for (const auto& id : ids) {
        expect(!id.empty() && unique.insert(id).second, "checklist ids are unique and not empty");
    }
}

void checkMerged(std::string_view greekBytes, std::string_view englishBytes,
                 const kep::catalogue::ParseLimits& limits) {
    auto greek = parse(greekBytes, kep::catalogue::Language::El, limits);
    auto english = parse(englishBytes, kep::catalogue::Language::En, limits);
    auto expected = idsOf(greek);
    expected.merge(idsOf(english));

    const auto merged =
        kep::catalogue::mergeCatalogue(std::move(greek.procedures), std::move(english.procedures));
    std::set<std::string> mergedIds;
    for (const auto& procedure : merged) {
        expect(mergedIds.insert(procedure.id).second, "the merge gives each id once");
        // The canonical form is what the content hash is taken over: it must be a fixed point,
        // or re-importing unchanged data would look like a change.
        const auto canonical = kep::catalogue::canonicalJson(procedure);
        boost::json::error_code ec;
        const auto reread = boost::json::parse(canonical, ec, {}, deepDocuments());
        expect(!ec, "the canonical form is valid JSON");
        expect(holdsDouble(reread) || kep::catalogue::canonicalJson(reread) == canonical,
               "the canonical form is canonical");
        expect(kep::catalogue::contentHash(procedure).size() == 64, "a content hash is SHA-256");
        checkEvidenceIds(procedure);
    }
    expect(mergedIds == expected, "the merge keeps every id of either language and no other");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const kep::catalogue::ParseLimits defaults;
    static const auto tight = tightLimits();
    const auto separator = bytes.find(kLanguageSeparator);
    const auto greek = bytes.substr(0, separator);
    const auto english = separator == std::string_view::npos ? bytes : bytes.substr(separator + 1);
    checkMerged(greek, english, defaults);
    checkMerged(greek, english, tight);
    return 0;
}
