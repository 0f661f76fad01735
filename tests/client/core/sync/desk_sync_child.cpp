// A desk as a child process for the crash and endurance tests of the desk's sync: it files cases
// through CaseStore into a real desk.db, or syncs that desk.db with a real kep-server through the
// production HTTPS connector, the shared engine and the desk's own outbox and replica stores.
//
//   desk_sync_child file --db F --office C --device D --actor U --cases N --from-ms T --to-ms T
//       Files N synthetic cases, their times spread evenly from the first to the last instant
//       (a desk offline for days), with a protocol-number lease of its own. Prints
//       "FILED <cases> <ops>".
//   desk_sync_child sync --db F --office C --device D --url U --ca F --cert F --key F
//                        [--hold] [--pull-limit N] [--deadline-s S]
//       Syncs until the outbox is drained and the office bucket pulled to its end. Prints, as it
//       goes: "START <cursor> <pending>", "PUSHED <applied> <duplicate> <rejected> <conflict>"
//       per answered push, "PULLED <cursor>" per stored page, and at the end "DONE <pending>
//       <applied> <duplicate> <rejected> <conflict> <cursor> <peak-rss-kb>". With --hold it
//       first opens the connection (one pull of a single change), prints "CONNECTED" and waits
//       for a line on standard input, so that the parent can change the network under it.
// Exit status: 0 done, 2 bad arguments, 3 deadline passed, 4 a fault of desk.db or the filing.
#include "SyncTestServer.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/cases/GreekCivilTime.h"
#include "storage/DeskDatabase.h"
#include "sync/DeskReplicaStore.h"
#include "sync/HttpsSyncConnector.h"

#include <QCoreApplication>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <thread>

namespace {

using namespace kep::desk;
using Clock = std::chrono::steady_clock;

std::map<std::string, std::string> options(int argc, char** argv) {
    std::map<std::string, std::string> found;
    for (int i = 2; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--hold") {
            found[name] = "1";
        } else if (name.starts_with("--") && i + 1 < argc) {
            found[name] = argv[++i];
        } else {
            throw std::invalid_argument("unexpected argument " + name);
        }
    }
    return found;
}

const std::string& required(const std::map<std::string, std::string>& o, const char* name) {
    const auto it = o.find(name);
    if (it == o.end()) {
        throw std::invalid_argument(std::string("missing ") + name);
    }
    return it->second;
}

kep::cases::Instant systemNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

// The process's peak resident set (VmHWM), in kB: what the desk's memory cost at its worst.
long peakRssKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:")) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

void say(const std::string& line) {
    std::cout << line << std::endl;  // flushed: the parent may kill us right after
}

