// The deterministic simulation (tests/shared/sync/SyncSimulation.h) with the server on
// SqliteSyncServerStore over a real file: each seed's store mirrors the in-memory reference, so
// every answer SQLite gives is checked as it is given, and after the seed the reopened file must
// hold exactly the reference's committed state and pass PRAGMA integrity_check.
//
//   KEP_SIM_SECONDS (45)     stop starting seeds after this long
//   KEP_SIM_SEEDS (2000)     stop after this many seeds
//   KEP_SIM_FIRST_SEED (1)   where the run starts
//   KEP_SIM_MIN_SEEDS (100)  fail if fewer seeds ran in the budget
//   KEP_SIM_SEED=N           replay seed N alone, printing every event
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <filesystem>

#include "../../shared/sync/SyncSimulation.h"
#include "MirroredSqliteStore.h"
#include "SyncStoreBackends.h"

using namespace kep::sync::sim;

namespace {

std::uint64_t envNumber(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value == nullptr || *value == '\0' ? fallback : std::strtoull(value, nullptr, 10);
}

const std::vector<std::string> kDevices = {"desk-1", "desk-2", "desk-3", "desk-4",
                                           "desk-5", "desk-6", "desk-7", "desk-8"};

}  // namespace

class tst_SyncSimulationSqlite : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string template_;

    // One seed on a fresh copy of the migrated template. Empty on success, else why it failed.
    std::string runSeed(std::uint64_t seed, bool trace, std::size_t& restarts) {
        const std::string path = dir_.filePath("seed.db").toStdString();
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path + suffix);
        }
        std::filesystem::copy_file(template_, path);
        kep::test::MirroredSqliteStore store(path);
        const SimResult r = runSimulation(seed, trace, &store);
        if (!r.ok) {
            return r.failure;
        }
        try {
            store.verifyCommittedState(kDevices);
        } catch (const std::exception& e) {
            return e.what();
        }
        restarts += store.restarts();
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        template_ = dir_.filePath("template.db").toStdString();
        // Closing the connection checkpoints the WAL: the template is one self-contained file.
        { auto db = kep::test::openSyncDatabase(template_); }
        QVERIFY(!std::filesystem::exists(template_ + "-wal"));
    }

    void seedsKeepEveryPropertyOnSqlite() {
        std::size_t restarts = 0;
        if (const char* one = std::getenv("KEP_SIM_SEED"); one != nullptr && *one != '\0') {
            const std::string failure = runSeed(std::strtoull(one, nullptr, 10), true, restarts);
            QVERIFY2(failure.empty(), failure.c_str());
            return;
        }
        const std::uint64_t seconds = envNumber("KEP_SIM_SECONDS", 45);
        const std::uint64_t maxSeeds = envNumber("KEP_SIM_SEEDS", 2000);
        const std::uint64_t first = envNumber("KEP_SIM_FIRST_SEED", 1);
        const std::uint64_t minSeeds =
            envNumber("KEP_SIM_MIN_SEEDS", std::min<std::uint64_t>(100, maxSeeds));
        QElapsedTimer timer;
        timer.start();
        std::uint64_t ran = 0;
        for (std::uint64_t seed = first; ran < maxSeeds; ++seed) {
            if (timer.elapsed() >= static_cast<qint64>(seconds * 1000)) {
                break;
            }
            const std::string failure = runSeed(seed, false, restarts);
            ++ran;
            if (!failure.empty()) {
                const QByteArray message =
                    "seed " + QByteArray::number(quint64(seed)) +
                    " failed on SQLite (replay: KEP_SIM_SEED=" + QByteArray::number(quint64(seed)) +
                    "): " + QByteArray::fromStdString(failure);
                QFAIL(message.constData());
            }
        }
        qInfo("%llu seeds on SQLite in %.1f s, %zu server restarts reopened the file",
              static_cast<unsigned long long>(ran), static_cast<double>(timer.elapsed()) / 1000.0,
              restarts);
        QVERIFY2(ran >= minSeeds, "too few seeds ran within the budget");
        QVERIFY(restarts > 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncSimulationSqlite)
#include "tst_sync_simulation_sqlite.moc"
