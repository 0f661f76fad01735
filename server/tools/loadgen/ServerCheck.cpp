#include "ServerCheck.h"

#include "shared/sync/SyncServerCore.h"

#include <map>
#include <set>
#include <thread>

namespace kep::loadgen {

namespace {

// Nullopt while any of the case's ops is unanswered: the server may or may not have it.
std::optional<CaseExpectation::Held> expectationOf(const SimulatedDesk& desk,
                                                   const FiledCase& filed) {
    const auto& entries = desk.store().entries();
    const auto at = [&](std::int64_t seq) -> const sync::OutboxEntry& {
        return entries[static_cast<std::size_t>(seq - 1)];
    };
    std::vector<std::int64_t> seqs{filed.filingSeq};
    if (filed.approveSeq) {
        seqs.push_back(*filed.approveSeq);
    }
    CaseExpectation::Held expected;
    for (const auto seq : seqs) {
        const auto& entry = at(seq);
        if (entry.state == sync::OpState::Pending) {
            return std::nullopt;
        }
        if (entry.state != sync::OpState::Applied) {
            continue;
        }
        if (seq == filed.filingSeq) {
            expected.present = true;
            expected.status = entry.op.fields.at("status");
        } else {
            expected.status = entry.op.toStatus;
        }
        ++expected.changes;
    }
    if (!expected.present) {
        expected.changes = 0;  // transitions of a case that does not exist were refused
    }
    return expected;
}

std::optional<std::map<std::string, CaseOnServer>> readBucket(
    sync::SyncTransport& link, const std::string& bucket,
    std::chrono::steady_clock::time_point deadline) {
    std::map<std::string, CaseOnServer> seen;
    sync::PullRequest request;
    request.bucket = bucket;
    request.limit = 1000;
    for (;;) {
        auto answer = link.pull(request);
        if (std::holds_alternative<sync::TransportError>(answer)) {
            if (std::chrono::steady_clock::now() >= deadline) {
                return std::nullopt;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            continue;
        }
        const auto& response = std::get<sync::PullResponse>(answer);
        for (const auto& change : response.changes) {
            if (change.entity.type != sync::kCaseType) {
                continue;
            }
            CaseOnServer& s = seen[change.entity.id];
            ++s.changes;
            if (change.version == 1) {
                ++s.creations;
            }
            if (change.version <= s.lastVersion) {
                s.versionRepeated = true;
            }
            s.lastVersion = change.version;
            if (const auto status = change.fields.find("status"); status != change.fields.end()) {
                s.status = status->second;
            }
        }
        request.cursor = response.cursor;
        if (!response.hasMore) {
            return seen;
        }
    }
}

}  // namespace

void judgeBucket(const std::vector<CaseExpectation>& expected,
                 const std::map<std::string, CaseOnServer>& bucket, CheckResult& result) {
    auto problem = [&](std::string text) {
        if (result.firstProblem.empty()) {
            result.firstProblem = std::move(text);
        }
    };
    result.casesOnServer += bucket.size();
    std::set<std::string> accounted;
    for (const auto& c : expected) {
        accounted.insert(c.caseId);
        if (!c.held) {
            ++result.inDoubt;
            continue;
        }
        const auto found = bucket.find(c.caseId);
        if (!c.held->present) {
            if (found != bucket.end()) {
                ++result.unexpected;
                problem("case " + c.caseId + " is on the server, its create was not applied");
            }
            continue;
        }
        ++result.expectedCases;
        if (found == bucket.end()) {
            ++result.missing;
            problem("case " + c.caseId + " was acknowledged and is not on the server");
            continue;
        }
        const CaseOnServer& s = found->second;
        if (s.creations != 1 || s.versionRepeated || s.changes != c.held->changes) {
            ++result.duplicated;
            problem("case " + c.caseId + " has " + std::to_string(s.changes) +
                    " changes, expected " + std::to_string(c.held->changes));
        } else if (s.status != c.held->status) {
            ++result.wrongStatus;
            problem("case " + c.caseId + " is " + s.status + ", expected " + c.held->status);
        }
    }
    for (const auto& [id, s] : bucket) {
        if (!accounted.contains(id)) {
            ++result.unexpected;
            problem("case " + id + " is on the server and no desk filed it");
        }
    }
}

CheckResult checkServer(const std::vector<std::unique_ptr<SimulatedDesk>>& desks,
                        std::chrono::steady_clock::time_point deadline) {
    CheckResult result;
    result.read = true;
    std::map<std::string, std::vector<SimulatedDesk*>> byOffice;
    for (const auto& desk : desks) {
        byOffice[desk->identity().office].push_back(desk.get());
    }
    for (const auto& [office, officeDesks] : byOffice) {
        const auto readStart = std::chrono::steady_clock::now();
        const auto seen =
            readBucket(officeDesks.front()->serverLink(), "office:" + office, deadline);
        result.readSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
        if (!seen) {
            result.read = false;
            if (result.firstProblem.empty()) {
                result.firstProblem = "office:" + office + " could not be read back";
            }
            continue;
        }
        std::vector<CaseExpectation> expected;
        for (const SimulatedDesk* desk : officeDesks) {
            for (const auto& filed : desk->filed()) {
                expected.push_back({filed.caseId, expectationOf(*desk, filed)});
            }
        }
        for (const auto& [id, onServer] : *seen) {
            result.changesRead += onServer.changes;
        }
        judgeBucket(expected, *seen, result);
    }
    result.ok = result.read && result.missing == 0 && result.duplicated == 0 &&
                result.unexpected == 0 && result.wrongStatus == 0;
    return result;
}

}  // namespace kep::loadgen
