// The kep-server a privacy test runs against, on the back-end the test runs on (TestServerStore.h):
// `init` into its data folder — with `--dsn` on PostgreSQL — then `serve`; and where a citizen is
// still found, in the data folder's files and, on PostgreSQL, in the database's rows.
// Header-only: its tests link kep_server_pg through kep_add_postgres_variant.
#pragma once

#include "PrivacyTestKit.h"
#include "TestServerStore.h"

#include <QDebug>

#include <memory>
#include <string>
#include <vector>

namespace kep::test {

// Every row of every table holding one of `needles` ("table: needle"), as text and, for bytea
// columns, as the hex they print as: PostgreSQL's files are the cluster's, not the data folder's.
inline QStringList rowsHolding(kep::db::Database& db, const QList<QByteArray>& needles) {
    std::vector<std::string> tables;
    auto list = db.prepare(
        "SELECT format('%I', table_name) FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    while (list.step()) {
        tables.push_back(list.text(0));
    }
    QStringList found;
    for (const auto& table : tables) {
        // The name is the catalogue's, quoted by format(); the needles are bound.
        auto search = db.prepare("SELECT count(*) FROM " + table +
                                 " t WHERE strpos(t::text, ?1) > 0 OR strpos(t::text, ?2) > 0");
        for (const auto& needle : needles) {
            search.bind(1, needle.toStdString()).bind(2, needle.toHex().toStdString());
            search.step();
            if (search.int64(0) > 0) {
                found << QString::fromStdString(table) + ": " + QString::fromUtf8(needle);
            }
            search.reset();
        }
    }
    return found;
}

class PrivacyServer {
public:
    // With the demo accounts. False (the reason on qWarning or in process.errorString()) when
    // init or serve failed.
    bool start() {
        database = std::make_unique<TestServerDatabase>(process.dataDir().toStdString());
        if (!database->isPostgres()) {
            return process.start(true);
        }
        const int init = process.runOnce({"init", "--data", process.dataDir(), "--dsn",
                                          QString::fromStdString(database->location()), "--demo"});
        if (init != 0) {
            qWarning() << process.lastOutput();
            return false;
        }
        return process.serve();
    }

    // Where a citizen is still found: files of the data folder (on SQLite kep.db and its WAL
    // among them) and, on PostgreSQL, rows of the database.
    QStringList holding(const SyntheticCitizen& citizen) const {
        auto found = filesHolding(process.dataDir(), citizen.needles());
        if (database->isPostgres()) {
            auto db = database->connect();
            found += rowsHolding(db, citizen.needles());
        }
        return found;
    }

    // Before `process`: a PostgreSQL database is dropped only once the server has stopped.
    std::unique_ptr<TestServerDatabase> database;
    ServerProcess process;
};

}  // namespace kep::test
