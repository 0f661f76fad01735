#include "catalogue/StoredProcedure.h"

#include "shared/catalogue/MitosRecord.h"
#include "shared/catalogue/ProcedureMerge.h"

#include <boost/json/parse.hpp>

#include <stdexcept>
#include <utility>

namespace kep::server::catalogue {

namespace json = boost::json;
using kep::catalogue::Language;
using kep::catalogue::Procedure;

namespace {

json::object parseStored(std::string_view canonicalJson) {
    std::error_code error;
    auto value = json::parse(canonicalJson, error);
    if (error || !value.is_object()) {
        throw std::runtime_error("a stored catalogue version is not a JSON object");
    }
    return std::move(value.get_object());
}

Language other(Language language) {
    return language == Language::El ? Language::En : Language::El;
}

}  // namespace

Procedure withOtherLanguageOf(Procedure imported, Language language,
                              std::optional<std::string_view> latestCanonical) {
    auto& otherDocument = imported.documents.slot(other(language));
    otherDocument = nullptr;
    if (latestCanonical) {
        auto stored = parseStored(*latestCanonical);
        if (auto* document = stored.if_contains(kep::catalogue::languageCode(other(language)))) {
            otherDocument = std::move(*document);
        }
    }
    return imported;
}

Procedure restoreProcedure(std::string_view canonicalJson) {
    auto stored = parseStored(canonicalJson);
    std::optional<Procedure> sides[2];
    for (const auto language : {Language::El, Language::En}) {
        auto* document = stored.if_contains(kep::catalogue::languageCode(language));
        if (document == nullptr) {
            continue;
        }
        auto outcome = kep::catalogue::readMitosRecord(std::move(*document), language);
        if (!outcome.procedure) {
            throw std::runtime_error("a stored catalogue version does not read back: " +
                                     outcome.rejection);
        }
        sides[language == Language::El ? 0 : 1] = std::move(outcome.procedure);
    }
    if (sides[0] && sides[1]) {
        return kep::catalogue::mergeLanguages(std::move(*sides[0]), std::move(*sides[1]));
    }
    if (sides[0] || sides[1]) {
        return std::move(sides[0] ? *sides[0] : *sides[1]);
    }
    throw std::runtime_error("a stored catalogue version holds no document");
}

}  // namespace kep::server::catalogue
