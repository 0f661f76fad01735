// A published procedure as kep-server sends it to desks (GET …/procedures/{id} and each entry of
// the changes feed): version, KEP-side options and the bilingual MITOS record in the shared model.
#pragma once

#include "shared/catalogue/Procedure.h"

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kep::desk::catalogue {

// What the central administration sets per procedure and MITOS does not hold.
struct KepOptions {
    bool requiresApproval = true;
    std::string competentAuthorityId;  // "" when none is set
    bool offeredAtKep = true;
};

struct PublishedRecord {
    std::string id;
    std::int64_t version = 0;
    std::string contentHash;
    std::string publishedAt;
    std::int64_t changeSeq = 0;
    KepOptions kep;
    kep::catalogue::Procedure procedure;  // the Greek and English documents, merged
};

// The server sent something a desk cannot store; the text names the field, never a value.
class RecordFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// {"id","version","contentHash","publishedAt","changeSeq","title","kep":{…},
//  "mitos":{"el":{…},"en":{…},"id"}}: each language read with readMitosRecord(), then merged.
// Throws RecordFormatError.
PublishedRecord readPublishedRecord(const boost::json::value& record);
PublishedRecord readPublishedRecord(std::string_view json);

// One entry of GET /api/v1/catalogue/changes.
struct CatalogueChange {
    std::int64_t seq = 0;
    std::string id;
    std::int64_t version = 0;
    std::optional<PublishedRecord> record;  // empty when the procedure was removed
    std::string recordJson;                 // the record as received, kept in desk.db
};

struct ChangesPage {
    std::vector<CatalogueChange> changes;
    std::int64_t next = 0;  // the cursor to ask from next time
    bool hasMore = false;
};

// {"changes":[{"seq","id","version","record"|"removed"}],"next","hasMore"}. Throws
// RecordFormatError for a body that is not this shape, or a record that cannot be read.
ChangesPage readChangesPage(std::string_view body);

}  // namespace kep::desk::catalogue
