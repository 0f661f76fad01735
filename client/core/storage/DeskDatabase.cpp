#include "storage/DeskDatabase.h"

#include "platform/DeskFiles.h"

#include <QFile>

namespace kep::desk::storage {

kep::db::Database openDeskDatabase(const QString& file) {
    kep::db::OpenOptions options;
    // Forgotten verifiers must not linger in free pages of the file.
    options.secureDelete = true;
    kep::db::Database db = kep::db::Database::open(QFile::encodeName(file).toStdString(), options);
    kep::db::migrate(db, deskMigrations());
    QString error;
    for (const QString& part :
         {file, file + QStringLiteral("-wal"), file + QStringLiteral("-shm")}) {
        if (QFile::exists(part) && !restrictFile(part, FileAccess::OwnerAndGroup, &error)) {
            throw kep::db::Error(0, error.toStdString());
        }
    }
    return db;
}

}  // namespace kep::desk::storage
