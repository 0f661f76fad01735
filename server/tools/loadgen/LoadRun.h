// One kep-loadgen run from start to end: set the fleet up, drive the desks until their outboxes
// drain, read the server back, print the summary — and the exit status that says if it held.
#pragma once

#include <ostream>
#include <string>

#include "LoadgenOptions.h"

namespace kep::loadgen {

enum ExitStatus { kHeld = 0, kNotHeld = 1, kUsage = 2, kCouldNotRun = 3 };

// The summary (one line of JSON) goes to `out`, progress and problems to `err` (no personal
// data: ids and counts only).
int runLoad(const LoadgenOptions& options, const std::string& adminPassword, std::ostream& out,
            std::ostream& err);

}  // namespace kep::loadgen
