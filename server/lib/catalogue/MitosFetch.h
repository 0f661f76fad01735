// Reads the catalogue straight from a MITOS-compatible API over HTTPS (shared/net): the list of
// services page by page, then each service's full record in Greek and in English.
#pragma once

#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/MitosParser.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace kep::server::catalogue {

struct MitosApi {
    std::string baseUrl;  // "https://host[:port][/prefix]"; /services/ is appended
    std::string caFile;   // PEM bundle the register's certificate must chain to
    std::size_t pageSize = 100;
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
};

// One page of the list, its records fetched in one language.
struct FetchedPage {
    std::string source;  // "https://host/services-extended (page 2, en)", for reports
    kep::catalogue::Language language = kep::catalogue::Language::El;
    std::string documents;  // a JSON array of the services-extended answers that came back
    std::vector<kep::catalogue::Rejection> failures;  // records the API did not give (HTTP 404 …)
};

// Walks GET BASE/services/?page=N&limit=L from page 1 while `next_page` moves forward, and for
// each listed id GET BASE/services-extended/{id} and ?lang=en; hands each page to `take` (Greek
// first, then English) before fetching the next. Throws std::invalid_argument for a bad base URL,
// kep::net::NetworkError when the API cannot be reached, std::runtime_error for a list answer
// that is not the register's shape.
void fetchMitos(const MitosApi& api, const std::function<void(const FetchedPage&)>& take);

}  // namespace kep::server::catalogue
