#include "cli/DataDirectory.h"

namespace kep::server::cli {

DataDirectory::DataDirectory(std::string folder)
    : dir(std::move(folder))
    , database(dir + "/kep.db")
    , caCert(dir + "/ca.pem")
    , caKey(dir + "/ca-key.pem")
    , serverCert(dir + "/server.pem")
    , serverKey(dir + "/server-key.pem")
    , adminPem(dir + "/admin.pem")
    , demoJson(dir + "/demo.json") {}

std::vector<std::string> DataDirectory::initFiles() const {
    return {database,   database + "-wal", database + "-shm", caCert,  caKey,
            serverCert, serverKey,         adminPem,          demoJson};
}

std::vector<std::string> DataDirectory::serveFiles() const {
    // The CA key too: serve signs enrolled workstations' certificates.
    return {database, caCert, caKey, serverCert, serverKey};
}

}  // namespace kep::server::cli
