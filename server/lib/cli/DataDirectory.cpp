#include "cli/DataDirectory.h"

#include "platform/Files.h"
#include "storage/DatabaseLocation.h"

#include <algorithm>

namespace kep::server::cli {

namespace {

std::string databaseOf(const std::string& sqliteFile, const std::string& databaseUrl) {
    if (!platform::exists(databaseUrl)) {
        return sqliteFile;
    }
    auto dsn = platform::readFile(databaseUrl);
    dsn.erase(std::find_if(dsn.rbegin(), dsn.rend(),
                           [](char c) { return c != '\n' && c != '\r' && c != ' '; })
                  .base(),
              dsn.end());
    return storage::postgresLocation(dsn);
}

}  // namespace

DataDirectory::DataDirectory(std::string folder)
    : dir(std::move(folder))
    , sqliteFile(dir + "/kep.db")
    , databaseUrl(dir + "/database-url")
    , database(databaseOf(sqliteFile, databaseUrl))
    , caCert(dir + "/ca.pem")
    , caKey(dir + "/ca-key.pem")
    , serverCert(dir + "/server.pem")
    , serverKey(dir + "/server-key.pem")
    , adminPem(dir + "/admin.pem")
    , demoJson(dir + "/demo.json") {}

bool DataDirectory::onPostgres() const {
    return storage::isPostgresLocation(database);
}

bool DataDirectory::hasDatabase() const {
    return onPostgres() || platform::exists(sqliteFile);
}

std::vector<std::string> DataDirectory::initFiles(bool withDatabase) const {
    std::vector<std::string> files{databaseUrl, caCert,   caKey,   serverCert,
                                   serverKey,   adminPem, demoJson};
    if (withDatabase) {
        files.insert(files.begin(), {sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm"});
    }
    return files;
}

std::vector<std::string> DataDirectory::serveFiles(bool withDatabase) const {
    // The CA key too: serve signs enrolled workstations' certificates.
    std::vector<std::string> files{caCert, caKey, serverCert, serverKey};
    if (withDatabase) {
        files.insert(files.begin(), sqliteFile);
    }
    return files;
}

std::unique_ptr<storage::ServerStore> openServerStore(const DataDirectory& data) {
    return data.onPostgres() ? storage::ServerStore::connect(data.database)
                             : storage::ServerStore::open(data.database);
}

}  // namespace kep::server::cli
