// How kep-desk starts again in training mode: the sign-in dialog's "Training mode" and the
// trainer's "Reset training data" both restart the process with the same command line.
#pragma once

#include <QStringList>

namespace kep::desk::training {

// The arguments (without the program) for the restarted desk: the current ones with
// --training, and --reset-training only when `reset` asks for it (a reset happens once).
QStringList trainingRestartArguments(const QStringList& currentArguments, bool reset);

}  // namespace kep::desk::training