int fileCases(const std::map<std::string, std::string>& o) {
    const std::string office = required(o, "--office");
    const int count = std::stoi(required(o, "--cases"));
    const std::int64_t fromMs = std::stoll(required(o, "--from-ms"));
    const std::int64_t toMs = std::stoll(required(o, "--to-ms"));
    const kep::cases::Actor clerk{required(o, "--actor"), kep::cases::ActorRole::Clerk};
    auto db = storage::openDeskDatabase(QString::fromStdString(required(o, "--db")));

    // A block for each calendar year the filings span (a week may cross New Year).
    cases::ProtocolLeaseStore leases(db, office);
    const auto yearOf = [](std::int64_t ms) {
        const kep::cases::Instant at{std::chrono::milliseconds{ms}};
        return static_cast<int>(
            kep::cases::greekLocalDate(std::chrono::time_point_cast<std::chrono::seconds>(at))
                .year());
    };
    for (int year = yearOf(fromMs); year <= yearOf(toMs); ++year) {
        const auto refused = leases.addBlock({office, year, 1, static_cast<std::uint32_t>(count)});
        if (refused != kep::cases::BlockRefusal::None) {
            std::cerr << "lease block refused\n";
            return 4;
        }
    }

    cases::CaseStore store(db, office, required(o, "--device"));
    const std::int64_t span = count > 1 ? (toMs - fromMs) / (count - 1) : 0;
    for (int i = 0; i < count; ++i) {
        const kep::cases::Instant at{std::chrono::milliseconds{fromMs + span * i}};
        auto filing = test::syntheticFiling(test::syntheticCitizen(1'000 + i, "Οικονόμου"));
        filing.dueDate = std::chrono::year_month_day{
            std::chrono::floor<std::chrono::days>(at + std::chrono::days{10})};
        const auto filed = store.file(filing, clerk, at);
        if (!filed.ok()) {
            std::cerr << "filing " << i << " refused: " << filed.message << "\n";
            return 4;
        }
    }
    say("FILED " + std::to_string(count) + " " + std::to_string(store.outbox().pendingCount()));
    return 0;
}

// The engine's transport with a tally of the server's answers.
class TalliedTransport final : public kep::sync::SyncTransport {
public:
    explicit TalliedTransport(std::unique_ptr<kep::sync::SyncTransport> inner)
        : inner_(std::move(inner)) {}

    std::map<kep::sync::OpOutcome, long> tally;

    kep::sync::TransportResult<kep::sync::PushResponse> push(
        const kep::sync::PushRequest& request) override {
        auto result = inner_->push(request);
        if (const auto* answer = std::get_if<kep::sync::PushResponse>(&result)) {
            std::map<kep::sync::OpOutcome, long> batch;
            for (const auto& op : answer->results) {
                ++batch[op.outcome];
                ++tally[op.outcome];
            }
            say("PUSHED " + counts(batch));
        }
        return result;
    }
    kep::sync::TransportResult<kep::sync::PullResponse> pull(
        const kep::sync::PullRequest& request) override {
        return inner_->pull(request);
    }

    static std::string counts(std::map<kep::sync::OpOutcome, long>& c) {
        using kep::sync::OpOutcome;
        return std::to_string(c[OpOutcome::Applied]) + " " +
               std::to_string(c[OpOutcome::Duplicate]) + " " +
               std::to_string(c[OpOutcome::Rejected]) + " " +
               std::to_string(c[OpOutcome::Conflict]);
    }

private:
    std::unique_ptr<kep::sync::SyncTransport> inner_;
};

int syncDesk(const std::map<std::string, std::string>& o) {
    const std::string bucket = "office:" + required(o, "--office");
    const auto deadline =
        Clock::now() +
        std::chrono::seconds(o.contains("--deadline-s") ? std::stoi(o.at("--deadline-s")) : 120);
    auto db = storage::openDeskDatabase(QString::fromStdString(required(o, "--db")));
    cases::DeskOutboxStore outbox(db);
    sync::DeskReplicaStore replica(db, systemNow);
    const ServerAddress address{QString::fromStdString(required(o, "--url")),
                                QString::fromStdString(required(o, "--ca")),
                                QString::fromStdString(required(o, "--cert")),
                                QString::fromStdString(required(o, "--key"))};
    TalliedTransport transport(sync::httpsSyncConnector(address).transport());
    say("START " + std::to_string(replica.cursor(bucket)) + " " +
        std::to_string(outbox.pendingCount()));

    if (o.contains("--hold")) {
        kep::sync::PullRequest first;
        first.bucket = bucket;
        first.cursor = replica.cursor(bucket);
        first.limit = 1;
        if (std::holds_alternative<kep::sync::TransportError>(transport.pull(first))) {
            std::cerr << "the warm-up pull failed\n";
            return 3;
        }
        say("CONNECTED");
        std::string go;
        std::getline(std::cin, go);
    }

    kep::sync::SyncClientConfig config;
    config.deviceId = required(o, "--device");
    config.buckets = {bucket};
    if (o.contains("--pull-limit")) {
        config.pullLimit = std::stoi(o.at("--pull-limit"));
    }
    kep::domain::HybridLogicalClock hlc;
    std::mt19937_64 dice(std::random_device{}());
    kep::sync::SyncClient client(config, outbox, replica, transport, hlc, systemNow,
                                 [&dice] { return dice(); });
    client.setObserver([&](const kep::sync::SyncEvent& event) {
        if (event.kind == kep::sync::SyncEvent::Kind::Pulled) {
            say("PULLED " + std::to_string(replica.cursor(bucket)));
        } else if (event.kind == kep::sync::SyncEvent::Kind::Failed) {
            std::cerr << "sync failed: " << event.reason << "\n";
        }
    });

    while (Clock::now() < deadline) {
        while (client.step()) {
        }
        const auto status = client.status();
        if (status.phase == kep::sync::SyncPhase::Idle && status.upToDateAsOf &&
            status.pendingOps == 0) {
            say("DONE " + std::to_string(outbox.pendingCount()) + " " +
                TalliedTransport::counts(transport.tally) + " " +
                std::to_string(replica.cursor(bucket)) + " " + std::to_string(peakRssKb()));
            return 0;
        }
        const auto wait =
            std::clamp(client.nextWakeAt() - systemNow(), kep::cases::Instant::duration{1},
                       kep::cases::Instant::duration{200});
        std::this_thread::sleep_for(wait);
    }
    std::cerr << "deadline passed with " << outbox.pendingCount() << " ops pending\n";
    return 3;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        const auto o = options(argc, argv);
        if (mode == "file") {
            return fileCases(o);
        }
        if (mode == "sync") {
            return syncDesk(o);
        }
        std::cerr << "usage: desk_sync_child file|sync --db F ... (see the source)\n";
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "desk_sync_child: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "desk_sync_child: " << e.what() << "\n";
        return 4;
    }
}
