#include "training/TrainingRestart.h"

namespace kep::desk::training {

QStringList trainingRestartArguments(const QStringList& currentArguments, bool reset) {
    QStringList arguments;
    for (const QString& argument : currentArguments) {
        if (argument != QLatin1String("--reset-training") &&
            argument != QLatin1String("--training")) {
            arguments << argument;
        }
    }
    arguments << QStringLiteral("--training");
    if (reset) {
        arguments << QStringLiteral("--reset-training");
    }
    return arguments;
}

}  // namespace kep::desk::training
