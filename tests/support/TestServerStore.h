// The back-end a store test runs on (issue 10): kep.db in the test's temporary folder, or, when
// the test runs with KEP_TEST_BACKEND=postgres (the `_pg` variants of kep_add_postgres_variant),
// a fresh database of its own on the PostgreSQL cluster that ctest starts. Header-only: only the
// tests that use it link kep_server_pg (and so libpq).
#pragma once

#include <QString>

#include <unistd.h>
#include <atomic>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

#include "db/Database.h"
#include "storage/ServerStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgDatabase.h"
#include "storage/pg/PgMigrate.h"

namespace kep::test {

// True when the test runs against PostgreSQL (KEP_TEST_BACKEND=postgres).
inline bool testsRunOnPostgres() {
    return qEnvironmentVariable("KEP_TEST_BACKEND") == QStringLiteral("postgres");
}

// One test's server database. On PostgreSQL the constructor makes a database of its own that
// already holds the server's PostgreSQL schema (a copy of one migrated template per test process:
// CREATE DATABASE takes a fifth of a second, the migrations half a second more), and the
// destructor drops it. A missing cluster throws (a failure, never a skip).
class TestServerDatabase {
public:
    // PostgreSQL only: Empty for a database that createStore() has to migrate itself.
    enum class Start { Migrated, Empty };
    // `folder`: the test's temporary folder, where the SQLite file goes.
    explicit TestServerDatabase(const std::string& folder, Start start = Start::Migrated) {
        if (!testsRunOnPostgres()) {
            location_ = folder + "/kep.db";
            return;
        }
        const auto cluster = clusterDsn();
        if (start == Start::Empty) {
            database_ = std::make_unique<ClusterDatabase>(cluster, "CREATE DATABASE %I");
        } else {
            // One migrated template per test process, dropped when the process ends.
            static const ClusterDatabase migrated = [&cluster] {
                ClusterDatabase empty(cluster, "CREATE DATABASE %I");
                auto db = kep::server::pg::openDatabase(empty.dsn());
                kep::db::migrate(db, kep::server::pg::migrations());
                return empty;
            }();
            database_ = std::make_unique<ClusterDatabase>(cluster, "CREATE DATABASE %I TEMPLATE %I",
                                                          migrated.name());
        }
        location_ = database_->dsn();
    }
    TestServerDatabase(const TestServerDatabase&) = delete;
    TestServerDatabase& operator=(const TestServerDatabase&) = delete;

    bool isPostgres() const { return database_ != nullptr; }
    // The SQLite file's path, or the PostgreSQL connection string.
    const std::string& location() const { return location_; }

    // A new store with the whole schema: ServerStore::create() or ServerStore::connect().
    std::unique_ptr<kep::server::storage::ServerStore> createStore() const {
        return isPostgres() ? kep::server::storage::ServerStore::connect(location_)
                            : kep::server::storage::ServerStore::create(location_);
    }
    // The store again, as another process would open it.
    std::unique_ptr<kep::server::storage::ServerStore> openStore() const {
        return isPostgres() ? kep::server::storage::ServerStore::connect(location_)
                            : kep::server::storage::ServerStore::open(location_);
    }
    // One more connection to the same database (a job's, a second process's).
    kep::db::Database connect(const kep::db::OpenOptions& options = {}) const {
        return isPostgres() ? kep::server::pg::openDatabase(location_, options)
                            : kep::db::Database::open(location_, options);
    }

private:
    // A database of the cluster under a name of its own, made by `create` (CREATE DATABASE ...,
    // the name as its first %I, `from` as its second) and dropped with this object: left behind,
    // a hundred test databases make the cluster's shutdown checkpoint write a gigabyte.
    class ClusterDatabase {
    public:
        ClusterDatabase(std::string cluster, const char* create, const std::string& from = {})
            : cluster_(std::move(cluster))
            , name_(uniqueName()) {
            onCluster(create, from);
        }
        ClusterDatabase(ClusterDatabase&& other) noexcept
            : cluster_(std::move(other.cluster_))
            , name_(std::exchange(other.name_, {})) {}
        ClusterDatabase(const ClusterDatabase&) = delete;
        ClusterDatabase& operator=(const ClusterDatabase&) = delete;
        ClusterDatabase& operator=(ClusterDatabase&&) = delete;
        ~ClusterDatabase() {
            if (name_.empty()) {
                return;
            }
            try {
                // FORCE: a connection the test left open (a job's, a store in a member) ends.
                onCluster("DROP DATABASE %I WITH (FORCE)", {});
            } catch (const std::exception&) {
                // The cluster is thrown away after the run anyway.
            }
        }
        const std::string& name() const { return name_; }
        std::string dsn() const { return cluster_ + " dbname=" + name_; }

    private:
        static std::string uniqueName() {
            static std::atomic<int> counter{0};
            std::random_device random;
            return "kep_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) +
                   "_" + std::to_string(random() % 1'000'000);
        }
        // On the cluster's own database; an identifier cannot be a bound parameter, so the
        // server's format() quotes the names into `pattern`.
        void onCluster(const char* pattern, const std::string& other) const {
            auto cluster = kep::server::pg::Connection::open(cluster_);
            const auto sql =
                cluster
                    .query("SELECT format($1, $2::text, $3::text)",
                           kep::server::pg::Params().add(pattern).add(name_).add(other))
                    .text(0, 0);
            cluster.exec(sql);
        }

        std::string cluster_;
        std::string name_;
    };

    // The cluster's connection string, from the file named by $KEP_TEST_PG_DSN_FILE.
    static std::string clusterDsn() {
        const auto file = qEnvironmentVariable("KEP_TEST_PG_DSN_FILE").toStdString();
        std::ifstream in(file);
        std::string dsn;
        if (file.empty() || !std::getline(in, dsn) || dsn.empty()) {
            throw std::runtime_error(
                "KEP_TEST_BACKEND=postgres but no PostgreSQL cluster: KEP_TEST_PG_DSN_FILE names "
                "no DSN file (register the test with kep_add_postgres_variant)");
        }
        return dsn;
    }

    std::unique_ptr<ClusterDatabase> database_;
    std::string location_;
};

}  // namespace kep::test
