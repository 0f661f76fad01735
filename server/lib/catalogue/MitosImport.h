// Imports what MITOS publishes into drafts of the catalogue: one input (a file, or a page fetched
// from the register) at a time, all of it or nothing, bad records reported and skipped.
#pragma once

#include "catalogue/CatalogueStore.h"
#include "db/Database.h"
#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/MitosParser.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace kep::server::catalogue {

struct ImportTally {
    std::size_t imported = 0;   // drafts created or changed (a reverted draft counts too)
    std::size_t unchanged = 0;  // the same content as the catalogue already holds
    std::size_t rejected = 0;

    ImportTally& operator+=(const ImportTally& other);
};

// What the importer tells as it goes; either may be left empty.
struct ImportObserver {
    // `source` names the input ("el/900001.json", a URL); called once per rejected record.
    std::function<void(std::string_view source, const kep::catalogue::Rejection&)> rejected;
    // After each record of an input: how many of its `total` records are done.
    std::function<void(std::string_view source, std::size_t done, std::size_t total)> progress;
};

// A rejection the importer makes itself (a file it cannot read, a record the API did not give).
kep::catalogue::Rejection rejectionOf(std::string id, std::string reason);

// "el/900001.json:3: record 900043: no title" — the form of a rejection on the command line.
std::string describeRejection(std::string_view source, const kep::catalogue::Rejection& rejection);

class MitosImporter {
public:
    MitosImporter(kep::db::Database& db, ImportObserver observer)
        : db_(db)
        , observer_(std::move(observer)) {}

    // Parses `bytes` (any shape parseMitos() reads) as the register's `language` documents and
    // saves each good record as a draft, in one transaction: a failure of the database rolls the
    // whole input back (kep::db::Error propagates). The other language of a procedure is kept
    // from its latest version.
    ImportTally importInput(std::string_view source, std::string_view bytes,
                            kep::catalogue::Language language);

private:
    kep::db::Database& db_;
    ImportObserver observer_;
};

}  // namespace kep::server::catalogue
