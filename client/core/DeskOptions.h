// The kep-desk command line: server and CA overrides, the scripted tour and its inputs, the
// start-up language. Parsed here so that main.cpp stays a few lines and the rules are tested.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kep::desk {

struct DeskOptions {
    QString serverUrl;              // --server URL
    QString caFile;                 // --ca FILE
    QString dataDir;                // --data DIR: the per-machine data folder
    QString tourDir;                // --tour OUTDIR: run the scripted tour, write screenshots, exit
    QString demoFile;               // --demo FILE: demo.json with the tour's users
    QString language;               // --lang el|en; empty = the user's saved choice
    bool helpRequested = false;     // -h, --help
    bool versionRequested = false;  // -v, --version

    // Parses arguments (argv[0] first). On a fault returns nullopt and sets *error.
    static std::optional<DeskOptions> parse(const QStringList& arguments, QString* error);
    static QString usage();
};

}  // namespace kep::desk
