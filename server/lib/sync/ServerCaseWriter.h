// Changes the server itself makes to cases — online applications, the competent authorities'
// decisions, registry answers: ops of a server-side device pushed through the same SyncService
// as a desk's, so they get the lifecycle's checks, history entries, audit entries and nudges.
#pragma once

#include "shared/cases/Actor.h"
#include "shared/cases/CaseStatus.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncMessages.h"
#include "sync/SyncService.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace kep::server::sync {

// What the core answered for the one op a call pushed.
struct CaseWriteResult {
    kep::sync::OpOutcome outcome = kep::sync::OpOutcome::Rejected;
    std::string reason;  // "code: message" from the core when rejected ("no_such_transition: …")
    std::int64_t version = 0;

    bool ok() const { return outcome == kep::sync::OpOutcome::Applied; }
    // The code before the first ':' of reason ("no_such_transition"), or "" when applied.
    std::string code() const;
};

// Thread-safe. Each writer is one device ("server:intake", "server:authority", …) with its own
// sequence, continued from what the store applied before (a restart resumes it). A call returns
// only after the op's batch committed; when the store throws, the sequence is not consumed and
// the exception propagates (nothing was written).
class ServerCaseWriter {
public:
    ServerCaseWriter(SyncService& service, std::string deviceId);

    // The case's bucket is "office:<officeCode>". `actor` is who the history and audit record:
    // a channel ({"channel:govgr", GovChannel}), an authority user or system.
    CaseWriteResult create(const std::string& caseId, const std::string& officeCode,
                           const kep::cases::Actor& actor, kep::sync::FieldMap fields);
    // Field writes by the server win over any desk edit made before them (baseVersion: all seen).
    CaseWriteResult setFields(const std::string& caseId, const std::string& officeCode,
                              const kep::cases::Actor& actor, kep::sync::FieldMap fields);
    CaseWriteResult transition(const std::string& caseId, const std::string& officeCode,
                               const kep::cases::Actor& actor, kep::cases::CaseStatus to,
                               std::string reason = {});

    const std::string& deviceId() const { return deviceId_; }

private:
    // Makes the op and pushes it, all under mutex_: ops reach the core in sequence order.
    template <typename MakeOp>
    CaseWriteResult push(const std::string& officeCode, const kep::cases::Actor& actor,
                         MakeOp makeOp);

    SyncService& service_;
    std::string deviceId_;
    std::mutex mutex_;
    std::optional<std::int64_t> lastSeq_;  // read from the store on first use
    kep::domain::HybridLogicalClock clock_;
    kep::domain::UuidV7Generator ids_;
    kep::sync::OutboxOpFactory ops_;
};

}  // namespace kep::server::sync
