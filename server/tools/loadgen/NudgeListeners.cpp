#include "NudgeListeners.h"

#include <algorithm>
#include <thread>

namespace kep::loadgen {

namespace {

bool heardOwnOffice(const net::NudgeSocketReport& report) {
    return report.open && report.nudges > 0;
}

}  // namespace

NudgeListeners::NudgeListeners(const std::vector<DeskIdentity>& desks, const net::Endpoint& server,
                               const std::string& caFile)
    : group_(server, caFile, std::chrono::seconds(10)) {
    for (const DeskIdentity& desk : desks) {
        group_.add(desk.credentialFile, "office:" + desk.office);
    }
    const auto start = std::chrono::steady_clock::now();
    group_.open();
    openedAt_ = std::chrono::steady_clock::now();
    openSeconds_ = std::chrono::duration<double>(openedAt_ - start).count();
}

void NudgeListeners::awaitNudges(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        const auto reports = group_.reports();
        const bool waiting = std::any_of(reports.begin(), reports.end(), [](const auto& report) {
            return report.open && report.nudges == 0;
        });
        if (!waiting || std::chrono::steady_clock::now() >= deadline) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

NudgeCounts NudgeListeners::counts() const {
    NudgeCounts counts;
    counts.openSeconds = openSeconds_;
    counts.heldSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - openedAt_).count();
    for (const auto& report : group_.reports()) {
        counts.opened += report.opened ? 1 : 0;
        counts.failed += report.opened ? 0 : 1;
        counts.openAtEnd += report.open ? 1 : 0;
        counts.heard += heardOwnOffice(report) ? 1 : 0;
        counts.nudges += report.nudges;
        if (counts.firstFailure.empty()) {
            counts.firstFailure = report.failure;
        }
    }
    return counts;
}

}  // namespace kep::loadgen
