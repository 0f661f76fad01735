// A SyncTransport that times each exchange and counts what the server answered, around the
// real HTTPS one: where kep-loadgen's latencies, duplicates and error counts come from.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "shared/sync/SyncTransport.h"

namespace kep::loadgen {

// One desk's measurements; merged into the run's summary at the end.
struct ExchangeLog {
    std::vector<double> pushMs;    // answered pushes only
    std::vector<double> pullMs;    // answered pulls only
    std::uint64_t duplicates = 0;  // op results the server answered as repeats
    std::uint64_t pulledChanges = 0;
    std::chrono::steady_clock::time_point lastPushAnswered{};  // for the ingest rate
    // By TransportError::Kind: unreachable, timeout, refused, server error, bad response.
    std::array<std::uint64_t, 5> errors{};
};

class MeasuringTransport final : public sync::SyncTransport {
public:
    MeasuringTransport(sync::SyncTransport& inner, ExchangeLog& log) : inner_(inner), log_(log) {}

    sync::TransportResult<sync::PushResponse> push(const sync::PushRequest& request) override;
    sync::TransportResult<sync::PullResponse> pull(const sync::PullRequest& request) override;

private:
    sync::SyncTransport& inner_;
    ExchangeLog& log_;
};

}  // namespace kep::loadgen
