#include "catalogue/CatalogueReplica.h"

#include "catalogue/CatalogueStore.h"

#include <stdexcept>
#include <utility>

namespace kep::desk::catalogue {

namespace {

void requireCatalogue(std::string_view bucket) {
    if (bucket != kCatalogueBucket) {
        throw RecordFormatError("catalogue replica: bucket " + std::string(bucket) +
                                " is not the catalogue");
    }
}

// One bucket change in the shape the changes feed's entries have, so that CatalogueStore
// applies both alike.
CatalogueChange toCatalogueChange(const kep::sync::Change& change) {
    if (change.entity.type != kProcedureEntity || change.entity.id.empty()) {
        throw RecordFormatError("catalogue bucket: a change is not of a procedure");
    }
    CatalogueChange result;
    result.seq = change.seq;
    result.id = change.entity.id;
    result.version = change.version;
    if (change.deleted) {
        return result;
    }
    const auto record = change.fields.find("record");
    if (record == change.fields.end()) {
        throw RecordFormatError("catalogue bucket: change " + result.id +
                                " has neither a record nor \"deleted\"");
    }
    result.record = readPublishedRecord(record->second);
    if (result.record->id != result.id) {
        throw RecordFormatError("catalogue bucket: change " + result.id +
                                " carries the record of " + result.record->id);
    }
    result.recordJson = record->second;
    return result;
}

}  // namespace

std::int64_t CatalogueReplica::cursor(std::string_view bucket) const {
    requireCatalogue(bucket);
    return store_.cursor();
}

void CatalogueReplica::applyPulled(std::string_view bucket,
                                   std::span<const kep::sync::Change> changes,
                                   std::int64_t newCursor) {
    requireCatalogue(bucket);
    if (newCursor < store_.cursor()) {
        throw std::logic_error("catalogue replica: a pull may not move the cursor back");
    }
    ChangesPage page;
    page.next = newCursor;
    page.changes.reserve(changes.size());
    for (const kep::sync::Change& change : changes) {
        page.changes.push_back(toCatalogueChange(change));  // all read before anything is stored
    }
    for (auto& id : store_.applyPage(page)) {
        changed_.push_back(std::move(id));
    }
}

std::vector<std::string> CatalogueReplica::takeChanged() {
    return std::exchange(changed_, {});
}

}  // namespace kep::desk::catalogue
