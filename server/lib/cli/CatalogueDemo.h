// The sample catalogue that `init --demo` imports and publishes (resources/catalogue/el and en),
// and where to find it: the demo and the tests run kep-server from several places.
#pragma once

#include "storage/ServerStore.h"

#include <cstddef>
#include <string>

namespace kep::server::cli {

// The first folder that holds el/ and en/ among: `given` (init --catalogue); $KEP_CATALOGUE_DIR;
// <executable>/../share/kep/catalogue (installed); <executable>/../../../resources/catalogue
// (build/<preset>/bin in the source tree); ./resources/catalogue (run from the repo root); the
// source tree kep-server was built from. `given` or $KEP_CATALOGUE_DIR, when set, must be
// right. Throws std::runtime_error saying where it looked.
std::string locateSampleCatalogue(const std::string& given);

// Imports DIR/el and DIR/en into drafts and publishes them; returns how many procedures were
// published. Throws std::runtime_error if any record is rejected (the sample is checked in CI
// and must import cleanly).
std::size_t loadSampleCatalogue(storage::ServerStore& store, const std::string& dir);

}  // namespace kep::server::cli
