// The published catalogue as the server searches it: CatalogueSearch over every procedure offered
// at KEPs, kept in memory and brought up to date whenever the change sequence in the database
// moves — also when another process (the `catalogue publish` command) moved it.
#pragma once

#include "shared/catalogue/CatalogueSearch.h"
#include "shared/catalogue/LocalizedText.h"
#include "storage/ServerStore.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kep::server::catalogue {

struct FoundProcedure {
    std::string id;
    kep::catalogue::LocalizedText title;
    int score = 0;
    kep::catalogue::MatchField field = kep::catalogue::MatchField::Description;
    std::int64_t version = 0;
    bool offeredRemotely = false;
};

// Thread-safe: searches run in parallel; one refresh at a time, and searches that arrive while
// another thread refreshes answer from the index as it was.
class PublishedCatalogue {
public:
    explicit PublishedCatalogue(storage::ServerStore& store) : store_(store) {}

    // Reads the change sequence (one indexed row) and, if it moved, loads what changed since
    // the index was last brought up to date. Returns the sequence the index reflects.
    std::int64_t refresh();

    // refresh(), then at most `limit` published procedures offered at KEPs, best first.
    std::vector<FoundProcedure> search(std::string_view query, kep::catalogue::Language language,
                                       std::size_t limit);

    std::size_t size() const;

private:
    struct Summary {
        kep::catalogue::LocalizedText title;
        std::int64_t version = 0;
        bool offeredRemotely = false;
    };

    std::int64_t databaseSequence();

    storage::ServerStore& store_;
    std::mutex refreshing_;
    std::atomic<std::int64_t> indexedSeq_{-1};  // -1: nothing loaded yet
    mutable std::shared_mutex indexLock_;
    kep::catalogue::CatalogueSearch index_;
    std::unordered_map<std::string, Summary> summaries_;
};

}  // namespace kep::server::catalogue
