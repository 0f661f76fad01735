#include "catalogue/CatalogueIndex.h"

namespace kep::desk::catalogue {

using kep::catalogue::Language;

void CatalogueIndex::load(const CatalogueStore& store) {
    std::vector<IndexEntry> entries = store.indexEntries();
    std::vector<kep::catalogue::Procedure> offered;
    offered.reserve(entries.size());
    summaries_.clear();
    for (IndexEntry& entry : entries) {
        if (!entry.offeredAtKep) {
            continue;
        }
        summaries_[entry.searched.id] = {
            {entry.searched.displayTitle(Language::El), entry.searched.displayTitle(Language::En)},
            entry.version,
            entry.offeredRemotely};
        offered.push_back(std::move(entry.searched));
    }
    search_.rebuild(offered);
}

void CatalogueIndex::refresh(const CatalogueStore& store, const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        const auto entry = store.indexEntry(id);
        if (entry && entry->offeredAtKep) {
            put(*entry);
        } else {
            drop(id);
        }
    }
}

void CatalogueIndex::put(const IndexEntry& entry) {
    search_.upsert(entry.searched);
    summaries_[entry.searched.id] = {
        {entry.searched.displayTitle(Language::El), entry.searched.displayTitle(Language::En)},
        entry.version,
        entry.offeredRemotely};
}

void CatalogueIndex::drop(const std::string& id) {
    search_.remove(id);
    summaries_.erase(id);
}

std::vector<CatalogueMatch> CatalogueIndex::search(std::string_view query, Language language,
                                                   std::size_t limit) const {
    std::vector<CatalogueMatch> matches;
    for (auto& hit : search_.search(query, language, limit)) {
        const auto found = summaries_.find(hit.id);
        if (found == summaries_.end()) {
            continue;
        }
        matches.push_back({std::move(hit.id), &found->second.title, found->second.offeredRemotely,
                           found->second.version});
    }
    return matches;
}

std::size_t CatalogueIndex::memoryBytes() const {
    std::size_t bytes = search_.memoryBytes();
    bytes += summaries_.bucket_count() * sizeof(void*);
    for (const auto& [id, summary] : summaries_) {
        bytes += sizeof(std::pair<const std::string, Summary>) + 2 * sizeof(void*);
        bytes += id.capacity() + summary.title.el.capacity() + summary.title.en.capacity();
    }
    return bytes;
}

}  // namespace kep::desk::catalogue
