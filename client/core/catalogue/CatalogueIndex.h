// The desk's in-memory search over its catalogue copy, answering each keystroke: only the shared
// CatalogueSearch index and the titles a result line shows; full records stay in desk.db.
#pragma once

#include "catalogue/CatalogueStore.h"
#include "shared/catalogue/CatalogueSearch.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kep::desk::catalogue {

struct CatalogueMatch {
    std::string id;
    const kep::catalogue::LocalizedText* title = nullptr;  // owned by the index; valid until
                                                           // its next change
    bool offeredRemotely = false;
    std::int64_t version = 0;
};

// Procedures the central administration does not offer at KEPs are left out, as on the server.
// Not thread-safe: used on the UI thread, changed there after each sync.
class CatalogueIndex {
public:
    // Builds the index from everything in the store (start-up).
    void load(const CatalogueStore& store);
    // Re-reads these ids from the store: added, changed, withdrawn or removed procedures.
    void refresh(const CatalogueStore& store, const std::vector<std::string>& ids);

    std::vector<CatalogueMatch> search(std::string_view query, kep::catalogue::Language language,
                                       std::size_t limit) const;

    std::size_t size() const { return search_.size(); }
    bool contains(std::string_view id) const { return search_.contains(id); }
    // The index's containers and the titles (an estimate from capacities).
    std::size_t memoryBytes() const;

private:
    struct Summary {
        kep::catalogue::LocalizedText title;
        std::int64_t version = 0;
        bool offeredRemotely = false;
    };
    void put(const IndexEntry& entry);
    void drop(const std::string& id);

    kep::catalogue::CatalogueSearch search_;
    std::unordered_map<std::string, Summary> summaries_;
};

}  // namespace kep::desk::catalogue
