// The durable ingest ceiling of kep-server's sync store (issue 6, Performance): synthetic cases
// filed from several desks, pushed in batches of 500 through SyncServerCore over
// SqliteSyncServerStore on a real file (WAL, synchronous=FULL), each op with its audit entry
// (issue 9), against the raw insert rate of the very same rows in the same run; the cost of
// auditing (the same ingest with one desk audit entry per op, and with no audit at all); then
// pull throughput and a 30,000-case office bootstrap.
// Usage: bench_server_sync [--smoke | --quick]   (scratch files under $TMPDIR)
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "BenchProtocol.h"
#include "db/Database.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/OpAuditEntry.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/ServerStore.h"
#include "sync/SqliteSyncServerStore.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kep;
using namespace kep::sync;

struct Sizes {
    int desks;
    int casesPerDesk;
};

constexpr Sizes kFull{8, 12'500};  // 100,000 cases; desks 1-3 share office 0101 (37,500)
constexpr Sizes kQuick{4, 5'000};
constexpr Sizes kSmoke{2, 1'000};
constexpr std::size_t kBatch = 500;
constexpr int kDesksPerOffice = 3;
constexpr std::size_t kBootstrapCases = 30'000;
constexpr std::int64_t kT0 = 1'750'000'000'000;
const std::string kBootstrapBucket = "office:0101";

using kep::bench::row;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Invented people (no real person is meant), valid ΑΦΜ and ΑΜΚΑ from the domain's generators.
class CaseGenerator {
public:
    explicit CaseGenerator(std::uint64_t seed) : ids_(seed), pick_(seed) {}

    FieldMap next(int n) {
        static constexpr std::string_view kGiven[] = {"Ελένη",    "Γεώργιος",    "Μαρία",
                                                      "Νικόλαος", "Αικατερίνη",  "Δημήτριος",
                                                      "Σοφία",    "Κωνσταντίνος"};
        static constexpr std::string_view kSurname[] = {"Παπαδοπούλου", "Καραγιάννης", "Νικολάου",
                                                        "Βλαχογιάννη",  "Οικονόμου",   "Ζαχαρίου",
                                                        "Μαυρίδης",     "Τσακίρη"};
        const auto choose = [this](const auto& list) {
            return std::string{list[pick_() % std::size(list)]};
        };
        const auto born =
            std::chrono::year_month_day{std::chrono::year{1950 + static_cast<int>(pick_() % 55)},
                                        std::chrono::month{1 + static_cast<unsigned>(pick_() % 12)},
                                        std::chrono::day{1 + static_cast<unsigned>(pick_() % 28)}};
        namespace json = boost::json;
        const json::object citizen{
            {"kind", "greek"},
            {"surname_el", choose(kSurname)},
            {"given_el", choose(kGiven)},
            {"father_el", choose(kGiven)},
            {"afm", ids_.afm()},
            {"amka", ids_.amka(born)},
            {"phone", "69" + std::to_string(10'000'000 + pick_() % 89'999'999)},
            {"email", "citizen" + std::to_string(n) + "@example.gr"},
            {"address", "Οδός Αιόλου " + std::to_string(1 + n % 200) + ", 10551 Αθήνα"}};
        const json::array evidence{json::object{{"id", "ev-1"}, {"state", "presented"}},
                                   json::object{{"id", "ev-2"}, {"state", "presented"}},
                                   json::object{{"id", "ev-3"}, {"state", "waived"}}};
        // Filed as kep-desk files: one op, pending_approval where the procedure needs the
        // manager's approval (two lifecycle steps, two history entries), else submitted.
        const bool approval = n % 3 == 0;
        return {{"status", approval ? "pending_approval" : "submitted"},
                {"requires_approval", approval ? "true" : "false"},
                {"protocol_number", "0101/2025/" + std::to_string(100'000 + n)},
                {"procedure_id", "mitos-" + std::to_string(100'000 + pick_() % 4'000)},
                {"catalogue_version", "12"},
                {"citizen", json::serialize(citizen)},
                {"evidence", json::serialize(evidence)},
                {"fee_cents", "0"},
                {"due_date", "2025-07-15"},
                {"notes", "Αίτηση στο γκισέ " + std::to_string(n % 5 + 1)}};
    }

private:
    domain::SyntheticTaxIds ids_;
    std::mt19937_64 pick_;
};

// "office:0101" for the first office, "office:0102" for the second, …
std::string officeBucket(int office) {
    const std::string code = std::to_string(101 + office);
    return "office:" + std::string(4 - std::min<std::size_t>(4, code.size()), '0') + code;
}

std::vector<PushRequest> deskBatches(int desk, int cases, CaseGenerator& generator,
                                     domain::UuidV7Generator& ids) {
    const std::string device = "desk-" + std::to_string(desk + 1);
    const cases::Actor clerk{"u-clerk-" + std::to_string(desk + 1), cases::ActorRole::Clerk};
    std::vector<PushRequest> batches;
    for (int i = 0; i < cases; ++i) {
        if (static_cast<std::size_t>(i) % kBatch == 0) {
            batches.push_back(PushRequest{kProtocolVersion, device, {}});
        }
        OutboxOp op;
        op.opId = ids.next();
        op.deviceId = device;
        op.deviceSeq = i + 1;
        op.hlc = {kT0 + i, 0};
        op.kind = OpKind::Create;
        op.entity = {"case", ids.next().toString()};
        op.bucket = officeBucket(desk / kDesksPerOffice);
        op.actor = clerk;
        op.fields = generator.next(desk * cases + i);
        batches.back().ops.push_back(std::move(op));
    }
    return batches;
}

// The same batches, each op with the read its desk audited itself (the case opened at the
// counter after filing): one desk entry per op, sent with it.
std::vector<std::vector<PushRequest>> withDeskReads(std::vector<std::vector<PushRequest>> desks,
                                                    domain::UuidV7Generator& ids) {
    for (auto& batches : desks) {
        for (PushRequest& batch : batches) {
            batch.audit.reserve(batch.ops.size());
            for (const OutboxOp& op : batch.ops) {
                audit::AuditEntry read = auditEntryFor(op, OpOutcome::Applied, kT0);
                read.entryId = ids.next().toString();
                read.action = "case.read";
                read.outcome = "ok";
                batch.audit.push_back(std::move(read));
            }
        }
    }
    return desks;
}

// The store with auditing switched off: the baseline that shows what the audit log costs.
class UnauditedStore final : public server::sync::SqliteSyncServerStore {
public:
    using SqliteSyncServerStore::SqliteSyncServerStore;
    void appendAudit(std::span<const audit::AuditEntry>) override {}
};

db::Database freshDatabase(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
    auto db = db::Database::open(path.string());  // WAL, synchronous=FULL
    db::migrate(db, server::storage::migrations());
    return db;
}

std::int64_t count(db::Database& db, const char* sql) {
    auto select = db.prepare(sql);
    select.step();
    return select.int64(0);
}

struct Ingest {
    double seconds = 0;
    std::size_t ops = 0;
    std::size_t batches = 0;
};

template <typename Store = server::sync::SqliteSyncServerStore>
Ingest ingest(db::Database& db, const std::vector<std::vector<PushRequest>>& desks) {
    Store store(db);
    WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
    SyncServerCore core(store, authority, [] { return kT0 + 100'000'000; });
    Ingest result;
    const auto start = Clock::now();
    // Round-robin over the desks, one batch each, as a loaded server sees them.
    for (std::size_t b = 0; b < desks.front().size(); ++b) {
        for (const auto& batches : desks) {
            if (b >= batches.size()) {
                continue;
            }
            const PushResponse response = core.push(batches[b].deviceId, batches[b]);
            for (const OpResult& r : response.results) {
                if (r.outcome != OpOutcome::Applied) {
                    throw std::runtime_error("an op was not applied: " + r.reason);
                }
            }
            result.ops += response.results.size();
            ++result.batches;
        }
    }
    result.seconds = secondsSince(start);
    return result;
}

// The rows the ingest wrote (entity, change, stored result, audit entry, history entries), read
// back and inserted again into a fresh file by plain INSERTs in the same batches (one
// transaction per 500 cases, one sequence update each).
double rawInsertRowsPerSecond(db::Database& source, const fs::path& path, std::size_t& rows) {
    // Read everything first (not timed), as values in column order.
    const auto readAll = [&source](const char* sql, int columns) {
        std::vector<std::vector<std::string>> out;
        auto select = source.prepare(sql);
        while (select.step()) {
            std::vector<std::string> values;
            for (int c = 0; c < columns; ++c) {
                const auto bytes = select.blob(c);
                values.emplace_back(bytes.begin(), bytes.end());
            }
            out.push_back(std::move(values));
        }
        return out;
    };
    const auto entities = readAll(
        "SELECT entity_type, entity_id, bucket, version, status, state, protocol_number "
        "FROM sync_entity ORDER BY entity_no",
        7);
    const auto changes = readAll(
        "SELECT seq, bucket, entity_type, entity_id, version, fields, caused_by FROM sync_change "
        "ORDER BY seq",
        7);
    const auto results = readAll(
        "SELECT result_no, device_no, device_seq, op_id, server_version, first_seq, last_seq, "
        "entry_sha256 FROM sync_result ORDER BY result_no",
        8);
    const auto entries = readAll(
        "SELECT leaf_index, entry_id, at, actor_kind, actor_id, role, office, workstation, action, "
        "record_type, record_id, purpose, outcome, leaf_hash FROM audit_entry ORDER BY leaf_index",
        14);
    if (entries.size() != results.size()) {
        throw std::runtime_error("not one audit entry per op");
    }
    // Each case's history entries (one per lifecycle step of its filing), by case id.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> history;
    for (auto& entry : readAll("SELECT entity_type, entity_id, from_status, to_status, actor_id, "
                               "actor_role, at_ms, reason FROM sync_case_history ORDER BY entry_no",
                               8)) {
        std::string id = entry[1];
        history[id].push_back(std::move(entry));
    }
    const std::int64_t devices = count(source, "SELECT count(*) FROM sync_device");

    auto db = freshDatabase(path);
    // Checkpointed as the store's connection is, so that only the bookkeeping differs.
    db.exec("PRAGMA wal_autocheckpoint = " +
            std::to_string(server::sync::SqliteSyncServerStore::kWalCheckpointPages));
    for (std::int64_t d = 1; d <= devices; ++d) {
        db.prepare("INSERT INTO sync_device (device_id) VALUES (?1)")
            .bind(1, "desk-" + std::to_string(d))
            .run();
    }
    auto entity = db.prepare(
        "INSERT INTO sync_entity (entity_type, entity_id, bucket, version, status, state, "
        "protocol_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    auto step = db.prepare(
        "INSERT INTO sync_case_history (entity_type, entity_id, from_status, to_status, actor_id, "
        "actor_role, at_ms, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    auto change = db.prepare(
        "INSERT INTO sync_change (seq, bucket, entity_type, entity_id, version, deleted, fields, "
        "caused_by) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7)");
    auto result = db.prepare(
        "INSERT INTO sync_result (result_no, device_no, device_seq, op_id, outcome, "
        "server_version, first_seq, last_seq, entry_sha256) "
        "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8)");
    auto entry = db.prepare(
        "INSERT INTO audit_entry (leaf_index, entry_id, at, actor_kind, actor_id, role, office, "
        "workstation, action, record_type, record_id, purpose, outcome, leaf_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    auto sequence = db.prepare("UPDATE sync_device SET last_applied_seq = ?2 WHERE device_no = ?1");
    const auto blob = [](const std::string& s) {
        return db::Blob{reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
    };
    const auto integer = [](const std::string& s) {
        return static_cast<std::int64_t>(std::stoll(s));
    };

    rows = 0;
    const auto start = Clock::now();
    for (std::size_t first = 0; first < entities.size(); first += kBatch) {
        db::Transaction tx(db);
        const std::size_t end = std::min(entities.size(), first + kBatch);
        for (std::size_t i = first; i < end; ++i) {
            const auto& e = entities[i];
            entity.bind(1, e[0]).bind(2, e[1]).bind(3, e[2]).bind(4, integer(e[3]));
            entity.bind(5, e[4]).bind(6, e[5]).bind(7, e[6]).run();
            for (const auto& h : history[e[1]]) {
                step.bind(1, h[0]).bind(2, h[1]).bind(3, h[2]).bind(4, h[3]).bind(5, h[4]);
                step.bind(6, h[5]).bind(7, integer(h[6])).bind(8, h[7]).run();
                ++rows;
            }
            const auto& c = changes[i];
            change.bind(1, integer(c[0])).bind(2, c[1]).bind(3, c[2]).bind(4, c[3]);
            change.bind(5, integer(c[4])).bind(6, c[5]).bindBlob(7, blob(c[6])).run();
            const auto& r = results[i];
            result.bind(1, integer(r[0])).bind(2, integer(r[1])).bind(3, integer(r[2]));
            result.bindBlob(4, blob(r[3])).bind(5, integer(r[4])).bind(6, integer(r[5]));
            result.bind(7, integer(r[6])).bindBlob(8, blob(r[7])).run();
            const auto& a = entries[i];
            entry.bind(1, integer(a[0]));
            for (int column = 1; column < 13; ++column) {
                entry.bind(column + 1, a[static_cast<std::size_t>(column)]);
            }
            entry.bindBlob(14, blob(a[13])).run();
            rows += 4;
        }
        sequence.bind(1, integer(results[end - 1][1])).bind(2, integer(results[end - 1][2])).run();
        ++rows;
        tx.commit();
    }
    return static_cast<double>(rows) / secondsSince(start);
}

struct Pulled {
    std::size_t changes = 0;
    double seconds = 0;
};

// A fresh desk's pull of `bucket` from cursor 0, page by page (the route's limit), up to `upTo`
// changes: the store's share of a bootstrap (reading and decoding, not the wire).
Pulled pullBucket(server::sync::SqliteSyncServerStore& store, const std::string& bucket,
                  std::size_t upTo) {
    SyncServerCore core(store, {}, [] { return kT0 + 100'000'000; });
    Pulled pulled;
    PullRequest request{kProtocolVersion, bucket, 0, SyncServerCore::kMaxPullLimit};
    const auto start = Clock::now();
    for (;;) {
        const PullResponse page = core.pull(request);
        pulled.changes += page.changes.size();
        request.cursor = page.cursor;
        if (!page.hasMore || pulled.changes >= upTo) {
            break;
        }
    }
    pulled.seconds = secondsSince(start);
    return pulled;
}

int run(const Sizes& sizes) {
    const fs::path dir = fs::temp_directory_path() / "bench_server_sync";
    fs::create_directories(dir);

    domain::UuidV7Generator ids;
    CaseGenerator generator(20250615);
    std::vector<std::vector<PushRequest>> desks;
    for (int d = 0; d < sizes.desks; ++d) {
        desks.push_back(deskBatches(d, sizes.casesPerDesk, generator, ids));
    }

    auto db = freshDatabase(dir / "ingest.db");
    const Ingest done = ingest(db, desks);
    const double opsPerSecond = static_cast<double>(done.ops) / done.seconds;
    const std::int64_t storedRows = count(db, "SELECT count(*) FROM sync_entity") +
                                    count(db, "SELECT count(*) FROM sync_change") +
                                    count(db, "SELECT count(*) FROM sync_result") +
                                    count(db, "SELECT count(*) FROM audit_entry") +
                                    count(db, "SELECT count(*) FROM sync_case_history") +
                                    count(db, "SELECT count(*) FROM sync_result_reason");
    if (count(db, "SELECT count(*) FROM sync_entity") != static_cast<std::int64_t>(done.ops)) {
        throw std::runtime_error("the store does not hold every case pushed");
    }
    std::printf(
        "ingest: %zu cases from %d desks in %zu batches of %zu, %.3f s; %.2f rows per "
        "case (+1 sequence update per batch); %.0f bytes per case on disk\n",
        done.ops, sizes.desks, done.batches, kBatch, done.seconds,
        static_cast<double>(storedRows) / static_cast<double>(done.ops),
        static_cast<double>(fs::file_size(dir / "ingest.db")) / static_cast<double>(done.ops));

    std::size_t rawRows = 0;
    const double rawRowsPerSecond = rawInsertRowsPerSecond(db, dir / "raw.db", rawRows);
    const double ingestRowsPerSecond =
        opsPerSecond * static_cast<double>(rawRows) / static_cast<double>(done.ops);
    std::printf(
        "raw insert of the same %zu rows in the same batches: %.0f rows/s; ingest "
        "writes them at %.0f rows/s\n",
        rawRows, rawRowsPerSecond, ingestRowsPerSecond);

    // What auditing costs: the same cases with one desk entry per op (twice the entries), and
    // with no audit at all, each into a fresh file.
    const auto readDesks = withDeskReads(desks, ids);
    const Ingest withReads = [&] {
        auto other = freshDatabase(dir / "reads.db");
        return ingest(other, readDesks);
    }();
    const Ingest unaudited = [&] {
        auto other = freshDatabase(dir / "unaudited.db");
        return ingest<UnauditedStore>(other, desks);
    }();
    const double readsPerSecond = static_cast<double>(withReads.ops) / withReads.seconds;
    const double unauditedPerSecond = static_cast<double>(unaudited.ops) / unaudited.seconds;
    std::printf(
        "ingest with one desk audit entry per op: %.0f cases/s; with the ops' own entries: %.0f; "
        "with no audit at all: %.0f\n",
        readsPerSecond, opsPerSecond, unauditedPerSecond);

    server::sync::SqliteSyncServerStore store(db);
    Pulled all;
    for (int office = 0; office * kDesksPerOffice < sizes.desks; ++office) {
        const Pulled p = pullBucket(store, officeBucket(office), SIZE_MAX);
        all.changes += p.changes;
        all.seconds += p.seconds;
    }
    if (all.changes != done.ops) {
        throw std::runtime_error("the pulls did not return every change");
    }
    const Pulled boot = pullBucket(store, kBootstrapBucket, kBootstrapCases);
    // Smaller runs hold fewer than 30,000 cases in the office: scaled to 30,000.
    const double bootSeconds =
        boot.seconds * static_cast<double>(kBootstrapCases) / static_cast<double>(boot.changes);
    std::printf("bootstrap of %s: %zu changes in %.3f s\n", kBootstrapBucket.c_str(), boot.changes,
                boot.seconds);

    // Targets: issue 6's 20,000 durable cases/s, a case being one op; the raw rate is the disk's
    // and SQLite's ceiling (issue 6 measured 56-64k indexed rows/s here), shown beside it with the
    // share reached; a bootstrap's store share well inside its 5 s end-to-end budget, hence >
    // 60,000 changes/s.
    row("server_sync.ingest_cases_per_s", opsPerSecond, "cases/s", ">=", 20'000);
    // Issue 9: auditing must not halve ingest — with the desk's own entries besides the ops'
    // (against the ops' entries only), and the whole audit log (against none).
    row("server_sync.ingest_desk_audit_share", readsPerSecond / opsPerSecond, "ratio", ">=", 0.5);
    row("server_sync.ingest_audited_share_of_unaudited", opsPerSecond / unauditedPerSecond, "ratio",
        ">=", 0.5);
    row("server_sync.raw_insert_rows_per_s", rawRowsPerSecond, "rows/s", ">", 40'000);
    row("server_sync.ingest_share_of_raw", ingestRowsPerSecond / rawRowsPerSecond, "ratio", ">",
        0.5);
    row("server_sync.pull_changes_per_s", static_cast<double>(all.changes) / all.seconds,
        "changes/s", ">", 60'000);
    row("server_sync.bootstrap_30000_cases_store_s", bootSeconds, "s", "<", 1.0);

    for (const char* name : {"ingest.db", "raw.db", "reads.db", "unaudited.db"}) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(dir / (std::string{name} + suffix));
        }
    }
    return 0;
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
        return run(sizes);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_server_sync: %s\n", e.what());
        return 1;
    }
}
