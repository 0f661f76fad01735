// Inclusion and consistency proofs (RFC 6962 §2.1.1, §2.1.2) over the stored audit log, for the
// audit routes: the subtree hashes a proof needs are computed in one ordered pass over the
// stored leaf hashes, in O(log n) memory, whatever the log's size.
#pragma once

#include "db/Database.h"
#include "shared/audit/MerkleTree.h"

#include <cstdint>
#include <vector>

namespace kep::server::audit {

// PATH(index, D[0:size]) with index 0-based (leaf index - 1); index < size <= the entries.
std::vector<kep::audit::Hash> inclusionProofOf(kep::db::Database& db, std::uint64_t index,
                                               std::uint64_t size);

// PROOF(first, D[0:second]); 0 < first <= second <= the entries.
std::vector<kep::audit::Hash> consistencyProofOf(kep::db::Database& db, std::uint64_t first,
                                                 std::uint64_t second);

// MTH(D[0:size]) of the stored leaf hashes.
kep::audit::Hash treeHeadOf(kep::db::Database& db, std::uint64_t size);

}  // namespace kep::server::audit
