#include "DeskDataFolder.h"

#include <QDir>
#include <QFileInfo>

namespace kep::desk {

DataFolderChoice chooseDataFolder(const QString& configured, const DataFolderDefaults& defaults,
                                  const std::function<bool(const QString&)>& usable) {
    using Source = DataFolderChoice::Source;
    if (!configured.isEmpty()) {
        return {configured, Source::Configured};
    }
    if (!defaults.machine.isEmpty() && usable(defaults.machine)) {
        return {defaults.machine, Source::Machine};
    }
    return {defaults.development, Source::Development};
}

std::optional<DeskDataFolder> DeskDataFolder::open(const QString& path, QString* error) {
    if (path.isEmpty()) {
        *error = QStringLiteral("no data folder given");
        return std::nullopt;
    }
    if (!makeDeskFolder(path, error)) {
        return std::nullopt;
    }
    return DeskDataFolder(QFileInfo(path).absoluteFilePath());
}

QString DeskDataFolder::databaseFile() const {
    return QDir(path_).filePath(QStringLiteral("desk.db"));
}

QString DeskDataFolder::keyFile() const {
    return QDir(path_).filePath(QStringLiteral("workstation-key.pem"));
}

QString DeskDataFolder::certificateFile() const {
    return QDir(path_).filePath(QStringLiteral("workstation.pem"));
}

}  // namespace kep::desk
