// Where the audit log keeps its files in a data folder (DIR/audit): the signing key, the
// checkpoints' copy outside the database, and the key of the citizens' pseudonyms.
#pragma once

#include <string>

namespace kep::server::audit {

struct AuditFiles {
    explicit AuditFiles(const std::string& dataDir)
        : dir(dataDir + "/audit")
        , signingKey(dir + "/signing-key.pem")
        , checkpointsLog(dir + "/checkpoints.log")
        , citizenRefKey(dir + "/citizen-ref.key") {}

    std::string dir;             // 0700
    std::string signingKey;      // Ed25519 private key, PEM, 0600
    std::string checkpointsLog;  // one kep::audit::toLine() per checkpoint, appended and fsync'd
    std::string citizenRefKey;   // CitizenRef's HMAC key, 32 bytes, 0600

    // Creates DIR/audit (0700) when it does not exist yet.
    void createDirectory() const;
};

}  // namespace kep::server::audit
