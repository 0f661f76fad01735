#include "catalogue/CataloguePublication.h"

#include "catalogue/StoredProcedure.h"

#include <algorithm>
#include <set>

namespace kep::server::catalogue {

DraftReviewPage reviewDrafts(CatalogueStore& store, std::size_t offset, std::size_t limit) {
    const auto ids = store.draftIds();
    DraftReviewPage page;
    page.total = ids.size();
    const auto first = std::min(offset, ids.size());
    const auto last = first + std::min(limit, ids.size() - first);
    for (auto id = ids.begin() + static_cast<std::ptrdiff_t>(first);
         id != ids.begin() + static_cast<std::ptrdiff_t>(last); ++id) {
        DraftReview review;
        review.draft = *store.draft(*id);
        review.published = store.published(*id);
        review.options = store.options(*id).value_or(KepOptions{});
        if (review.published) {
            review.difference =
                kep::catalogue::diffProcedures(restoreProcedure(review.published->canonicalJson),
                                               restoreProcedure(review.draft.canonicalJson));
        }
        page.drafts.push_back(std::move(review));
    }
    return page;
}

PublishResult publish(kep::db::Database& db, const PublishSelection& selection,
                      std::string_view now) {
    CatalogueStore store(db);
    kep::db::Transaction transaction(db);
    std::vector<std::string> ids;
    if (selection.all) {
        ids = store.draftIds();
    } else {
        // Each procedure once, in id order as `catalogue publish` numbers them.
        const std::set<std::string> unique(selection.ids.begin(), selection.ids.end());
        const auto drafts = store.draftIds();
        for (const auto& id : unique) {
            if (!std::binary_search(drafts.begin(), drafts.end(), id)) {
                throw NoDraftError(id);  // the transaction rolls back: nothing was written
            }
        }
        ids.assign(unique.begin(), unique.end());
    }
    auto result = store.publishDrafts(ids, now);
    transaction.commit();
    return result;
}

std::optional<OptionsOutcome> setOptions(kep::db::Database& db, std::string_view id,
                                         const KepOptionsChange& change) {
    CatalogueStore store(db);
    kep::db::Transaction transaction(db);
    if (!store.changeOptions(id, change)) {
        return std::nullopt;
    }
    OptionsOutcome outcome{*store.options(id), store.changeSequence()};
    transaction.commit();
    return outcome;
}

}  // namespace kep::server::catalogue
