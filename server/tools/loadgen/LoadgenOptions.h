// kep-loadgen's command line: which server, how many simulated desks and cases, how they behave
// (offline first or online, the seed), and the limits of the run.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kep::loadgen {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct LoadgenOptions {
    std::string server;     // https://host:port
    std::string caFile;     // the CA the server's certificate chains to (DIR/ca.pem)
    std::string adminCert;  // DIR/admin.pem: the admin tool's certificate and key
    int desks = 0;
    int casesPerDesk = 0;
    bool offlineFirst = false;  // queue every case before the first connection
    bool websockets = false;    // every desk also holds its nudge WebSocket open through the run
    std::uint64_t seed = 1;
    // Online desks spread their filings over this long (0: as fast as their syncs allow).
    std::chrono::milliseconds duration{0};
    int desksPerOffice = 5;
    int threads = 8;          // workers that drive the desks (a desk is not a thread)
    int approvePercent = 30;  // share of cases the office manager approves
    int pushBatch = 200;      // ops per push request
    std::chrono::milliseconds requestTimeout{15'000};
    std::chrono::milliseconds maxBackoff{300'000};  // the desk's own cap by default
    std::chrono::seconds deadline{600};             // not drained by then: exit 1
    std::string workDir;  // the desks' keys and certificates; empty: a temporary folder
    std::string runTag;   // names this run's offices and users; empty: a random one
};

// Arguments without the program name. Throws UsageError naming the faulty argument.
LoadgenOptions parseLoadgenOptions(std::span<const std::string_view> arguments);

std::string loadgenUsage();

}  // namespace kep::loadgen
