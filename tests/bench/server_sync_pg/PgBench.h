// What the PostgreSQL benches of the sync store share: a throw-away cluster of their own
// (scripts/pg-cluster), a fresh migrated database on it, and the filed cases desks push.
#pragma once

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "PgCluster.h"
#include "shared/domain/TaxId.h"
#include "shared/sync/JsonWriter.h"
#include "shared/sync/SyncMessages.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgMigrate.h"

namespace kep::bench::pg {

// A filed case as a desk pushes it: invented people (no real person is meant) with valid ΑΦΜ and
// ΑΜΚΑ, about 1 KB of fields.
inline kep::sync::FieldMap filedCase(int n, kep::domain::SyntheticTaxIds& taxIds,
                                     std::mt19937& pick) {
    static const char* const kNames[] = {"Ελένη Ζαχαρίου", "Νικόλαος Οικονόμου", "Σοφία Μαυρίδη",
                                         "Δημήτριος Τσακίρης"};
    const std::chrono::year_month_day born{
        std::chrono::year{1960 + static_cast<int>(pick() % 40)},
        std::chrono::month{static_cast<unsigned>(1 + pick() % 12)},
        std::chrono::day{static_cast<unsigned>(1 + pick() % 28)}};
    kep::sync::JsonWriter citizen;
    citizen.beginObject()
        .stringMember("kind", "greek")
        .stringMember("name_el", kNames[pick() % 4])
        .stringMember("afm", taxIds.afm())
        .stringMember("amka", taxIds.amka(born))
        .stringMember("email", "person" + std::to_string(n) + "@example.gr")
        .stringMember("address", "Οδός Πατησίων " + std::to_string(1 + n % 300) + ", Αθήνα")
        .endObject();
    const bool approval = n % 4 == 0;
    return {{"status", approval ? "pending_approval" : "submitted"},
            {"requires_approval", approval ? "true" : "false"},
            {"protocol_number", "0202/2026/" + std::to_string(200'000 + n)},
            {"procedure_id", "mitos-" + std::to_string(300'000 + pick() % 2'000)},
            {"catalogue_version", "14"},
            {"citizen", citizen.take()},
            {"evidence", R"([{"id":"ev-1","state":"presented"},{"id":"ev-2","state":"waived"}])"},
            {"due_date", "2026-12-18"}};
}

// A database of its own on the cluster for one measurement, migrated.
inline std::string freshDatabase(const Cluster& cluster, const std::string& name) {
    auto admin = kep::server::pg::Connection::open(cluster.dsn());
    admin.exec("CREATE DATABASE " + name);  // a fixed name of this file, not input
    std::string dsn = cluster.dsn();
    dsn.replace(dsn.find("dbname=postgres"), std::string{"dbname=postgres"}.size(),
                "dbname=" + name);
    auto db = kep::server::pg::Connection::open(dsn);
    kep::server::pg::migrate(db);
    return dsn;
}

}  // namespace kep::bench::pg
