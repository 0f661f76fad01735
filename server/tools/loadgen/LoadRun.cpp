#include "LoadRun.h"

#include "DeskScheduler.h"
#include "Fleet.h"
#include "LoadSummary.h"
#include "NudgeListeners.h"
#include "OpenFiles.h"
#include "ServerCheck.h"
#include "SimulatedDesk.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>

namespace kep::loadgen {

namespace {

using SteadyClock = std::chrono::steady_clock;

// SplitMix64: independent per-desk seeds from the run's one seed.
std::uint64_t deskSeed(std::uint64_t seed, int index) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(index + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::string randomTag() {
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::random_device device;
    std::string tag;
    for (int i = 0; i < 3; ++i) {
        tag += kAlphabet[device() % kAlphabet.size()];
    }
    return tag;
}

// The desks' credentials live here for the run; a folder the run made is removed after it.
class WorkFolder {
public:
    explicit WorkFolder(const std::string& requested) {
        if (!requested.empty()) {
            path_ = requested;
            std::filesystem::create_directories(path_);
            return;
        }
        std::string pattern = (std::filesystem::temp_directory_path() / "kep-loadgen-XXXXXX");
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary folder");
        }
        path_ = pattern;
        owned_ = true;
    }
    ~WorkFolder() {
        if (owned_) {
            std::error_code ignored;
            std::filesystem::remove_all(path_, ignored);
        }
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    bool owned_ = false;
};

double secondsSince(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

}  // namespace

int runLoad(const LoadgenOptions& options, const std::string& adminPassword, std::ostream& out,
            std::ostream& err) {
    const auto begin = SteadyClock::now();
    const auto deadline = begin + options.deadline;
    const std::string runTag = options.runTag.empty() ? randomTag() : options.runTag;
    std::unique_ptr<WorkFolder> work;
    std::vector<std::unique_ptr<SimulatedDesk>> desks;
    // Out of descriptors, every new connection fails and the desks back off for minutes: a run
    // that cannot fit says so before it starts.
    const auto needed = descriptorsNeeded(options.desks, options.websockets);
    if (const auto limit = raiseOpenFilesLimitTo(needed); limit < needed) {
        err << "kep-loadgen: " << options.desks << " desks need about " << needed
            << " open files; the limit is " << limit << " (ulimit -n)" << std::endl;
        return kCouldNotRun;
    }
    try {
        work = std::make_unique<WorkFolder>(options.workDir);
        const auto fleet = provisionFleet(
            options, runTag, adminPassword, work->path(),
            [&err](const std::string& step) { err << "kep-loadgen: " << step << std::endl; });
        const auto server = net::Endpoint::fromUrl(options.server);
        for (const auto& identity : fleet.desks) {
            DeskPlan plan;
            plan.cases = options.casesPerDesk;
            plan.offlineFirst = options.offlineFirst;
            plan.approvePercent = options.approvePercent;
            plan.duration = options.duration;
            plan.pushBatch = static_cast<std::size_t>(options.pushBatch);
            plan.maxBackoff = options.maxBackoff;
            plan.requestTimeout = options.requestTimeout;
            plan.firstProtocolSequence =
                static_cast<std::uint32_t>(identity.index % options.desksPerOffice) * 1'000'000 + 1;
            desks.push_back(std::make_unique<SimulatedDesk>(
                identity, plan, server, options.caFile, deskSeed(options.seed, identity.index)));
        }
    } catch (const std::exception& error) {
        err << "kep-loadgen: could not set the run up: " << error.what() << std::endl;
        return kCouldNotRun;
    }

    RunTimes times;
    std::unique_ptr<NudgeListeners> listeners;
    if (options.websockets) {
        err << "kep-loadgen: opening " << desks.size() << " nudge WebSockets" << std::endl;
        std::vector<DeskIdentity> identities;
        for (const auto& desk : desks) {
            identities.push_back(desk->identity());
        }
        try {
            listeners = std::make_unique<NudgeListeners>(
                identities, net::Endpoint::fromUrl(options.server), options.caFile);
        } catch (const std::exception& error) {
            err << "kep-loadgen: could not open the nudge WebSockets: " << error.what()
                << std::endl;
            return kCouldNotRun;
        }
        const auto opened = listeners->counts();
        err << "kep-loadgen: " << opened.opened << " nudge WebSockets open in "
            << opened.openSeconds << " s" << std::endl;
    }
    times.setupSeconds = secondsSince(begin);
    err << "kep-loadgen: syncing " << desks.size() << " desks" << std::endl;
    const auto syncStart = SteadyClock::now();
    times.syncStart = syncStart;
    std::vector<SimulatedDesk*> running;
    for (const auto& desk : desks) {
        running.push_back(desk.get());
    }
    times.drained = DeskScheduler(running, options.threads).run(deadline);
    times.syncSeconds = secondsSince(syncStart);
    if (!times.drained) {
        err << "kep-loadgen: the outboxes did not drain before the deadline" << std::endl;
    }
    if (listeners) {
        listeners->awaitNudges(SteadyClock::now() + std::chrono::seconds(5));
        times.websockets = listeners->counts();
        listeners->close();
        if (!times.websockets->firstFailure.empty()) {
            err << "kep-loadgen: " << times.websockets->failed << " nudge WebSockets did not open, "
                << times.websockets->opened - times.websockets->openAtEnd
                << " closed during the run; the first: " << times.websockets->firstFailure
                << std::endl;
        }
    }

    // The read-back gets a little time of its own even when the sync used all of it.
    const auto checkDeadline = std::max(deadline, SteadyClock::now() + std::chrono::seconds(30));
    const CheckResult check = checkServer(desks, checkDeadline);
    if (!check.ok) {
        err << "kep-loadgen: the server does not hold exactly the acknowledged cases: "
            << check.firstProblem << std::endl;
    }
    out << summaryJson(options, runTag, desks, times, check) << std::endl;
    return times.drained && check.ok ? kHeld : kNotHeld;
}

}  // namespace kep::loadgen
