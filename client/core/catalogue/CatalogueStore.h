// The desk's copy of the published catalogue in desk.db: pages of the changes feed applied with
// their cursor in one transaction, the previous versions kept for "what changed", and the titles
// and searched texts the in-memory index is built from without reading any full record.
#pragma once

#include "catalogue/PublishedRecord.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::db {
class Database;
}

namespace kep::desk::catalogue {

// What the search index needs of one procedure: the searched texts (titles, official and
// alternative titles, descriptions, in a Procedure with only those filled) and what a result
// line shows.
struct IndexEntry {
    kep::catalogue::Procedure searched;
    std::int64_t version = 0;
    bool offeredAtKep = true;
    bool offeredRemotely = false;
};

class CatalogueStore {
public:
    // How many replaced versions are kept per procedure: the one before is what the
    // "what changed" view needs; one more covers two publications between two views.
    static constexpr int kKeptPreviousVersions = 2;

    explicit CatalogueStore(kep::db::Database& db);

    // The last catalogue change this desk has applied (0 for a fresh desk): the `catalogue`
    // bucket's cursor, and the changes feed's `since`.
    std::int64_t cursor() const;

    // Applies one page and sets the cursor to page.next, in ONE transaction: after a crash the
    // desk resumes from the last page it stored, with no gap and nothing applied twice. A change
    // no newer than what is stored is skipped. Returns the ids whose stored row changed.
    std::vector<std::string> applyPage(const ChangesPage& page);

    std::vector<IndexEntry> indexEntries() const;
    std::optional<IndexEntry> indexEntry(std::string_view id) const;

    // The stored record, read and merged again (a full record is never kept in memory).
    std::optional<PublishedRecord> current(std::string_view id) const;
    // The newest version that `current` replaced, when one is kept.
    std::optional<PublishedRecord> previous(std::string_view id) const;
    std::vector<std::int64_t> previousVersions(std::string_view id) const;

    // The version last shown at this desk; nullopt if it never was.
    std::optional<std::int64_t> viewedVersion(std::string_view id) const;
    void markViewed(std::string_view id, std::int64_t version);

    std::size_t count() const;

private:
    bool apply(const CatalogueChange& change);  // false when skipped

    kep::db::Database& db_;
};

}  // namespace kep::desk::catalogue
