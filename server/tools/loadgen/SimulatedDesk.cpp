#include "SimulatedDesk.h"

#include "ClientTls.h"
#include "shared/cases/CaseLifecycle.h"

#include <algorithm>

namespace kep::loadgen {

namespace {

std::string thisYear() {
    using namespace std::chrono;
    return std::to_string(
        static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year()));
}

sync::SyncClientConfig engineConfig(const DeskIdentity& identity, const DeskPlan& plan) {
    sync::SyncClientConfig config;
    config.deviceId = identity.deviceId;
    config.buckets = {"office:" + identity.office};
    config.pushBatch = plan.pushBatch;
    config.pullLimit = 1000;
    config.backoff.cap = plan.maxBackoff;
    config.backoff.base = std::min(config.backoff.base, plan.maxBackoff);
    return config;
}

}  // namespace

Instant SimulatedDesk::now() {
    return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

SimulatedDesk::SimulatedDesk(DeskIdentity identity, const DeskPlan& plan,
                             const net::Endpoint& server, const std::string& caFile,
                             std::uint64_t seed)
    : identity_(std::move(identity))
    , plan_(plan)
    , bucket_("office:" + identity_.office)
    , filings_(seed)
    , dice_(seed ^ 0xd1b54a32d192ed03ULL)
    , ids_(domain::UuidV7Generator::systemClock,
           [engine = std::mt19937_64(seed ^ 0x94d049bb133111ebULL)](
               std::span<std::uint8_t> out) mutable {
               for (auto& byte : out) {
                   byte = static_cast<std::uint8_t>(engine());
               }
           })
    , ops_(identity_.deviceId, hlc_, ids_)
    , client_(server, clientTls(caFile, identity_.credentialFile), plan.requestTimeout)
    , https_(client_)
    , measured_(https_, log_)
    , engine_(engineConfig(identity_, plan), store_, store_, measured_, hlc_, &SimulatedDesk::now,
              [this] { return dice_(); })
    , startedAt_(now()) {
    if (plan_.offlineFirst) {
        const Instant at = now();
        while (static_cast<int>(filed_.size()) < plan_.cases) {
            fileCase(at);
        }
    }
}

void SimulatedDesk::fileCase(Instant at) {
    const auto sequence = plan_.firstProtocolSequence + static_cast<std::uint32_t>(filed_.size());
    const auto number = identity_.office + "/" + thisYear() + "/" + std::to_string(sequence);
    FiledCase filed;
    filed.caseId = ids_.next().toString();
    filed.approve = filings_.percent() < plan_.approvePercent;
    // As kep-desk files: one create by the clerk, carrying the status the filing ends in.
    sync::FieldMap fields = filings_.nextCase(number);
    fields["status"] =
        cases::toString(cases::filedStatusFor(fields["requires_approval"] != "false"));
    auto create = ops_.create({"case", filed.caseId}, bucket_, identity_.clerk, std::move(fields));
    filed.filingSeq = store_.append(create, at);
    filed_.push_back(std::move(filed));
    if (filed_.back().approve) {
        if (plan_.offlineFirst) {
            approve(filed_.back(), at);  // the manager, at the same offline desk
        } else {
            awaitingApproval_.push_back(filed_.size() - 1);
        }
    }
    engine_.requestSync();
}

void SimulatedDesk::approve(FiledCase& filed, Instant at) {
    auto op = ops_.transition({"case", filed.caseId}, bucket_, identity_.manager, 0,
                              cases::CaseStatus::Approved, {});
    filed.approveSeq = store_.append(op, at);
    engine_.requestSync();
}

std::optional<Instant> SimulatedDesk::nextFilingAt() const {
    const auto count = static_cast<long long>(filed_.size());
    if (plan_.offlineFirst || count >= plan_.cases || plan_.duration.count() == 0) {
        return std::nullopt;
    }
    return startedAt_ + plan_.duration * count / plan_.cases;
}

// Online: a clerk files the next case when its time comes (or, with no duration, once the last
// one reached the server); a manager approves a case once its filing was answered.
bool SimulatedDesk::queueDueWork(Instant at) {
    bool queued = false;
    if (!plan_.offlineFirst && static_cast<int>(filed_.size()) < plan_.cases) {
        if (plan_.duration.count() > 0) {
            while (nextFilingAt() && *nextFilingAt() <= at) {
                fileCase(at);
                queued = true;
            }
        } else if (store_.pendingCount() == 0 && engine_.phase() == sync::SyncPhase::Idle) {
            fileCase(at);
            queued = true;
        }
    }
    const auto& entries = store_.entries();
    while (!awaitingApproval_.empty()) {
        FiledCase& next = filed_[awaitingApproval_.front()];
        const auto& entry = entries[static_cast<std::size_t>(next.filingSeq - 1)];
        if (entry.state == sync::OpState::Pending) {
            break;  // ops settle in order: the later filings are not answered either
        }
        if (entry.state == sync::OpState::Applied) {
            approve(next, at);
            queued = true;
        }
        awaitingApproval_.pop_front();
    }
    return queued;
}

Instant SimulatedDesk::work() {
    queueDueWork(now());
    engine_.step();
    Instant wake = engine_.nextWakeAt();
    if (const auto filing = nextFilingAt()) {
        wake = std::min(wake, *filing);
    }
    const bool moreToFile = !plan_.offlineFirst && plan_.duration.count() == 0 &&
                            static_cast<int>(filed_.size()) < plan_.cases;
    if ((moreToFile || !awaitingApproval_.empty()) && engine_.phase() == sync::SyncPhase::Idle) {
        wake = std::min(wake, now());
    }
    return wake;
}

bool SimulatedDesk::finished() const {
    return static_cast<int>(filed_.size()) == plan_.cases && awaitingApproval_.empty() &&
           store_.pendingCount() == 0 && engine_.phase() == sync::SyncPhase::Idle;
}

}  // namespace kep::loadgen
