// The `catalogue` sync bucket's replica on the desk: pulled procedure changes applied to the
// desk's CatalogueStore page by page, each with its cursor, as the changes feed's pages are.
#pragma once

#include "shared/sync/ReplicaStore.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::desk::catalogue {

class CatalogueStore;

// The bucket the desk's catalogue comes through, and the entity type of its procedures.
inline constexpr std::string_view kCatalogueBucket = "catalogue";
inline constexpr std::string_view kProcedureEntity = "procedure";

// The bucket's cursor IS the store's catalogue cursor: the bucket and the public changes feed
// number their changes with the one catalogue change sequence, so a desk that pulled either
// goes on with the other from where it is, with no gap and nothing fetched twice.
//
// A change's "record" field is the published record (GET …/procedures/{id}); `deleted` takes
// the procedure off the desk. Only the `catalogue` bucket is kept here: another bucket, or an
// entity that is not a procedure, is a server fault (RecordFormatError) and nothing is applied.
class CatalogueReplica final : public kep::sync::ReplicaStore {
public:
    explicit CatalogueReplica(CatalogueStore& store) : store_(store) {}

    std::int64_t cursor(std::string_view bucket) const override;
    void applyPulled(std::string_view bucket, std::span<const kep::sync::Change> changes,
                     std::int64_t newCursor) override;

    // The ids whose stored row changed since the last call, in the order applied (for the
    // index and the UI's signal); an id changed on two pages is listed twice.
    std::vector<std::string> takeChanged();

private:
    CatalogueStore& store_;
    std::vector<std::string> changed_;
};

}  // namespace kep::desk::catalogue
