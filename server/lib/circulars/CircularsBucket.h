// The `circulars` sync bucket: the circulars sent to the calling desk's office, as sync changes,
// so that a desk pulls them as it pulls the catalogue (one change per circular, never changed).
// The bucket's name is sync::kCircularsBucket.
#pragma once

#include "circulars/CircularStore.h"
#include "shared/sync/SyncMessages.h"
#include "sync/SyncBuckets.h"

#include <string_view>

namespace kep::server::circulars {

// The entity type of a circular in the bucket; its id is the circular's.
inline constexpr std::string_view kCircularType = "circular";

// A change's fields: kind, title_el, title_en, body_el, body_en, sent_at, and sender —
// "national" for the central administration, else the sending region's name. The cursor is the
// circulars' change sequence; an office outside a circular's audience never receives it.
kep::sync::PullResponse pullCirculars(CircularStore& store, const kep::sync::PullRequest& request,
                                      std::string_view officeCode, std::string_view officeRegion);

}  // namespace kep::server::circulars
