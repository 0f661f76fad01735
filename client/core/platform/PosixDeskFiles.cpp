#include "platform/DeskFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace kep::desk {

namespace {

QString systemError(const QString& what, const QString& path) {
    return QStringLiteral("%1 %2: %3")
        .arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

mode_t modeOf(FileAccess access) {
    return access == FileAccess::OwnerOnly ? 0600 : 0660;
}

}  // namespace

DataFolderDefaults platformDataFolders() {
    DataFolderDefaults defaults;
    defaults.machine = QStringLiteral("/var/lib/kep-desk");
    // GenericDataLocation honours $XDG_DATA_HOME and falls back to ~/.local/share.
    defaults.development = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                           QStringLiteral("/KEP/kep-desk");
    return defaults;
}

bool isWritableFolder(const QString& path) {
    const QByteArray native = QFile::encodeName(path);
    struct stat info {};
    return ::stat(native.constData(), &info) == 0 && S_ISDIR(info.st_mode) &&
           ::access(native.constData(), W_OK | X_OK) == 0;
}

bool makeDeskFolder(const QString& path, QString* error) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(absolute);
    struct stat info {};
    if (::stat(native.constData(), &info) != 0) {
        if (!QDir().mkpath(absolute)) {
            *error = QStringLiteral("cannot create the data folder %1").arg(absolute);
            return false;
        }
        if (::stat(native.constData(), &info) != 0) {
            *error = systemError(QStringLiteral("cannot read"), absolute);
            return false;
        }
    }
    if (!S_ISDIR(info.st_mode)) {
        *error = QStringLiteral("%1 is not a folder").arg(absolute);
        return false;
    }
    // The package's folder (another owner) keeps the mode the package gave it.
    if (info.st_uid == ::geteuid() && (info.st_mode & 07777) != 0770 &&
        ::chmod(native.constData(), 0770) != 0) {
        *error = systemError(QStringLiteral("cannot restrict"), absolute);
        return false;
    }
    if (::access(native.constData(), W_OK | X_OK) != 0) {
        *error = systemError(QStringLiteral("cannot write in"), absolute);
        return false;
    }
    return true;
}

void restrictNewFiles() {
    ::umask(007);
}

bool restrictFile(const QString& path, FileAccess access, QString* error) {
    if (::chmod(QFile::encodeName(path).constData(), modeOf(access)) != 0) {
        *error = systemError(QStringLiteral("cannot restrict"), path);
        return false;
    }
    return true;
}

bool writeFileAtomically(const QString& path, const QByteArray& contents, FileAccess access,
                         QString* error) {
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".new";
    ::unlink(temporary.constData());  // a left-over of an interrupted write
    // Created with the final mode (O_EXCL: never through a planted link), so the contents are
    // never readable by others, not even for a moment.
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, modeOf(access));
    if (fd < 0) {
        *error = systemError(QStringLiteral("cannot create"), QFile::decodeName(temporary));
        return false;
    }
    bool ok = ::fchmod(fd, modeOf(access)) == 0;  // the umask may have removed group bits
    qsizetype written = 0;
    while (ok && written < contents.size()) {
        const ssize_t n = ::write(fd, contents.constData() + written,
                                  static_cast<size_t>(contents.size() - written));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        written += ok ? n : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    if (!ok) {
        *error = systemError(QStringLiteral("cannot write"), path);
    }
    ::close(fd);
    if (ok && ::rename(temporary.constData(), target.constData()) != 0) {
        *error = systemError(QStringLiteral("cannot replace"), path);
        ok = false;
    }
    if (!ok) {
        ::unlink(temporary.constData());
    }
    return ok;
}

}  // namespace kep::desk
