#include "circulars/CircularsBucket.h"

#include "shared/sync/SyncServerCore.h"

#include <algorithm>

namespace kep::server::circulars {

kep::sync::PullResponse pullCirculars(CircularStore& store, const kep::sync::PullRequest& request,
                                      std::string_view officeCode, std::string_view officeRegion) {
    const int limit = std::clamp(request.limit, 1, kep::sync::SyncServerCore::kMaxPullLimit);
    auto page = store.pageFor(officeCode, officeRegion, request.cursor, limit);
    kep::sync::PullResponse response;
    response.protocol = request.protocol;
    response.bucket = request.bucket;
    response.cursor = page.cursor;
    response.hasMore = page.hasMore;
    for (auto& circular : page.circulars) {
        kep::sync::FieldMap fields{
            {"kind", circular.kind},
            {"title_el", std::move(circular.text.titleEl)},
            {"title_en", std::move(circular.text.titleEn)},
            {"body_el", std::move(circular.text.bodyEl)},
            {"body_en", std::move(circular.text.bodyEn)},
            {"sent_at", circular.sentAt},
            {"sender",
             circular.senderRegion.empty() ? std::string("national") : circular.senderRegion}};
        response.changes.push_back(kep::sync::Change{
            circular.seq, {std::string(kCircularType), circular.id}, 1, std::move(fields), false});
    }
    return response;
}

}  // namespace kep::server::circulars
