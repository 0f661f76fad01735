// `kep-server restore`: a backup archive back into a data folder, checked before it is put in
// place — every member against the manifest, kep.db by PRAGMA integrity_check, every attachment
// against its content address, the audit log as `audit verify` proves it — so that a damaged
// backup never becomes a data folder.
#pragma once

#include <cstdint>
#include <string>

namespace kep::server::ops {

struct RestoreOptions {
    std::string archive;
    std::string dataDir;
    bool force = false;  // a non-empty data folder is moved aside (DIR.replaced-<unix time>)
};

struct RestoreReport {
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
    std::uint64_t attachments = 0;  // checked against their SHA-256 names
    bool auditVerified = false;     // the audit log was proved whole (a folder may predate it)
    std::uint64_t auditEntries = 0;
    std::uint64_t auditCheckpoints = 0;
    std::string replacedDir;  // where --force moved the previous folder; empty: none
};

// Extracts into DIR.restoring (a sibling), checks it, then renames it to DIR: a restore that
// fails leaves DIR as it was. Throws std::runtime_error saying what is wrong.
RestoreReport restoreBackup(const RestoreOptions& options);

// PRAGMA integrity_check of a database file: empty when "ok", else SQLite's first complaint.
std::string integrityProblem(const std::string& databasePath);

}  // namespace kep::server::ops
