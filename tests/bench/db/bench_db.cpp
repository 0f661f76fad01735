// SQLite through kep_db on a real file: durable commits, batched inserts with UUIDv7 keys, point
// lookups by primary key. Prints ROW lines for tests/bench/run (protocol in ../README.md).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "BenchProtocol.h"
#include "db/Database.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Sizes {
    const char* mode;
    double commitSeconds;  // durable commits are counted for this long...
    int commitLimit;       // ...or until this many
    int batches;           // of kBatchRows rows each
    int lookupRows;        // table size for the point lookups
    int lookups;
};

constexpr int kBatchRows = 1000;

// The lookup target is stated for 100k rows, so --quick keeps that size and only takes fewer
// samples; --smoke only proves that every path still runs.
constexpr Sizes kFull{"full", 3.0, 1'000'000, 200, 100'000, 200'000};
constexpr Sizes kQuick{"quick", 1.0, 1'000'000, 50, 100'000, 20'000};
constexpr Sizes kSmoke{"smoke", 0.05, 20, 2, 1'000, 200};

using kep::bench::row;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A scratch folder on the disk TMPDIR names (the runner points it into the build folder), so
// that fsync costs what it costs on the machine's disk rather than on a RAM file system.
class ScratchFolder {
public:
    ScratchFolder() {
        std::random_device seed;
        path_ = fs::temp_directory_path() / ("kep-bench-db-" + std::to_string(seed()));
        fs::create_directories(path_);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    std::string file(std::string_view name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// UUIDv7 as RFC 9562 lays it out: 48-bit Unix milliseconds, version 7, a 12-bit counter within
// the millisecond (method 1 of section 6.2), variant 10, then 62 random bits. Time-ordered keys
// are why inserts append to the B-tree instead of splitting pages all over it.
class Uuid7Keys {
public:
    std::string next() {
        auto ms =
            static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
        if (ms <= lastMs_) {
            ms = lastMs_;
            if (++counter_ > 0xfff) {  // counter exhausted: borrow the next millisecond
                ++ms;
                counter_ = 0;
            }
        } else {
            counter_ = 0;
        }
        lastMs_ = ms;
        const std::uint64_t high = (ms << 16) | 0x7000u | counter_;
        const std::uint64_t low = (random_() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
        char text[37];
        std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx",
                      static_cast<unsigned>(high >> 32),
                      static_cast<unsigned>((high >> 16) & 0xffff),
                      static_cast<unsigned>(high & 0xffff), static_cast<unsigned>(low >> 48),
                      static_cast<unsigned long long>(low & 0xffffffffffffULL));
        return text;
    }

private:
    std::mt19937_64 random_{20240501};
    std::uint64_t lastMs_ = 0;
    std::uint64_t counter_ = 0;
};

// A row shaped like a filed case: key, office, procedure, status, time, a free-text note.
constexpr std::string_view kCaseTable =
    "CREATE TABLE case_file(id TEXT PRIMARY KEY, office_id INTEGER NOT NULL, "
    "procedure_code TEXT NOT NULL, status TEXT NOT NULL, filed_at INTEGER NOT NULL, "
    "note TEXT NOT NULL)";
constexpr std::string_view kInsertCase =
    "INSERT INTO case_file(id, office_id, procedure_code, status, filed_at, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// About 120 characters of free text, as a short clerk's note would be.
constexpr std::string_view kNote =
    "Submitted with the supporting documents listed on the receipt; the citizen will collect "
    "the decision at this office....";

void insertCase(kep::db::Statement& insert, const std::string& id, int i) {
    insert.bind(1, id)
        .bind(2, 1 + i % 1038)
        .bind(3, "PROC-" + std::to_string(i % 3000))
        .bind(4, "filed")
        .bind(5, static_cast<std::int64_t>(1'700'000'000'000LL + i))
        .bind(6, kNote);
    insert.run();
}

// One row per transaction, each acknowledged only once synchronous=FULL has synced it: the rate
// at which the server can durably accept single operations.
double durableCommitsPerSecond(const ScratchFolder& scratch, const Sizes& sizes) {
    auto db = kep::db::Database::open(scratch.file("commits.db"));
    db.exec(kCaseTable);
    auto insert = db.prepare(kInsertCase);
    Uuid7Keys keys;
    int commits = 0;
    const auto start = Clock::now();
    while (commits < sizes.commitLimit && secondsSince(start) < sizes.commitSeconds) {
        kep::db::Transaction transaction(db);
        insertCase(insert, keys.next(), commits);
        transaction.commit();
        ++commits;
    }
    return commits / secondsSince(start);
}

double batchedRowsPerSecond(const ScratchFolder& scratch, const Sizes& sizes) {
    auto db = kep::db::Database::open(scratch.file("batches.db"));
    db.exec(kCaseTable);
    auto insert = db.prepare(kInsertCase);
    Uuid7Keys keys;
    const auto start = Clock::now();
    for (int batch = 0; batch < sizes.batches; ++batch) {
        kep::db::Transaction transaction(db);
        for (int i = 0; i < kBatchRows; ++i) {
            insertCase(insert, keys.next(), batch * kBatchRows + i);
        }
        transaction.commit();
    }
    return static_cast<double>(sizes.batches) * kBatchRows / secondsSince(start);
}

struct LookupTimes {
    double p50Us;
    double p99Us;
    double maxUs;
};

LookupTimes pointLookups(const ScratchFolder& scratch, const Sizes& sizes) {
    const std::string path = scratch.file("lookups.db");
    std::vector<std::string> ids;
    ids.reserve(static_cast<std::size_t>(sizes.lookupRows));
    {
        auto db = kep::db::Database::open(path);
        db.exec(kCaseTable);
        auto insert = db.prepare(kInsertCase);
        Uuid7Keys keys;
        for (int done = 0; done < sizes.lookupRows;) {
            kep::db::Transaction transaction(db);
            for (int i = 0; i < kBatchRows && done < sizes.lookupRows; ++i, ++done) {
                ids.push_back(keys.next());
                insertCase(insert, ids.back(), done);
            }
            transaction.commit();
        }
    }
    // A fresh connection, as a server worker would have: its page cache starts cold and the
    // warm-up below fills it the way steady traffic would.
    auto db = kep::db::Database::open(path, {.mode = kep::db::OpenMode::ReadOnly});
    auto select = db.prepare("SELECT office_id, status FROM case_file WHERE id = ?1");
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    std::int64_t checksum = 0;
    auto lookup = [&](const std::string& id) {
        select.bind(1, id);
        if (!select.step()) {
            throw std::runtime_error("lookup found no row for a key it inserted");
        }
        checksum += select.int64(0);
        select.reset();
    };
    for (int i = 0; i < std::min(sizes.lookups, 10'000); ++i) {
        lookup(ids[pick(random)]);
    }
    std::vector<double> micros;
    micros.reserve(static_cast<std::size_t>(sizes.lookups));
    for (int i = 0; i < sizes.lookups; ++i) {
        const std::string& id = ids[pick(random)];
        const auto start = Clock::now();
        lookup(id);
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    if (checksum <= 0) {
        throw std::runtime_error("lookups read no office ids");
    }
    std::sort(micros.begin(), micros.end());
    auto percentile = [&](double p) {
        const auto index = static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1));
        return micros[index];
    };
    return {percentile(0.50), percentile(0.99), micros.back()};
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    try {
        ScratchFolder scratch;
        std::printf("bench_db: %s sizes, SQLite files in %s\n", sizes.mode, scratch.path().c_str());

        row("db.durable_commits_sync_full", durableCommitsPerSecond(scratch, sizes), "commits/s",
            ">", 200);
        row("db.batch_insert_uuid7_1000_per_tx", batchedRowsPerSecond(scratch, sizes), "rows/s",
            ">", 100'000);
        const LookupTimes times = pointLookups(scratch, sizes);
        std::printf("bench_db: point lookups over %d rows: p50 %.2f us, max %.1f us\n",
                    sizes.lookupRows, times.p50Us, times.maxUs);
        row("db.point_lookup_p99_100k_rows", times.p99Us, "us", "<", 50);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_db: %s\n", error.what());
        return 1;
    }
    return 0;
}
