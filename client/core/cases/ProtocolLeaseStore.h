// The protocol-number blocks this workstation holds, kept in desk.db as ProtocolNumberLease's
// JSON: read and written inside the filing transaction so a number is drawn exactly once.
#pragma once

#include "db/Database.h"
#include "shared/cases/ProtocolNumberLease.h"

#include <string>

namespace kep::desk::cases {

class ProtocolLeaseStore {
public:
    ProtocolLeaseStore(kep::db::Database& db, std::string office)
        : db_(db)
        , office_(std::move(office)) {}

    // The lease as stored (an empty one for this office before the first block).
    kep::cases::ProtocolNumberLease load() const;
    // Writes the lease; callers drawing a number do it inside their own transaction.
    void save(const kep::cases::ProtocolNumberLease& lease);
    // Adds a block the server issued, in its own transaction.
    kep::cases::BlockRefusal addBlock(const kep::cases::ProtocolNumberBlock& block);

private:
    kep::db::Database& db_;
    std::string office_;
};

}  // namespace kep::desk::cases
