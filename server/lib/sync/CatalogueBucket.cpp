#include "sync/CatalogueBucket.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/PublishedRecord.h"
#include "shared/sync/SyncServerCore.h"

#include <algorithm>
#include <mutex>

namespace kep::server::sync {

kep::sync::PullResponse CatalogueBucket::pull(const kep::sync::PullRequest& request) {
    const auto limit = static_cast<std::size_t>(
        std::clamp(request.limit, 1, kep::sync::SyncServerCore::kMaxPullLimit));
    std::vector<catalogue::PublishedProcedure> page;
    std::int64_t sequence = 0;
    {
        std::lock_guard lock(store_.mutex());
        // One read snapshot: the page and the sequence it is complete up to must agree, or a
        // publication landing between the two reads would be skipped by the cursor.
        kep::db::Transaction snapshot(store_.database(), kep::db::Transaction::Kind::Deferred);
        catalogue::CatalogueStore catalogue(store_.database());
        page = catalogue.publishedSince(request.cursor, limit + 1);
        sequence = catalogue.changeSequence();
        snapshot.commit();
    }
    kep::sync::PullResponse response;
    response.protocol = request.protocol;
    response.bucket = request.bucket;
    response.hasMore = page.size() > limit;
    if (response.hasMore) {
        page.resize(limit);
    }
    for (const auto& procedure : page) {
        kep::sync::Change change;
        change.seq = procedure.changeSeq;
        change.entity = {std::string(kProcedureType), procedure.version.procedureId};
        change.version = procedure.version.version;
        change.deleted = !procedure.options.offeredAtKep;
        if (!change.deleted) {
            change.fields.emplace("record", catalogue::publishedRecordJson(procedure));
        }
        response.changes.push_back(std::move(change));
    }
    // A cursor never goes back, and a caught-up desk moves to the end of the sequence.
    response.cursor =
        response.hasMore ? response.changes.back().seq : std::max(request.cursor, sequence);
    return response;
}

}  // namespace kep::server::sync
