// bench_server_audit: how fast the audit log takes entries (batches of 500, each in its own
// durable transaction, as sync pushes write them: >= 100,000 entries/s), how fast `audit
// verify` proves it (>= 200,000 entries/s over 1,000,000 entries, one checkpoint per 50,000),
// what one checkpoint over 500 new entries costs (fold, sign, fsync'd line, row), and the
// verifier's memory (bounded, whatever the log's size).
#include "BenchProtocol.h"
#include "audit/AuditCheckpointer.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "audit/CheckpointLog.h"
#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"
#include "storage/ServerStore.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

using Clock = std::chrono::steady_clock;
using kep::audit::AuditEntry;

namespace {

constexpr std::size_t kBatch = 500;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Entries as a desk's push writes them: a clerk's actions on cases, identifiers only.
std::vector<AuditEntry> batchOfEntries(kep::domain::UuidV7Generator& ids, std::size_t count) {
    std::vector<AuditEntry> entries(count);
    const auto at = kep::domain::toUtcTextMillis(std::chrono::system_clock::now());
    const auto user = ids.next().toString();
    const auto desk = ids.next().toString();
    for (auto& entry : entries) {
        entry = {ids.next().toString(),
                 at,
                 "user",
                 user,
                 "clerk",
                 "0101",
                 desk,
                 "case.update",
                 "case",
                 ids.next().toString(),
                 "sync",
                 "applied"};
    }
    return entries;
}

// The process's CPU time: on a shared, loaded machine the wall clock also counts other
// processes' turns; both are printed.
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    const std::size_t entries = *mode == kep::bench::Mode::Full    ? 1'000'000
                                : *mode == kep::bench::Mode::Quick ? 200'000
                                                                   : 5'000;
    const std::size_t checkpointEvery = *mode == kep::bench::Mode::Smoke ? 1'000 : 50'000;
    const char* tmp = std::getenv("TMPDIR");
    const auto dir = std::filesystem::path(tmp ? tmp : "/tmp") /
                     ("bench_server_audit." + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    try {
        auto store = kep::server::storage::ServerStore::create((dir / "kep.db").string());
        auto& db = store->database();
        const auto key =
            std::make_shared<const kep::audit::SigningKey>(kep::audit::SigningKey::generate());
        const auto logPath = (dir / "checkpoints.log").string();
        kep::server::audit::AuditCheckpointer checkpointer(
            db, key, kep::server::audit::CheckpointLog(logPath));
        kep::domain::UuidV7Generator ids;

        // Append: only the transactions are timed, not making the entries.
        kep::server::audit::AuditLog log(db);
        double appendSeconds = 0;
        double appendCpu = 0;
        for (std::size_t written = 0; written < entries; written += kBatch) {
            const auto batch = batchOfEntries(ids, kBatch);
            const auto start = Clock::now();
            const auto cpuStart = cpuSeconds();
            kep::db::Transaction transaction(db);
            log.append(batch);
            transaction.commit();
            appendSeconds += secondsSince(start);
            appendCpu += cpuSeconds() - cpuStart;
            if ((written + kBatch) % checkpointEvery == 0) {
                checkpointer.runOnce(checkpointEvery);
            }
        }
        checkpointer.runOnce(entries);
        std::printf("appended %zu entries in %.2f s (%.2f s of CPU: %.0f entries/s of CPU)\n",
                    entries, appendSeconds, appendCpu, static_cast<double>(entries) / appendCpu);
        kep::bench::row("server_audit.append_entries_per_s_batches_of_500",
                        static_cast<double>(entries) / appendSeconds, "entries/s", ">=", 100000);

        // One checkpoint over the 500 entries of one batch: the job's work each second.
        std::vector<double> costs;
        for (int round = 0; round < 9; ++round) {
            kep::db::Transaction transaction(db);
            log.append(batchOfEntries(ids, kBatch));
            transaction.commit();
            const auto start = Clock::now();
            checkpointer.runOnce();
            costs.push_back(secondsSince(start) * 1000.0);
        }
        std::sort(costs.begin(), costs.end());
        kep::bench::row("server_audit.checkpoint_500_new_entries_median", costs[costs.size() / 2],
                        "ms", "<", 100);

        // Verify, on a fresh read-only connection as `kep-server audit verify` opens it.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const double rssBefore = peakRssMb();
        auto reader = kep::db::Database::open((dir / "kep.db").string(),
                                              {.mode = kep::db::OpenMode::ReadOnly});
        const auto start = Clock::now();
        const auto cpuStart = cpuSeconds();
        const auto result = kep::server::audit::verifyAuditLog(reader, key->publicPem(), logPath);
        const double verifySeconds = secondsSince(start);
        const double verifyCpu = cpuSeconds() - cpuStart;
        if (!result.intact()) {
            std::fprintf(stderr, "the bench's own log does not verify: %s\n",
                         result.problems.front().c_str());
            return 1;
        }
        std::printf(
            "verified %llu entries and %llu checkpoints in %.2f s (%.2f s of CPU: %.0f "
            "entries/s of CPU)\n",
            static_cast<unsigned long long>(result.entries),
            static_cast<unsigned long long>(result.checkpoints), verifySeconds, verifyCpu,
            static_cast<double>(result.entries) / verifyCpu);
        kep::bench::row("server_audit.verify_entries_per_s",
                        static_cast<double>(result.entries) / verifySeconds, "entries/s",
                        ">=", 200000);
        kep::bench::row("server_audit.verify_peak_rss_growth", peakRssMb() - rssBefore, "MB", "<",
                        64);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server_audit: %s\n", error.what());
        std::filesystem::remove_all(dir);
        return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
