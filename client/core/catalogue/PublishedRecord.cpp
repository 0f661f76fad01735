#include "catalogue/PublishedRecord.h"

#include "shared/catalogue/MitosRecord.h"
#include "shared/catalogue/ProcedureMerge.h"

#include <boost/json.hpp>

namespace kep::desk::catalogue {

namespace json = boost::json;
using kep::catalogue::Language;

namespace {

[[noreturn]] void malformed(const std::string& what) {
    throw RecordFormatError("catalogue record: " + what);
}

const json::value& member(const json::object& object, std::string_view key,
                          const std::string& where) {
    const json::value* found = object.if_contains(key);
    if (found == nullptr) {
        malformed(where + " has no \"" + std::string(key) + "\"");
    }
    return *found;
}

std::int64_t integer(const json::object& object, std::string_view key, const std::string& where) {
    const json::value& value = member(object, key, where);
    if (value.is_int64()) {
        return value.get_int64();
    }
    if (value.is_uint64() && value.get_uint64() <= std::uint64_t(INT64_MAX)) {
        return std::int64_t(value.get_uint64());
    }
    malformed(where + " \"" + std::string(key) + "\" is not a whole number");
}

std::string text(const json::object& object, std::string_view key) {
    const json::value* found = object.if_contains(key);
    return found != nullptr && found->is_string() ? std::string(found->get_string())
                                                  : std::string();
}

bool flag(const json::object& object, std::string_view key, bool fallback) {
    const json::value* found = object.if_contains(key);
    return found != nullptr && found->is_bool() ? found->get_bool() : fallback;
}

// Moves the document out of `mitos`: the full catalogue goes through here on a fresh desk.
std::optional<kep::catalogue::Procedure> readLanguage(json::object& mitos, Language language,
                                                      const std::string& id) {
    json::value* document = mitos.if_contains(kep::catalogue::languageCode(language));
    if (document == nullptr || document->is_null()) {
        return std::nullopt;
    }
    auto outcome = kep::catalogue::readMitosRecord(std::move(*document), language);
    if (!outcome.procedure) {
        malformed("procedure " + id + " (" + std::string(kep::catalogue::languageCode(language)) +
                  "): " + outcome.rejection);
    }
    return std::move(outcome.procedure);
}

// Reads `value`, moving the register's documents out of it.
PublishedRecord readRecord(json::value& value) {
    if (!value.is_object()) {
        malformed("not an object");
    }
    json::object& record = value.get_object();
    PublishedRecord result;
    result.id = text(record, "id");
    if (result.id.empty()) {
        malformed("no id");
    }
    const std::string where = "procedure " + result.id;
    result.version = integer(record, "version", where);
    result.changeSeq = integer(record, "changeSeq", where);
    result.contentHash = text(record, "contentHash");
    result.publishedAt = text(record, "publishedAt");
    if (const json::value* kep = record.if_contains("kep"); kep != nullptr && kep->is_object()) {
        const json::object& options = kep->get_object();
        result.kep.requiresApproval = flag(options, "requiresApproval", true);
        result.kep.offeredAtKep = flag(options, "offeredAtKep", true);
        result.kep.competentAuthorityId = text(options, "competentAuthorityId");
    }
    json::value* mitos = record.if_contains("mitos");
    if (mitos == nullptr) {
        malformed(where + " has no \"mitos\"");
    }
    if (!mitos->is_object()) {
        malformed(where + " \"mitos\" is not an object");
    }
    auto greek = readLanguage(mitos->get_object(), Language::El, result.id);
    auto english = readLanguage(mitos->get_object(), Language::En, result.id);
    if (greek && english) {
        result.procedure = kep::catalogue::mergeLanguages(std::move(*greek), std::move(*english));
    } else if (greek || english) {
        result.procedure = greek ? std::move(*greek) : std::move(*english);
    } else {
        malformed(where + " has neither a Greek nor an English document");
    }
    if (result.procedure.id != result.id) {
        malformed(where + " holds the documents of procedure " + result.procedure.id);
    }
    return result;
}

}  // namespace

PublishedRecord readPublishedRecord(const json::value& value) {
    json::value copy = value;
    return readRecord(copy);
}

PublishedRecord readPublishedRecord(std::string_view text) {
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    if (error) {
        malformed("not JSON (" + error.message() + ")");
    }
    return readRecord(value);
}

ChangesPage readChangesPage(std::string_view body) {
    boost::system::error_code error;
    json::value value = json::parse(body, error);
    if (error || !value.is_object()) {
        throw RecordFormatError("changes feed: the answer is not a JSON object");
    }
    json::object& root = value.get_object();
    json::value* changes = root.if_contains("changes");
    if (changes == nullptr || !changes->is_array()) {
        throw RecordFormatError("changes feed: no \"changes\" list");
    }
    ChangesPage page;
    page.next = integer(root, "next", "changes feed");
    page.hasMore = flag(root, "hasMore", false);
    page.changes.reserve(changes->get_array().size());
    for (json::value& item : changes->get_array()) {
        if (!item.is_object()) {
            throw RecordFormatError("changes feed: an entry is not an object");
        }
        json::object& entry = item.get_object();
        CatalogueChange change;
        change.seq = integer(entry, "seq", "changes feed entry");
        change.id = text(entry, "id");
        change.version = integer(entry, "version", "changes feed entry");
        if (change.id.empty()) {
            throw RecordFormatError("changes feed: an entry has no id");
        }
        json::value* record = entry.if_contains("record");
        if (record != nullptr && !record->is_null()) {
            change.recordJson = json::serialize(*record);  // before readRecord() takes it apart
            change.record = readRecord(*record);
            if (change.record->id != change.id) {
                throw RecordFormatError("changes feed: entry " + change.id +
                                        " carries the record of " + change.record->id);
            }
        } else if (!flag(entry, "removed", false)) {
            throw RecordFormatError("changes feed: entry " + change.id +
                                    " has neither a record nor \"removed\"");
        }
        page.changes.push_back(std::move(change));
    }
    if (page.next < 0) {
        throw RecordFormatError("changes feed: \"next\" is negative");
    }
    return page;
}

}  // namespace kep::desk::catalogue
