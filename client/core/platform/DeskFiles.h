// Where this machine keeps the desk's data folder and how its files are kept private: the
// operating-system part of DeskDataFolder (POSIX modes here; Windows ACLs go in their own file).
#pragma once

#include <QByteArray>
#include <QString>

namespace kep::desk {

// The platform's candidates for the per-machine data folder, in order of preference.
struct DataFolderDefaults {
    // /var/lib/kep-desk on Linux. The .deb package creates it owned by root, group `kep-desk`,
    // mode 2770, and adds the counter's clerks to that group: the clerks of one PC share it and
    // nobody else can read it.
    QString machine;
    // $XDG_DATA_HOME/KEP/kep-desk (~/.local/share/KEP/kep-desk): development machines and
    // installs without the package, where the folder belongs to the one user running the desk.
    QString development;
};

DataFolderDefaults platformDataFolders();

// An existing directory this process may create files in.
bool isWritableFolder(const QString& path);

// Creates the folder (and its parents) if missing. A folder created here, or one this user
// owns, is restricted to owner and group (0770); a folder owned by someone else (the package's)
// keeps its mode. False with *error naming the path and the cause.
bool makeDeskFolder(const QString& path, QString* error);

// From now on, files and folders this process creates give others no access (umask 007), so
// that what the desk writes beyond the calls below (receipts, result PDFs, Qt's temporary files)
// stays with the counter's clerks too. Called once at start-up.
void restrictNewFiles();

enum class FileAccess {
    OwnerOnly,      // 0600: the workstation key
    OwnerAndGroup,  // 0660: desk.db and the certificate, shared by the counter's clerks
};

// Sets the mode of an existing file. False with *error.
bool restrictFile(const QString& path, FileAccess access, QString* error);

// Writes the file whole or not at all (a temporary file created with the final mode, synced,
// then renamed over the old one), so that a crash never leaves half a key behind.
bool writeFileAtomically(const QString& path, const QByteArray& contents, FileAccess access,
                         QString* error);

}  // namespace kep::desk
