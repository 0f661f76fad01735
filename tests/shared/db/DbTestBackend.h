// The back-ends kep::db's tests run against, as Qt Test global data: a SQLite file in a fresh
// folder, and a fresh schema on the throw-away PostgreSQL cluster (kep_require_postgres).
#pragma once

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

#include "PgTestSchema.h"
#include "db/Database.h"
#include "storage/pg/PgDatabase.h"

namespace kep::db::test {

enum class Backend { Sqlite, Postgres };

// Adds the global data rows "sqlite" and "postgres" (column "backend"); call from
// initTestCase_data().
inline void addBackendRows() {
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::Sqlite;
    QTest::newRow("postgres") << Backend::Postgres;
}

// One test's database: every open() is a new connection to the same one.
class TestDatabase {
public:
    explicit TestDatabase(Backend backend) : backend_(backend) {
        if (backend_ == Backend::Postgres) {
            schema_ =
                std::make_unique<kep::test::PgTestSchema>(kep::test::PgTestSchema::Start::Empty);
        }
    }
    Backend backend() const { return backend_; }
    bool isSqlite() const { return backend_ == Backend::Sqlite; }

    Database open(const OpenOptions& options = {}) const {
        if (isSqlite()) {
            return Database::open(file("test.db"), options);
        }
        auto db = kep::server::pg::openDatabase(kep::test::testPgDsn(), options);
        auto path = db.prepare("SELECT set_config('search_path', ?1, false)");
        path.bind(1, schema_->name());
        path.step();
        return db;
    }
    // A SQLite file of its own in this test's folder (SQLite-only tests).
    std::string file(const char* name) const {
        return QDir(folder_.path()).filePath(name).toStdString();
    }
    // The same word on each back-end where their SQL or messages differ.
    const char* pick(const char* sqlite, const char* postgres) const {
        return isSqlite() ? sqlite : postgres;
    }

private:
    Backend backend_;
    QTemporaryDir folder_;
    std::unique_ptr<kep::test::PgTestSchema> schema_;
};

}  // namespace kep::db::test

Q_DECLARE_METATYPE(kep::db::test::Backend)
