// What a central administrator does with the catalogue, one code path for `kep-server catalogue
// diff|publish|set` and the admin routes: review the drafts, publish some or all, set options.
#pragma once

#include "catalogue/CatalogueStore.h"
#include "shared/catalogue/ProcedureDiff.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::catalogue {

// One procedure whose draft differs from what desks see.
struct DraftReview {
    StoredVersion draft;
    std::optional<StoredVersion> published;  // empty: a procedure never published
    KepOptions options;
    // Per section what the draft changes; empty for a new procedure, and when only fields the
    // desk does not show changed (contentHash still differs).
    kep::catalogue::ProcedureDiff difference;
};

struct DraftReviewPage {
    std::vector<DraftReview> drafts;  // in procedure id order
    std::size_t total = 0;            // drafts in all
};

// Drafts [offset, offset + limit) in id order, each compared with its published version.
DraftReviewPage reviewDrafts(CatalogueStore& store, std::size_t offset, std::size_t limit);

// Which drafts to publish: all of them, or these procedures'.
struct PublishSelection {
    bool all = false;
    std::vector<std::string> ids;
};

// A procedure named for publication that has no draft: nothing was published.
class NoDraftError : public std::runtime_error {
public:
    explicit NoDraftError(std::string id)
        : std::runtime_error("procedure " + id + " has no draft to publish")
        , id_(std::move(id)) {}
    const std::string& id() const noexcept { return id_; }

private:
    std::string id_;
};

// Publishes the selection in ONE transaction of `db` (the caller holds the store's mutex):
// every named procedure or none. Throws NoDraftError, kep::db::Error.
PublishResult publish(kep::db::Database& db, const PublishSelection& selection,
                      std::string_view now);

// Changes the KEP-side options in one transaction; nullopt for an unknown procedure, else the
// options now in force and the catalogue sequence after the change.
struct OptionsOutcome {
    KepOptions options;
    std::int64_t catalogueSeq = 0;
};
std::optional<OptionsOutcome> setOptions(kep::db::Database& db, std::string_view id,
                                         const KepOptionsChange& change);

}  // namespace kep::server::catalogue
