#include "storage/ServerStore.h"

#include "storage/pg/PgDatabase.h"
#include "storage/pg/PgMigrate.h"

namespace kep::server::storage {

std::unique_ptr<ServerStore> ServerStore::connect(const std::string& dsn) {
    auto db = kep::server::pg::openDatabase(dsn);
    // Rows from before migration 0006 need no folding here: PostgreSQL's schema has had
    // username_folded from its first version.
    kep::db::migrate(db, kep::server::pg::migrations());
    return std::unique_ptr<ServerStore>(new ServerStore(std::move(db)));
}

}  // namespace kep::server::storage
