#include "ops/Backup.h"

#include "attachments/UploadFiles.h"
#include "audit/AuditFiles.h"
#include "cli/DataDirectory.h"
#include "db/Database.h"
#include "ops/TarArchive.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <vector>

namespace kep::server::ops {

namespace {

namespace fs = std::filesystem;

bool isDatabaseFile(const std::string& name) {
    return name == "kep.db" || name == "kep.db-wal" || name == "kep.db-shm" ||
           name == "kep.db-journal";
}

// Every regular file under `dir` but the live database, relative.
std::vector<std::string> filesToCopy(const std::string& dir, const std::string& archivePath) {
    std::vector<std::string> names;
    const auto archive = fs::weakly_canonical(archivePath);
    // Upload chunks come and go while the server serves: an entry that vanishes is skipped.
    std::error_code ec;
    fs::recursive_directory_iterator entries(dir, ec);
    if (ec) {
        throw std::runtime_error("cannot list " + dir + ": " + ec.message());
    }
    for (; entries != fs::recursive_directory_iterator(); entries.increment(ec)) {
        if (ec) {
            ec.clear();
            continue;
        }
        const auto& entry = *entries;
        if (!entry.is_regular_file(ec)) {
            continue;
        }
        const auto name = fs::relative(entry.path(), dir).generic_string();
        const auto canonical = fs::weakly_canonical(entry.path());
        if (isDatabaseFile(name) || canonical == archive ||
            canonical.string() == archive.string() + ".partial") {
            continue;
        }
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The length of the first `lines` lines of a file another process appends to (all of its
// whole lines when `lines` is nullopt): what is past it belongs to a later backup.
std::uint64_t lengthOfLines(const std::string& path, std::optional<std::int64_t> lines) {
    std::ifstream file(path, std::ios::binary);
    std::uint64_t length = 0;
    std::uint64_t whole = 0;
    std::int64_t counted = 0;
    std::string buffer(64 * 1024, '\0');
    while ((!lines || counted < *lines) && file) {
        file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(file.gcount());
        for (std::size_t i = 0; i < got; ++i) {
            if (buffer[i] == '\n') {
                whole = length + i + 1;
                if (lines && ++counted == *lines) {
                    return whole;
                }
            }
        }
        length += got;
    }
    return whole;
}

// The checkpoints the snapshot holds: checkpoints.log is copied up to as many lines (the
// checkpointer writes a line before its row, so the file has them all, and perhaps more).
std::int64_t checkpointRows(kep::db::Database& snapshot) {
    auto table = snapshot.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_checkpoint'");
    if (!table.step() || table.int64(0) == 0) {
        return 0;
    }
    auto rows = snapshot.prepare("SELECT count(*) FROM audit_checkpoint");
    rows.step();
    return rows.int64(0);
}

mode_t modeOf(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? (info.st_mode & 0777) : 0600;
}

}  // namespace

BackupReport takeBackup(const std::string& dataDir, const std::string& archiveName) {
    // Absolute: the folder that receives it is fsynced after the rename, by its name.
    const auto archivePath = fs::absolute(archiveName).lexically_normal().string();
    const auto started = std::chrono::steady_clock::now();
    const cli::DataDirectory data(dataDir);
    if (!fs::is_regular_file(data.database)) {
        throw std::runtime_error(dataDir + " holds no kep.db: not a kep-server data folder");
    }
    const auto partial = archivePath + ".partial";
    const auto snapshot = archivePath + ".kep.db.partial";
    BackupReport report;
    std::string manifest = std::string(kManifestFirstLine) + "\n";
    auto listed = [&](const std::string& sha, std::uint64_t size, const std::string& name) {
        manifest += sha + " " + std::to_string(size) + " " + name + "\n";
        ++report.files;
    };
    try {
        TarWriter archive(partial);
        // The database first: the files that follow it (the checkpoint log above all) are then
        // cut to what the snapshot knows, or are content-addressed and already complete.
        std::int64_t checkpoints = 0;
        {
            kep::db::OpenOptions sourceOptions;
            sourceOptions.mode = kep::db::OpenMode::ReadWrite;
            auto source = kep::db::Database::open(data.database, sourceOptions);
            fs::remove(snapshot);
            kep::db::OpenOptions targetOptions;
            targetOptions.wal = false;  // one self-contained file
            auto target = kep::db::Database::open(snapshot, targetOptions);
            source.backupInto(target);
            checkpoints = checkpointRows(target);
        }
        report.databaseBytes = fs::file_size(snapshot);
        const auto database = archive.addFile("kep.db", snapshot, 0600).value();
        listed(database.sha256, database.size, "kep.db");
        fs::remove(snapshot);
        const audit::AuditFiles auditFiles(dataDir);
        for (const auto& name : filesToCopy(dataDir, archivePath)) {
            const auto path = dataDir + "/" + name;
            std::optional<std::uint64_t> limit;
            if (fs::path(path) == fs::path(auditFiles.checkpointsLog)) {
                limit = lengthOfLines(path, checkpoints);
            } else if (name.ends_with(".log")) {
                limit = lengthOfLines(path, std::nullopt);
            }
            if (const auto copied = archive.addFile(name, path, modeOf(path), limit)) {
                listed(copied->sha256, copied->size, name);
            }
        }
        archive.addBytes(kManifestName, manifest, 0600);
        archive.finish();
        report.archiveBytes = archive.bytesWritten();
        attachments::moveDurably(partial, archivePath);
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        fs::remove(snapshot, ignored);
        throw;
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace kep::server::ops
