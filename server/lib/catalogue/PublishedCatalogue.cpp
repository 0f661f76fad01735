#include "catalogue/PublishedCatalogue.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/StoredProcedure.h"

#include <limits>

namespace kep::server::catalogue {

using kep::catalogue::Procedure;

std::int64_t PublishedCatalogue::databaseSequence() {
    std::lock_guard lock(store_.mutex());
    return CatalogueStore(store_.database()).changeSequence();
}

std::int64_t PublishedCatalogue::refresh() {
    const auto current = databaseSequence();
    if (current == indexedSeq_.load()) {
        return current;
    }
    std::unique_lock refreshing(refreshing_, std::try_to_lock);
    if (!refreshing.owns_lock()) {
        return indexedSeq_.load();  // another thread is on it; answer from the index as it is
    }
    const auto since = indexedSeq_.load();
    std::vector<PublishedProcedure> changed;
    {
        std::lock_guard lock(store_.mutex());
        changed = CatalogueStore(store_.database())
                      .publishedSince(std::max<std::int64_t>(since, 0),
                                      std::numeric_limits<std::int32_t>::max());
    }
    // Parsed outside every lock: a large publication must not stop searches meanwhile.
    std::vector<Procedure> offered;
    std::vector<std::string> withdrawn;
    std::int64_t reached = current;
    for (auto& row : changed) {
        reached = std::max(reached, row.changeSeq);
        if (!row.options.offeredAtKep) {
            withdrawn.push_back(row.version.procedureId);
            continue;
        }
        offered.push_back(restoreProcedure(row.version.canonicalJson));
    }

    std::unique_lock lock(indexLock_);
    if (since < 0) {
        index_.rebuild(offered);
    } else {
        for (const auto& procedure : offered) {
            index_.upsert(procedure);
        }
    }
    for (const auto& id : withdrawn) {
        index_.remove(id);
        summaries_.erase(id);
    }
    for (std::size_t i = 0, o = 0; i < changed.size(); ++i) {
        if (!changed[i].options.offeredAtKep) {
            continue;
        }
        const auto& procedure = offered[o++];
        summaries_[procedure.id] =
            Summary{.title = {procedure.displayTitle(kep::catalogue::Language::El),
                              procedure.displayTitle(kep::catalogue::Language::En)},
                    .version = changed[i].version.version,
                    .offeredRemotely = procedure.offeredRemotely()};
    }
    indexedSeq_.store(reached);
    return reached;
}

std::vector<FoundProcedure> PublishedCatalogue::search(std::string_view query,
                                                       kep::catalogue::Language language,
                                                       std::size_t limit) {
    refresh();
    std::shared_lock lock(indexLock_);
    std::vector<FoundProcedure> found;
    for (auto& hit : index_.search(query, language, limit)) {
        const auto summary = summaries_.find(hit.id);
        if (summary == summaries_.end()) {
            continue;
        }
        found.push_back({.id = std::move(hit.id),
                         .title = summary->second.title,
                         .score = hit.score,
                         .field = hit.field,
                         .version = summary->second.version,
                         .offeredRemotely = summary->second.offeredRemotely});
    }
    return found;
}

std::size_t PublishedCatalogue::size() const {
    std::shared_lock lock(indexLock_);
    return index_.size();
}

}  // namespace kep::server::catalogue
