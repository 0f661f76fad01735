// The desk's per-machine data folder (DESIGN.md decision 7): which folder it is (command line,
// machine policy, platform default) and the files in it — desk.db, the workstation key and
// certificate. Created owner-and-group only (0770); the key file is owner-only (0600).
#pragma once

#include "platform/DeskFiles.h"

#include <QString>

#include <functional>
#include <optional>

namespace kep::desk {

struct DataFolderChoice {
    enum class Source { Configured, Machine, Development };
    QString path;
    Source source = Source::Development;
};

// Precedence, highest first: the configured folder (Settings::dataDir(): --data DIR, else the
// policy's DataDir); the machine folder (/var/lib/kep-desk) when `usable` says it exists and
// this process may write in it; else the per-user development folder. A configured folder is
// taken as given: a wrong --data is an error to report, not a reason to fall back silently.
DataFolderChoice chooseDataFolder(const QString& configured, const DataFolderDefaults& defaults,
                                  const std::function<bool(const QString&)>& usable);

class DeskDataFolder {
public:
    // Creates the folder if needed (see makeDeskFolder); nullopt with *error if it cannot.
    static std::optional<DeskDataFolder> open(const QString& path, QString* error);

    const QString& path() const { return path_; }
    QString databaseFile() const;     // desk.db
    QString keyFile() const;          // workstation-key.pem (0600)
    QString certificateFile() const;  // workstation.pem

private:
    explicit DeskDataFolder(QString path) : path_(std::move(path)) {}
    QString path_;
};

}  // namespace kep::desk
