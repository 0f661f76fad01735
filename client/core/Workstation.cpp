#include "Workstation.h"

#include "platform/KeyStore.h"
#include "storage/DeskDatabase.h"

namespace kep::desk {

Workstation::Workstation(DeskDataFolder folder, kep::db::Database db, const Clock& clock,
                         OfflineSignInRule rule)
    : folder_(std::move(folder))
    , db_(std::move(db))
    , credential_(chooseKeyStore(folder_.keyFile(), systemKeychainAvailable()),
                  folder_.certificateFile())
    , verifiers_(db_)
    , offline_(verifiers_, clock, rule) {}

std::unique_ptr<Workstation> Workstation::open(const QString& dataFolder, const Clock& clock,
                                               OfflineSignInRule rule, QString* error) {
    auto folder = DeskDataFolder::open(dataFolder, error);
    if (!folder) {
        return nullptr;
    }
    try {
        kep::db::Database db = storage::openDeskDatabase(folder->databaseFile());
        return std::make_unique<Workstation>(std::move(*folder), std::move(db), clock, rule);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(folder->databaseFile(), QString::fromUtf8(e.what()));
        return nullptr;
    }
}

}  // namespace kep::desk
