// The cases a simulated clerk files: invented citizens with valid ΑΦΜ/ΑΜΚΑ check digits, a
// procedure, its evidence and fee — the fields kep-desk's filing puts in its create op.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "shared/domain/TaxId.h"
#include "shared/sync/SyncMessages.h"

namespace kep::loadgen {

// Deterministic for a seed: the same seed files the same citizens and procedures in the same
// order. Nothing marks the people as synthetic, so they belong on test servers only.
class SyntheticFilings {
public:
    explicit SyntheticFilings(std::uint64_t seed);

    // The create op's fields (without filed_by and status, which the server sets) for a case
    // with this protocol number ("<office>/<year>/<sequence>").
    sync::FieldMap nextCase(const std::string& protocolNumber);

    // A uniform draw in [0, 100): the caller's dice for "does the manager approve this one".
    int percent();

private:
    std::string citizenJson();

    std::mt19937_64 engine_;
    domain::SyntheticTaxIds taxIds_;
};

}  // namespace kep::loadgen
