#include "LoadSummary.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace kep::loadgen {

namespace json = boost::json;

double percentile(std::vector<double>& samples, double p) {
    if (samples.empty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

namespace {

double rounded(double value) {
    return std::round(value * 1000.0) / 1000.0;
}

json::object latency(std::vector<double>& samples) {
    return {{"requests", samples.size()},
            {"p50_ms", rounded(percentile(samples, 50))},
            {"p95_ms", rounded(percentile(samples, 95))},
            {"p99_ms", rounded(percentile(samples, 99))}};
}

// The nudge WebSockets: how many opened, stayed open through the run, and heard their office.
json::object websocketsJson(const NudgeCounts& counts) {
    return {{"opened", counts.opened},
            {"failed", counts.failed},
            {"open_s", rounded(counts.openSeconds)},
            {"held_s", rounded(counts.heldSeconds)},
            {"open_at_end", counts.openAtEnd},
            {"heard_own_office", counts.heard},
            {"nudges", counts.nudges}};
}

}  // namespace

std::string summaryJson(const LoadgenOptions& options, const std::string& runTag,
                        const std::vector<std::unique_ptr<SimulatedDesk>>& desks,
                        const RunTimes& times, const CheckResult& check) {
    std::uint64_t queued = 0, applied = 0, rejected = 0, conflicts = 0, pending = 0;
    std::uint64_t duplicates = 0, filed = 0, approvals = 0, pulledChanges = 0;
    std::array<std::uint64_t, 5> errors{};
    std::vector<double> pushMs, pullMs;
    std::set<std::string> offices;
    auto lastPush = times.syncStart;
    for (const auto& desk : desks) {
        offices.insert(desk->identity().office);
        for (const auto& entry : desk->store().entries()) {
            ++queued;
            switch (entry.state) {
                case sync::OpState::Pending:
                    ++pending;
                    break;
                case sync::OpState::Applied:
                    ++applied;
                    break;
                case sync::OpState::Rejected:
                    ++rejected;
                    break;
                case sync::OpState::Conflict:
                    ++conflicts;
                    break;
            }
        }
        filed += desk->filed().size();
        for (const auto& c : desk->filed()) {
            approvals += c.approveSeq ? 1 : 0;
        }
        const auto& log = desk->log();
        duplicates += log.duplicates;
        lastPush = std::max(lastPush, log.lastPushAnswered);
        pulledChanges += log.pulledChanges;
        pushMs.insert(pushMs.end(), log.pushMs.begin(), log.pushMs.end());
        pullMs.insert(pullMs.end(), log.pullMs.begin(), log.pullMs.end());
        for (std::size_t k = 0; k < errors.size(); ++k) {
            errors[k] += log.errors[k];
        }
    }
    const std::uint64_t acked = applied + rejected + conflicts;
    // Ingest: the acknowledged ops over the time until the last push was answered (the pulls
    // that follow are not ingest, though they share the server while pushes go on).
    const double pushSeconds = std::chrono::duration<double>(lastPush - times.syncStart).count();
    json::object summary{
        {"run", json::object{{"tag", runTag},
                             {"desks", desks.size()},
                             {"offices", offices.size()},
                             {"cases_per_desk", options.casesPerDesk},
                             {"offline_first", options.offlineFirst},
                             {"seed", options.seed},
                             {"threads", options.threads},
                             {"push_batch", options.pushBatch}}},
        {"ops", json::object{{"queued", queued},
                             {"acked", acked},
                             {"applied", applied},
                             {"duplicates", duplicates},
                             {"rejected", rejected},
                             {"conflicts", conflicts},
                             {"pending", pending}}},
        {"cases", json::object{{"filed", filed}, {"approvals_queued", approvals}}},
        {"push", latency(pushMs)},
        {"pull", latency(pullMs)},
        {"pulled_changes", pulledChanges},
        {"errors", json::object{{"unreachable", errors[0]},
                                {"timeout", errors[1]},
                                {"refused", errors[2]},
                                {"server_error", errors[3]},
                                {"bad_response", errors[4]}}},
        {"setup_s", rounded(times.setupSeconds)},
        {"sync_s", rounded(times.syncSeconds)},
        {"throughput_ops_per_s",
         rounded(times.syncSeconds > 0 ? static_cast<double>(acked) / times.syncSeconds : 0)},
        {"ingest_ops_per_s",
         rounded(pushSeconds > 0 ? static_cast<double>(acked) / pushSeconds : 0)},
        {"drained", times.drained},
        {"websockets",
         times.websockets ? json::value(websocketsJson(*times.websockets)) : json::value(nullptr)},
        {"check", json::object{{"ok", check.ok},
                               {"read_back", check.read},
                               {"expected_cases", check.expectedCases},
                               {"cases_on_server", check.casesOnServer},
                               {"missing", check.missing},
                               {"duplicated", check.duplicated},
                               {"unexpected", check.unexpected},
                               {"wrong_status", check.wrongStatus},
                               {"in_doubt", check.inDoubt},
                               {"changes_read", check.changesRead},
                               {"read_s", rounded(check.readSeconds)}}},
    };
    return json::serialize(summary);
}

}  // namespace kep::loadgen
