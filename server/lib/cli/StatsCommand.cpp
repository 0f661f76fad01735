#include "cli/StatsCommand.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "cli/ImportMitosCommand.h"
#include "platform/Files.h"
#include "storage/DatabaseLocation.h"

namespace kep::server::cli {

namespace {

bool hasSyncTables(kep::db::Database& db) {
    // PostgreSQL's schema has had the sync tables from its first migration.
    if (db.dialect() == kep::db::Dialect::Postgres) {
        return true;
    }
    auto select =
        db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_entity'");
    return select.step();
}

}  // namespace

CaseCounts countCases(kep::db::Database& db) {
    CaseCounts counts;
    if (!hasSyncTables(db)) {
        return counts;
    }
    // The office of "office:<code>" buckets, with the office's name where it is registered.
    auto select = db.prepare(
        "SELECT c.bucket, c.code, coalesce(o.name, ''), c.status, c.n FROM ("
        "  SELECT bucket, CASE WHEN bucket LIKE 'office:%' THEN substr(bucket, 8) ELSE '' END"
        "    AS code, coalesce(status, '') AS status, count(*) AS n"
        "  FROM sync_entity WHERE entity_type = 'case' GROUP BY bucket, status) c "
        "LEFT JOIN offices o ON o.code = c.code AND c.code <> '' "
        "ORDER BY c.bucket, c.status");
    while (select.step()) {
        const std::string bucket = select.text(0);
        if (counts.offices.empty() || counts.offices.back().bucket != bucket) {
            counts.offices.push_back({bucket, select.text(1), select.text(2), 0, {}});
        }
        OfficeCaseCounts& office = counts.offices.back();
        const std::int64_t n = select.int64(4);
        office.byStatus[select.text(3)] += n;
        office.total += n;
        counts.total += n;
    }
    return counts;
}

std::string caseCountsJson(const CaseCounts& counts) {
    namespace json = boost::json;
    json::array offices;
    for (const OfficeCaseCounts& office : counts.offices) {
        json::object byStatus;
        for (const auto& [status, n] : office.byStatus) {
            byStatus[status] = n;
        }
        offices.push_back(json::object{{"bucket", office.bucket},
                                       {"office", office.officeCode},
                                       {"name", office.officeName},
                                       {"cases", office.total},
                                       {"by_status", std::move(byStatus)}});
    }
    return json::serialize(json::object{{"cases", counts.total}, {"offices", std::move(offices)}});
}

bool isStatsCommand(std::string_view name) {
    return name == "stats";
}

int runStatsCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                        std::ostream& err) {
    std::string dataDir;
    try {
        for (std::size_t i = 1; i < arguments.size(); ++i) {
            if (arguments[i] == "--data" && i + 1 < arguments.size()) {
                dataDir = arguments[++i];
            } else {
                throw UsageError("stats: unknown argument '" + std::string(arguments[i]) + "'");
            }
        }
        if (dataDir.empty()) {
            throw UsageError("stats needs --data DIR");
        }
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\n" << statsUsage();
        return kExitUsage;
    }
    try {
        const DataDirectory data(dataDir);
        if (!data.hasDatabase()) {
            err << "kep-server stats: " << dataDir
                << " is not an initialised data folder (run: kep-server init --data " << dataDir
                << ")\n";
            return kExitFailed;
        }
        auto db = storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadOnly});
        // One read transaction: the counts are of one committed state, even mid-ingest.
        kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
        out << caseCountsJson(countCases(db)) << "\n";
        return kExitOk;
    } catch (const std::exception& error) {
        err << "kep-server stats: " << error.what() << "\n";
        return kExitFailed;
    }
}

std::string statsUsage() {
    return "  kep-server stats --data DIR\n"
           "      Prints JSON counts of the server's cases by office and status, read from\n"
           "      DIR/kep.db (read-only: it may run while the server serves).\n";
}

}  // namespace kep::server::cli
