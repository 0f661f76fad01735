#include "MeasuringTransport.h"

#include <chrono>

namespace kep::loadgen {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void countError(ExchangeLog& log, const sync::TransportError& error) {
    ++log.errors.at(static_cast<std::size_t>(error.kind));
}

}  // namespace

sync::TransportResult<sync::PushResponse> MeasuringTransport::push(
    const sync::PushRequest& request) {
    const auto start = Clock::now();
    auto answer = inner_.push(request);
    if (const auto* error = std::get_if<sync::TransportError>(&answer)) {
        countError(log_, *error);
        return answer;
    }
    log_.pushMs.push_back(msSince(start));
    log_.lastPushAnswered = Clock::now();
    for (const auto& result : std::get<sync::PushResponse>(answer).results) {
        if (result.outcome == sync::OpOutcome::Duplicate) {
            ++log_.duplicates;
        }
    }
    return answer;
}

sync::TransportResult<sync::PullResponse> MeasuringTransport::pull(
    const sync::PullRequest& request) {
    const auto start = Clock::now();
    auto answer = inner_.pull(request);
    if (const auto* error = std::get_if<sync::TransportError>(&answer)) {
        countError(log_, *error);
        return answer;
    }
    log_.pullMs.push_back(msSince(start));
    log_.pulledChanges += std::get<sync::PullResponse>(answer).changes.size();
    return answer;
}

}  // namespace kep::loadgen
