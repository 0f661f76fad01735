// Training mode's own data folder, <data dir>/training (issue 11): its desk.db, receipts and
// settings, seeded from the shipped data set on first use and wiped and seeded again on reset.
#pragma once

#include "Clock.h"
#include "OfflineSignInRule.h"
#include "training/TrainingDataSet.h"

#include <QString>

#include <memory>

namespace kep::desk {
class Workstation;
}

namespace kep::desk::training {

class TrainingSandbox {
public:
    // The sandbox inside a data folder. Never the data folder itself: nothing in training opens
    // the production desk.db, key or certificate.
    static QString folderIn(const QString& dataFolder);
    // Written last by a seeding: a folder without it is seeded (again) before it is used.
    static QString seedMarkerFile(const QString& sandboxFolder);
    // The per-user settings of training: window layout, language and scanner of the sandbox.
    static QString settingsFile(const QString& sandboxFolder);

    // Opens the sandbox at `sandboxFolder` (whose name must be "training": a guard against
    // wiping anything else). It is wiped and seeded when `reset` is set or it was never fully
    // seeded; then renewed for today: the training accounts may sign in (their offline check is
    // now) and the current year has training protocol numbers. nullptr with *error otherwise.
    // `clock` must outlive the workstation (its offline sign-in reads it).
    static std::unique_ptr<kep::desk::Workstation> open(const QString& sandboxFolder,
                                                        const TrainingDataSet& data,
                                                        const kep::desk::Clock& clock, bool reset,
                                                        QString* error);
};

}  // namespace kep::desk::training
