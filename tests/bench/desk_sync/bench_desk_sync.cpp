// bench_desk_sync: the desk's side of sync against issue 6's targets, end to end on loopback — a
// real kep-server holding an office's cases (pushed by another desk of the office), a fresh
// desk.db filled by the shared engine through DeskReplicaStore over HTTPS (< 5 s for 30,000
// cases), and a running DeskSync's nudge-to-pulled time while another desk files (p95 < 1 s).
#include "BenchProtocol.h"
#include "OfficeCaseSeeder.h"
#include "SyncTestKit.h"
#include "storage/DeskDatabase.h"
#include "sync/DeskReplicaStore.h"
#include "sync/DeskSync.h"
#include "sync/HttpsSyncConnector.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <thread>

namespace {

using namespace kep::desk;
using Clock = std::chrono::steady_clock;

struct Sizes {
    int cases;         // in the office before the fresh desk bootstraps
    int nudgeSamples;  // cases filed one by one while the desk listens
};
constexpr Sizes kFull{30'000, 40};
constexpr Sizes kQuick{10'000, 20};
constexpr Sizes kSmoke{300, 3};
constexpr int kTargetCases = 30'000;

using kep::bench::row;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

kep::cases::Instant systemNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

[[noreturn]] void fail(const QString& what) {
    std::fprintf(stderr, "bench_desk_sync: %s\n", qPrintable(what));
    std::exit(1);
}

ServerAddress addressOf(kep::test::ServerProcess& server,
                        const kep::test::EnrolledWorkstation& desk) {
    return {server.url(), server.caFile(), desk.certFile, desk.keyFile};
}

// The desk's replica with a stopwatch: how much of a bootstrap is desk.db's, the rest being the
// server and the wire.
class TimedReplica final : public kep::sync::ReplicaStore {
public:
    explicit TimedReplica(kep::sync::ReplicaStore& inner) : inner_(inner) {}
    double seconds = 0;

    std::int64_t cursor(std::string_view bucket) const override { return inner_.cursor(bucket); }
    void applyPulled(std::string_view bucket, std::span<const kep::sync::Change> changes,
                     std::int64_t newCursor) override {
        const auto start = Clock::now();
        inner_.applyPulled(bucket, changes, newCursor);
        seconds += secondsSince(start);
    }

private:
    kep::sync::ReplicaStore& inner_;
};

// A fresh desk.db brought to the server's state of the office by the engine, as a desk does on
// its first start. Returns the seconds it took.
double bootstrap(const QString& file, const ServerAddress& address,
                 const kep::test::EnrolledWorkstation& identity) {
    auto db = storage::openDeskDatabase(file);
    cases::DeskOutboxStore outbox(db);
    sync::DeskReplicaStore desk(db, systemNow);
    TimedReplica replica(desk);
    auto transport = sync::httpsSyncConnector(address).transport();
    kep::sync::SyncClientConfig config;
    config.deviceId = identity.deviceId.toStdString();
    config.buckets = {"office:" + identity.officeCode.toStdString()};
    kep::domain::HybridLogicalClock hlc;
    std::mt19937_64 dice(1);
    kep::sync::SyncClient client(config, outbox, replica, *transport, hlc, systemNow,
                                 [&dice] { return dice(); });
    const auto start = Clock::now();
    while (client.step()) {
    }
    const double seconds = secondsSince(start);
    const auto status = client.status();
    if (!status.upToDateAsOf || status.phase != kep::sync::SyncPhase::Idle) {
        fail("the bootstrap did not complete: " + QString::fromStdString(status.lastError));
    }
    std::printf("bootstrap: %.3f s in DeskReplicaStore (desk.db), %.3f s server and wire\n",
                replica.seconds, seconds - replica.seconds);
    return seconds;
}

std::int64_t caseCount(const QString& file) {
    auto db = kep::db::Database::open(file.toStdString(), {.mode = kep::db::OpenMode::ReadOnly});
    auto st = db.prepare("SELECT count(*) FROM kase");
    st.step();
    return st.int64(0);
}

// Milliseconds from the start of another desk's push of one case until it is in this desk's
// desk.db, for `samples` cases filed one at a time while `file`'s DeskSync listens.
std::vector<double> nudgeToPulled(kep::test::SyncDesk& other, const kep::cases::Actor& clerk,
                                  const QString& file, const ServerAddress& address,
                                  const kep::test::EnrolledWorkstation& desk, int samples) {
    sync::DeskSyncSetup setup;
    setup.databaseFile = file;
    setup.deviceId = desk.deviceId.toStdString();
    setup.officeCode = desk.officeCode.toStdString();
    setup.connector = sync::httpsSyncConnector(address);
    setup.pollInterval = std::chrono::minutes(10);  // only the nudge brings a case in time
    sync::DeskSync deskSync(std::move(setup));
    std::atomic<bool> live{false};
    QObject::connect(
        &deskSync, &sync::DeskSync::liveNudgesChanged, &deskSync,
        [&live](bool connected) { live = connected; }, Qt::DirectConnection);
    deskSync.start();
    const auto listening = Clock::now();
    while (!live) {
        if (secondsSince(listening) > 15) {
            fail("the desk's nudge WebSocket did not connect");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the connect's own pull

    auto reader =
        kep::db::Database::open(file.toStdString(), {.mode = kep::db::OpenMode::ReadOnly});
    std::vector<double> millis;
    for (int i = 0; i < samples; ++i) {
        QString error;
        const auto start = Clock::now();
        const auto ids = test::seedOfficeCases(other, clerk, 1, 900'000 + i, &error);
        if (ids.empty()) {
            fail("another desk could not file: " + error);
        }
        for (;;) {
            auto st = reader.prepare("SELECT 1 FROM kase WHERE id = ?1");
            st.bind(1, ids.front());
            if (st.step()) {
                break;
            }
            if (secondsSince(start) > 10) {
                fail("a case filed on another desk did not arrive within 10 s");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        millis.push_back(secondsSince(start) * 1000.0);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    deskSync.stop();
    return millis;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    QCoreApplication app(argc, argv);

    kep::test::ServerProcess server;
    if (!server.start(true)) {
        fail("kep-server: " + server.errorString());
    }
    kep::test::SyncTestKit kit(server);
    if (!kit.setUp()) {
        fail(kit.errorString());
    }
    auto other = kit.enrolDesk("0101");
    const auto clerk = other ? kit.actor(*other, "clerk") : std::nullopt;
    const auto desk = kit.identity().enrolNew("0101");
    if (!other || !clerk || !desk) {
        fail(kit.errorString());
    }

    QString error;
    const auto seeding = Clock::now();
    if (test::seedOfficeCases(*other, *clerk, sizes.cases, 1, &error).empty()) {
        fail("seeding the office: " + error);
    }
    std::printf("office 0101: %d cases pushed by another desk in %.2f s\n", sizes.cases,
                secondsSince(seeding));

    QTemporaryDir dir;  // under TMPDIR: the runner points it at the build's disk
    const QString file = dir.filePath("desk.db");
    const ServerAddress address = addressOf(server, *desk);
    const double seconds = bootstrap(file, address, *desk);
    const std::int64_t pulled = caseCount(file);
    if (pulled < sizes.cases) {
        fail(QStringLiteral("the fresh desk holds %1 cases, not %2").arg(pulled).arg(sizes.cases));
    }
    std::printf("fresh desk: %lld cases into desk.db in %.3f s (%.0f cases/s)\n",
                static_cast<long long>(pulled), seconds, static_cast<double>(pulled) / seconds);
    // Smaller runs: the time scaled to 30,000 cases (a bootstrap is linear in the cases).
    row("desk_sync.bootstrap_30k_cases", seconds * kTargetCases / static_cast<double>(pulled), "s",
        "<", 5);

    const auto millis = nudgeToPulled(*other, *clerk, file, address, *desk, sizes.nudgeSamples);
    std::printf("nudge to pulled over %zu cases: p50 %.1f ms, max %.1f ms\n", millis.size(),
                percentile(millis, 0.5), percentile(millis, 1.0));
    row("desk_sync.nudge_to_pulled_p95", percentile(millis, 0.95), "ms", "<", 1000);
    server.stop();
    return 0;
}
