// A fresh PostgreSQL schema per test object on the throw-away cluster that ctest starts
// (kep_require_postgres): migrated with the sync store's migrations, dropped at the end.
#pragma once

#include <QFile>
#include <QString>

#include <unistd.h>
#include <atomic>
#include <random>
#include <stdexcept>
#include <string>

#include "storage/pg/PgConnection.h"
#include "storage/pg/PgMigrate.h"

namespace kep::test {

// What a test says when ctest gave it no cluster.
inline constexpr const char* kNoTestPgCluster =
    "no PostgreSQL cluster: KEP_TEST_PG_DSN_FILE names no DSN file "
    "(ctest starts one with scripts/pg-cluster)";

// The cluster's DSN from the file named by $KEP_TEST_PG_DSN_FILE; empty when there is none
// (the caller fails the test: a missing cluster is a failure, never a skip).
inline std::string testPgDsn() {
    QFile file(qEnvironmentVariable("KEP_TEST_PG_DSN_FILE"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll().trimmed().toStdString();
}

// One schema of its own (a few milliseconds, where CREATE DATABASE takes a second): connections
// from connect() find only its tables through search_path.
class PgTestSchema {
public:
    enum class Start { Migrated, Empty };
    explicit PgTestSchema(Start start = Start::Migrated) : dsn_(testPgDsn()) {
        if (dsn_.empty()) {
            throw std::runtime_error(kNoTestPgCluster);
        }
        static std::atomic<int> counter{0};
        std::random_device random;
        name_ = "kep_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
                std::to_string(random() % 1'000'000);
        auto db = kep::server::pg::Connection::open(dsn_);
        db.exec(quoted(db, "CREATE SCHEMA %I"));
        if (start == Start::Migrated) {
            auto migrated = connect();
            kep::server::pg::migrate(migrated);
        }
    }
    ~PgTestSchema() {
        try {
            auto db = kep::server::pg::Connection::open(dsn_);
            db.exec("SET client_min_messages = warning");  // not a notice per dropped table
            db.exec(quoted(db, "DROP SCHEMA %I CASCADE"));
        } catch (const std::exception&) {
            // The cluster is thrown away after the run anyway.
        }
    }
    PgTestSchema(const PgTestSchema&) = delete;
    PgTestSchema& operator=(const PgTestSchema&) = delete;

    kep::server::pg::Connection connect() const {
        auto db = kep::server::pg::Connection::open(dsn_);
        db.query("SELECT set_config('search_path', $1, false)",
                 kep::server::pg::Params().add(name_));
        return db;
    }
    const std::string& name() const { return name_; }

private:
    // An identifier cannot be a bound parameter: the server's format() quotes it into the SQL.
    std::string quoted(kep::server::pg::Connection& db, const char* pattern) const {
        return db
            .query("SELECT format($1, $2::text)", kep::server::pg::Params().add(pattern).add(name_))
            .text(0, 0);
    }

    std::string dsn_;
    std::string name_;
};

}  // namespace kep::test
