// The public procedure catalogue (no sign-in: it is public information): search as the clerk
// types, one published procedure, and the changes feed a desk pulls its copy by.
#pragma once

#include "catalogue/PublishedCatalogue.h"
#include "http/Router.h"
#include "shared/catalogue/LocalizedText.h"
#include "storage/ServerStore.h"

#include <cstdint>
#include <memory>
#include <string>

namespace kep::server::api {

inline constexpr std::size_t kMaxCatalogueQueryCharacters = 200;
inline constexpr std::int64_t kMaxCatalogueLimit = 100;

// GET /api/v1/catalogue/search?q=&lang=el|en&limit=
// GET /api/v1/catalogue/procedures/{id}
// GET /api/v1/catalogue/changes?since=SEQ&limit=N
// Bad parameters answer 400 "invalid_query" naming the parameter.
// Also registers the central administration's catalogue routes (CatalogueAdminRoutes.h).
void registerCatalogueRoutes(http::Router& router, storage::ServerStore& store,
                             std::shared_ptr<catalogue::PublishedCatalogue> catalogue);

// Query parameters as the catalogue routes read them, shared with CatalogueAdminRoutes: a whole
// number in [min, max] (`fallback` when absent), and lang=el|en (el when absent). Both throw
// HttpError 400 "invalid_query" naming the parameter.
std::int64_t integerParameter(const http::Request& request, const std::string& name,
                              std::int64_t fallback, std::int64_t min, std::int64_t max);
kep::catalogue::Language languageParameter(const http::Request& request);

}  // namespace kep::server::api
