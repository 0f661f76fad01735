// The kep-desk command line: server and CA overrides, the scripted tour and its inputs, the
// start-up language. Parsed here so that main.cpp stays a few lines and the rules are tested.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kep::desk {

struct DeskOptions {
    QString serverUrl;  // --server URL
    QString caFile;     // --ca FILE
    QString dataDir;    // --data DIR: the per-machine data folder
    QString tourDir;    // --tour OUTDIR: run the scripted tour, write screenshots, exit
    QString demoFile;   // --demo FILE: demo.json with the tour's users
    QString language;   // --lang el|en; empty = the user's saved choice
    // --check-start: start as usual up to the sign-in dialog, then exit 0 — IT's check that an
    // installed desk starts (and the cold-start benchmark's stopwatch).
    bool checkStart = false;
    // --training: the training desk (issue 11), on its own sandbox data and with no route to
    // the server; --reset-training (implies --training) seeds the sandbox afresh first.
    bool training = false;
    bool resetTraining = false;
    bool helpRequested = false;     // -h, --help
    bool versionRequested = false;  // -v, --version

    // Parses arguments (argv[0] first). On a fault returns nullopt and sets *error.
    static std::optional<DeskOptions> parse(const QStringList& arguments, QString* error);
    static QString usage();
};

}  // namespace kep::desk
