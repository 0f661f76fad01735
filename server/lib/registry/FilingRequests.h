// The registry job's first half: reading each case change once (ChangeFollower) and, when a case
// is filed, queuing one registry request per document its procedure has the KEP obtain.
#pragma once

#include "db/Database.h"
#include "jobs/ChangeFollower.h"
#include "registry/ExOfficioDocuments.h"
#include "registry/RegistryRequests.h"
#include "shared/domain/Uuid.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::registry {

// A change that files the case: it puts it in submitted or pending_approval (a desk's filing in
// one op, an online application, or a draft filed later). A case filed again after being
// returned is one of these too; its requests are not made twice (RegistryRequests::enqueue).
bool filesTheCase(const jobs::CaseChange& change);

// Not thread-safe: the registry job's thread, on its own connection.
class FilingRequests {
public:
    using Clock = std::function<Instant()>;

    FilingRequests(kep::db::Database& db, Clock now);

    // For ChangeFollower::poll, inside its transaction: queues the filed case's requests (none
    // for any other change, or when the procedure has no document retrieved ex officio).
    // Returns how many it queued.
    std::size_t onChange(const jobs::CaseChange& change);

private:
    // The documents of the procedure version the case was filed under (the case field
    // catalogue_version), else of the published version; empty for an unknown procedure.
    std::vector<ExOfficioDocument> documentsOf(const std::string& procedureId,
                                               const std::string& catalogueVersion);

    kep::db::Database& db_;
    Clock now_;
    RegistryRequests requests_;
    kep::domain::UuidV7Generator ids_;
    // Published versions never change: their documents are read once.
    std::map<std::pair<std::string, std::int64_t>, std::vector<ExOfficioDocument>> pinned_;
};

}  // namespace kep::server::registry
