#include "cli/MigrateToPostgresCommand.h"

#include "audit/AuditFiles.h"
#include "audit/AuditKeys.h"
#include "audit/AuditVerifier.h"
#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "cli/DsnText.h"
#include "cli/MigratedAuditCheck.h"
#include "cli/SqliteToPostgres.h"
#include "platform/Files.h"
#include "storage/pg/PgMigrate.h"

#include <iomanip>

namespace kep::server::cli {

namespace {

namespace pg = kep::server::pg;

struct MigrateOptions {
    std::string dataDir;
    std::string dsn;
};

MigrateOptions parseOptions(std::span<const std::string_view> arguments) {
    MigrateOptions options;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto argument = arguments[i];
        if (i + 1 >= arguments.size()) {
            throw UsageError("migrate-to-postgres: unknown argument or missing value '" +
                             std::string(argument) + "'");
        }
        if (argument == "--data") {
            options.dataDir = arguments[++i];
        } else if (argument == "--dsn") {
            options.dsn = arguments[++i];
        } else {
            throw UsageError("migrate-to-postgres: unknown argument '" + std::string(argument) +
                             "'");
        }
    }
    if (options.dataDir.empty() || options.dsn.empty()) {
        throw UsageError("migrate-to-postgres needs --data DIR and --dsn DSN");
    }
    return options;
}

std::string publicAuditKey(kep::db::Database& source) {
    auto select = source.prepare("SELECT value FROM meta WHERE key = ?");
    select.bind(1, audit::kPublicKeyMeta);
    if (!select.step()) {
        throw MigrationRefused("the SQLite database has no audit key (meta " +
                               std::string(audit::kPublicKeyMeta) + "): is it a kep-server's?");
    }
    return select.text(0);
}

// The source's audit log must be whole before it is moved: what the target is compared with.
audit::AuditVerification verifySource(kep::db::Database& source,
                                      const audit::CheckpointSignatures& signatures,
                                      const std::string& checkpointsLog) {
    auto verified = audit::verifyAuditLog(source, signatures, checkpointsLog);
    if (!verified.intact()) {
        throw MigrationRefused(
            "the SQLite audit log does not verify (run: kep-server audit verify --data DIR); "
            "nothing was moved: " +
            (verified.problems.empty() ? std::string("see audit verify") : verified.problems[0]));
    }
    return verified;
}

bool countsMatch(const std::vector<TableCount>& counts, std::ostream& out) {
    bool match = true;
    out << "table                                 sqlite   postgresql\n";
    for (const auto& count : counts) {
        const bool same = count.sqliteRows == count.postgresRows;
        match = match && same;
        out << std::left << std::setw(34) << count.table << std::right << std::setw(10)
            << count.sqliteRows << std::setw(13) << count.postgresRows << (same ? "" : "  DIFFERS")
            << "\n";
    }
    return match;
}

bool auditMatches(const audit::AuditVerification& source, const MigratedAudit& target,
                  std::ostream& out) {
    for (const auto& problem : target.problems) {
        out << "PROBLEM audit on PostgreSQL: " << problem << "\n";
    }
    const bool match = target.problems.empty() && target.entries == source.entries &&
                       target.checkpoints == source.checkpoints && target.head == source.head;
    out << "audit log: " << source.entries << " entries and " << source.checkpoints
        << " signed checkpoints on SQLite, " << target.entries << " and " << target.checkpoints
        << " on PostgreSQL\n"
        << "tree head: " << kep::audit::toHex(source.head) << " on SQLite, "
        << kep::audit::toHex(target.head) << " on PostgreSQL"
        << (match ? " (equal, every checkpoint verifies)" : " (DIFFERS)") << "\n";
    return match;
}

// PostgreSQL's sync store hands out change seqs, result numbers and audit leaves from one counter
// row (0001_sync.sql) that SQLite has no table for: it goes on after what was copied.
void resumeSyncCounters(pg::Connection& target) {
    target.exec(
        "UPDATE sync_counter SET "
        "last_seq = (SELECT coalesce(max(seq), 0) FROM sync_change), "
        "last_result = (SELECT coalesce(max(result_no), 0) FROM sync_result), "
        "last_leaf = (SELECT coalesce(max(leaf_index), 0) FROM audit_entry)");
}

int migrate(const MigrateOptions& options, std::ostream& out, std::ostream& err) {
    const DataDirectory data(options.dataDir);
    const auto shownDsn = withoutPassword(options.dsn);
    if (data.onPostgres()) {
        throw MigrationRefused(data.dir + " is already on PostgreSQL (" + data.databaseUrl + ")");
    }
    if (!platform::exists(data.sqliteFile)) {
        throw MigrationRefused(data.sqliteFile + " does not exist: --data names no kep-server " +
                               "data folder");
    }
    // Read-only: a SQLite installation is moved after its server stopped, and left as it was.
    auto source = kep::db::Database::open(data.sqliteFile, {.mode = kep::db::OpenMode::ReadOnly});
    const audit::CheckpointSignatures signatures(publicAuditKey(source));
    const auto sourceAudit =
        verifySource(source, signatures, audit::AuditFiles(data.dir).checkpointsLog);

    auto target = pg::Connection::open(options.dsn);
    requireNoData(target);
    const auto applied = pg::migrate(target);
    requireNoData(target);
    out << "PostgreSQL " << shownDsn << ": schema version " << pg::schemaVersion(target) << " ("
        << applied << " migrations applied)\n";

    const auto counts = copySqliteToPostgres(source, target);
    resumeSyncCounters(target);
    const bool countsEqual = countsMatch(counts, out);
    const bool auditEqual = auditMatches(sourceAudit, checkMigratedAudit(target, signatures), out);
    if (!countsEqual || !auditEqual) {
        err << "kep-server migrate-to-postgres: the copy in " << shownDsn << " does not match "
            << data.sqliteFile << " (see above); do not serve from it\n";
        return 1;
    }
    // From now on every command with --data DIR finds the database there; kep.db stays as it
    // was, for the record, until the operator removes it.
    platform::writeNewFile(data.databaseUrl, options.dsn + "\n", 0600);
    out << "moved " << data.sqliteFile << " to " << shownDsn << ": " << counts.size() << " tables; "
        << data.databaseUrl << " names it now: kep-server serve --data " << data.dir
        << " serves from PostgreSQL\n";
    return 0;
}

}  // namespace

bool isMigrateToPostgresCommand(std::string_view name) {
    return name == "migrate-to-postgres";
}

std::string migrateToPostgresUsage() {
    return "  kep-server migrate-to-postgres --data DIR --dsn DSN\n"
           "      Copies the stopped installation's database (DIR/kep.db) into the empty\n"
           "      PostgreSQL database DSN (libpq 'host=... dbname=...' or postgresql://...):\n"
           "      applies the schema, copies every table in one transaction, and checks the\n"
           "      row counts of every table and the audit log (tree head and signed\n"
           "      checkpoints) on both sides. Refuses a target that holds data. DIR keeps the\n"
           "      certificates and keys that serve --dsn still reads.\n";
}

int runMigrateToPostgresCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                                    std::ostream& err) {
    MigrateOptions options;
    try {
        options = parseOptions(arguments);
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\nusage:\n" << migrateToPostgresUsage();
        return 2;
    }
    try {
        return migrate(options, out, err);
    } catch (const std::exception& error) {
        // PgError never names the password; the DSN is only ever shown without it.
        err << "kep-server migrate-to-postgres: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace kep::server::cli
