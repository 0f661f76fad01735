#include "cli/BackupCommand.h"

#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "cli/StatsCommand.h"
#include "ops/Backup.h"
#include "ops/Restore.h"

#include <cstdio>

namespace kep::server::cli {

namespace {

struct BackupArguments {
    std::string dataDir;
    std::string archive;
    bool force = false;
};

BackupArguments parse(std::span<const std::string_view> arguments) {
    const auto command = arguments.front();
    BackupArguments parsed;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--data" && hasValue) {
            parsed.dataDir = arguments[++i];
        } else if (command == "backup" && argument == "--to" && hasValue) {
            parsed.archive = arguments[++i];
        } else if (command == "restore" && argument == "--from" && hasValue) {
            parsed.archive = arguments[++i];
        } else if (command == "restore" && argument == "--force") {
            parsed.force = true;
        } else {
            throw UsageError(std::string(command) + ": unknown argument or missing value '" +
                             std::string(argument) + "'");
        }
    }
    if (parsed.dataDir.empty() || parsed.archive.empty()) {
        throw UsageError(command == "backup" ? "backup needs --data DIR and --to FILE"
                                             : "restore needs --from FILE and --data DIR");
    }
    return parsed;
}

std::int64_t casesIn(const std::string& dataDir) {
    auto db = kep::db::Database::open(dataDir + "/kep.db", {.mode = kep::db::OpenMode::ReadOnly});
    kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
    return countCases(db).total;
}

}  // namespace

bool isBackupCommand(std::string_view name) {
    return name == "backup" || name == "restore";
}

std::string backupUsage() {
    return "  kep-server backup --data DIR --to FILE\n"
           "      Copies DIR, also while kep-server serves it, into FILE: one tar archive\n"
           "      (0600: it holds the CA's and the audit log's keys) with kep.db as one\n"
           "      consistent snapshot (SQLite's online backup) and a SHA-256 manifest.\n"
           "  kep-server restore --from FILE --data DIR [--force]\n"
           "      Checks FILE (manifest, PRAGMA integrity_check, attachments' SHA-256) and\n"
           "      only then puts it in place as DIR. A non-empty DIR is refused unless\n"
           "      --force, which moves it aside to DIR.replaced-<unix time>.\n";
}

int runBackupCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                         std::ostream& err) {
    BackupArguments parsed;
    try {
        parsed = parse(arguments);
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\n" << backupUsage();
        return 2;
    }
    try {
        if (arguments.front() == "backup") {
            if (DataDirectory(parsed.dataDir).onPostgres()) {
                throw std::runtime_error(
                    "the database of " + parsed.dataDir +
                    " is PostgreSQL (database-url): back it up with pg_dump or the cluster's "
                    "base backups and WAL archive, and copy the folder beside it");
            }
            const auto report = ops::takeBackup(parsed.dataDir, parsed.archive);
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
            out << "backup " << parsed.archive << ": " << report.files << " files, "
                << report.archiveBytes << " bytes (kep.db " << report.databaseBytes << " bytes) in "
                << seconds << " s" << std::endl;
            return 0;
        }
        const auto report = ops::restoreBackup({parsed.archive, parsed.dataDir, parsed.force});
        out << "restored " << parsed.dataDir << ": " << report.files << " files, " << report.bytes
            << " bytes, " << report.attachments << " attachments checked, "
            << casesIn(parsed.dataDir) << " cases; kep.db integrity ok; audit log "
            << (report.auditVerified
                    ? "intact (" + std::to_string(report.auditEntries) + " entries, " +
                          std::to_string(report.auditCheckpoints) + " checkpoints)"
                    : std::string("absent (a folder from before it)"))
            << std::endl;
        if (!report.replacedDir.empty()) {
            out << "the previous folder is kept as " << report.replacedDir << std::endl;
        }
        return 0;
    } catch (const std::exception& error) {
        err << "kep-server " << arguments.front() << ": " << error.what() << std::endl;
        return 1;
    }
}

}  // namespace kep::server::cli
