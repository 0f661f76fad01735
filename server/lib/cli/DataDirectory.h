// The files of a kep-server data folder, named in one place: what `init` creates and what
// `serve` needs.
#pragma once

#include <string>
#include <vector>

namespace kep::server::cli {

struct DataDirectory {
    explicit DataDirectory(std::string dir);

    std::string dir;
    std::string database;    // kep.db (and its -wal/-shm companions)
    std::string caCert;      // ca.pem: what desks trust
    std::string caKey;       // ca-key.pem, 0600
    std::string serverCert;  // server.pem
    std::string serverKey;   // server-key.pem, 0600
    std::string adminPem;    // admin.pem: certificate and key in one file, 0600
    std::string demoJson;    // demo.json, 0600 (it holds the demo passwords)

    // Every file `init` writes; none may exist before it runs.
    std::vector<std::string> initFiles() const;
    // What `serve` cannot start without.
    std::vector<std::string> serveFiles() const;
};

}  // namespace kep::server::cli
