// `kep-server backup`: one consistent, durable copy of a data folder while the server serves —
// kep.db through SQLite's online backup, and every other file of the folder (CA, audit keys and
// checkpoint log, attachments) — as one ustar archive with a manifest of SHA-256 digests.
#pragma once

#include <cstdint>
#include <string>

namespace kep::server::ops {

struct BackupReport {
    std::uint64_t files = 0;          // members, the manifest left out
    std::uint64_t archiveBytes = 0;   // the archive's size
    std::uint64_t databaseBytes = 0;  // the kep.db snapshot's size
    double seconds = 0;
};

// Writes ARCHIVE.partial next to `archivePath`, fsyncs it and renames it into place (replacing
// an older archive of that name only once the new one is whole). The snapshot comes first;
// checkpoints.log is then copied up to as many lines as the snapshot has checkpoints, so that the
// two copies agree as `audit verify` wants. Throws std::runtime_error naming what failed.
BackupReport takeBackup(const std::string& dataDir, const std::string& archivePath);

// The archive's member that lists "sha256 size name" for every other member; the last one.
inline constexpr const char* kManifestName = "MANIFEST";
inline constexpr const char* kManifestFirstLine = "kep-server backup 1";

}  // namespace kep::server::ops
