// The files of a kep-server data folder, named in one place: what `init` creates and what
// `serve` needs — and where its database is: DIR/kep.db, or the PostgreSQL database that
// DIR/database-url names (written by `init --dsn`), so that every command finds it from --data.
#pragma once

#include "storage/ServerStore.h"

#include <memory>
#include <string>
#include <vector>

namespace kep::server::cli {

struct DataDirectory {
    explicit DataDirectory(std::string dir);

    std::string dir;
    std::string sqliteFile;   // kep.db (and its -wal/-shm companions)
    std::string databaseUrl;  // database-url, 0600: the PostgreSQL DSN, when there is one
    // Where the database is (storage/DatabaseLocation.h): sqliteFile, or PostgreSQL's URI as
    // databaseUrl names it (read by the constructor).
    std::string database;
    std::string caCert;      // ca.pem: what desks trust
    std::string caKey;       // ca-key.pem, 0600
    std::string serverCert;  // server.pem
    std::string serverKey;   // server-key.pem, 0600
    std::string adminPem;    // admin.pem: certificate and key in one file, 0600
    std::string demoJson;    // demo.json, 0600 (it holds the demo passwords)

    bool onPostgres() const;
    // The database exists: PostgreSQL's is taken to (a connection says otherwise), SQLite's file
    // is looked for.
    bool hasDatabase() const;

    // Every file `init` writes; none may exist before it runs. Without `withDatabase` (the
    // database is PostgreSQL's), all but kep.db.
    std::vector<std::string> initFiles(bool withDatabase = true) const;
    // What `serve` cannot start without.
    std::vector<std::string> serveFiles(bool withDatabase = true) const;
};

// ServerStore::open() or ::connect(), as the folder's database is; migrations it lacks applied.
std::unique_ptr<storage::ServerStore> openServerStore(const DataDirectory& data);

}  // namespace kep::server::cli
