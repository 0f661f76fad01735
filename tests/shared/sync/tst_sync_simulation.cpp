// The deterministic simulation of desks and server (SyncSimulation.h) over thousands of seeds
// within a time budget, the replay of one seed, and proof that the faults it claims happen.
//
//   KEP_SIM_SECONDS (90)    stop starting seeds after this long
//   KEP_SIM_SEEDS (2000)    stop after this many seeds
//   KEP_SIM_FIRST_SEED (1)  where the run starts (a nightly run picks another range)
//   KEP_SIM_MIN_SEEDS       fail if fewer seeds ran in the budget (2000; 100 under ASan)
//   KEP_SIM_SEED=N          replay seed N alone, printing every event
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <cstdlib>

#include "SyncSimulation.h"

using namespace kep::sync::sim;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::uint64_t envNumber(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return fallback;
    }
    return std::strtoull(value, nullptr, 10);
}

QByteArray replayCommand(std::uint64_t seed) {
    return "KEP_SIM_SEED=" + QByteArray::number(quint64(seed)) + " " +
           QCoreApplication::applicationFilePath().toLocal8Bit();
}

}  // namespace

class tst_SyncSimulation : public QObject {
    Q_OBJECT

private slots:
    void seedsKeepEveryProperty() {
        if (const char* one = std::getenv("KEP_SIM_SEED"); one != nullptr && *one != '\0') {
            const std::uint64_t seed = std::strtoull(one, nullptr, 10);
            const SimResult r = runSimulation(seed, true);
            qInfo("seed %llu: digest %016llx", static_cast<unsigned long long>(seed),
                  static_cast<unsigned long long>(r.digest));
            QVERIFY2(r.ok, r.failure.c_str());
            return;
        }
        const std::uint64_t seconds = envNumber("KEP_SIM_SECONDS", 90);
        const std::uint64_t maxSeeds = envNumber("KEP_SIM_SEEDS", 2000);
        const std::uint64_t first = envNumber("KEP_SIM_FIRST_SEED", 1);
        const std::uint64_t minSeeds = envNumber(
            "KEP_SIM_MIN_SEEDS", std::min<std::uint64_t>(kSanitized ? 100 : 2000, maxSeeds));

        QElapsedTimer timer;
        timer.start();
        SimStats total;
        std::uint64_t ran = 0;
        for (std::uint64_t seed = first; ran < maxSeeds; ++seed) {
            if (timer.elapsed() >= static_cast<qint64>(seconds * 1000)) {
                break;
            }
            const SimResult r = runSimulation(seed);
            ++ran;
            if (!r.ok) {
                const QByteArray message = "seed " + QByteArray::number(quint64(seed)) +
                                           " failed: " + QByteArray::fromStdString(r.failure) +
                                           "\nreplay: " + replayCommand(seed);
                QFAIL(message.constData());
            }
            total += r.stats;
        }
        qInfo(
            "%llu seeds in %.1f s (%s build): %llu desks, %llu ops — %llu applied, %llu "
            "rejected, %llu conflicts",
            static_cast<unsigned long long>(ran), static_cast<double>(timer.elapsed()) / 1000.0,
            kSanitized ? "ASan" : "plain", static_cast<unsigned long long>(total.desks),
            static_cast<unsigned long long>(total.ops),
            static_cast<unsigned long long>(total.applied),
            static_cast<unsigned long long>(total.rejected),
            static_cast<unsigned long long>(total.conflicts));
        qInfo(
            "faults: %llu requests and %llu answers lost, %llu late duplicates, %llu server "
            "crashes, %llu desk restarts, %llu offline spells, %llu desks a year off, %llu "
            "ops clamped, %llu nudges delivered",
            static_cast<unsigned long long>(total.droppedRequests),
            static_cast<unsigned long long>(total.droppedResponses),
            static_cast<unsigned long long>(total.delayedDuplicates),
            static_cast<unsigned long long>(total.serverCrashes),
            static_cast<unsigned long long>(total.deskRestarts),
            static_cast<unsigned long long>(total.offlineSpells),
            static_cast<unsigned long long>(total.skewedDesks),
            static_cast<unsigned long long>(total.clampedOps),
            static_cast<unsigned long long>(total.nudges));
        QVERIFY2(ran >= minSeeds,
                 QByteArray("only " + QByteArray::number(quint64(ran)) + " seeds ran within " +
                            QByteArray::number(quint64(seconds)) + " s; at least " +
                            QByteArray::number(quint64(minSeeds)) + " required")
                     .constData());

        // A simulation that injects nothing proves nothing: every fault must have happened.
        QVERIFY(total.rejected > 0);
        QVERIFY(total.conflicts > 0);
        QVERIFY(total.droppedRequests > 0);
        QVERIFY(total.droppedResponses > 0);
        QVERIFY(total.delayedDuplicates > 0);
        QVERIFY(total.serverCrashes > 0);
        QVERIFY(total.deskRestarts > 0);
        QVERIFY(total.offlineSpells > 0);
        QVERIFY(total.skewedDesks > 0);
        QVERIFY(total.clampedOps > 0);
        QVERIFY(total.nudges > 0);
    }

    void aSeedReplaysIdentically() {
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const SimResult a = runSimulation(seed);
            const SimResult b = runSimulation(seed);
            QCOMPARE(b.ok, a.ok);
            QCOMPARE(b.digest, a.digest);
            QCOMPARE(b.stats.ops, a.stats.ops);
        }
        // …and different seeds make different worlds.
        QVERIFY(runSimulation(1).digest != runSimulation(2).digest);
    }
};

QTEST_GUILESS_MAIN(tst_SyncSimulation)
#include "tst_sync_simulation.moc"
