// The public procedure catalogue (no sign-in: it is public information): search as the clerk
// types, one published procedure, and the changes feed a desk pulls its copy by.
#pragma once

#include "catalogue/PublishedCatalogue.h"
#include "http/Router.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::api {

inline constexpr std::size_t kMaxCatalogueQueryCharacters = 200;
inline constexpr std::int64_t kMaxCatalogueLimit = 100;

// GET /api/v1/catalogue/search?q=&lang=el|en&limit=
// GET /api/v1/catalogue/procedures/{id}
// GET /api/v1/catalogue/changes?since=SEQ&limit=N
// Bad parameters answer 400 "invalid_query" naming the parameter.
void registerCatalogueRoutes(http::Router& router, storage::ServerStore& store,
                             std::shared_ptr<catalogue::PublishedCatalogue> catalogue);

}  // namespace kep::server::api
