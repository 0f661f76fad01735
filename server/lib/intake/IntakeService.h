// Files the applications gov.gr and EU-GO send: checks the body, the office and the published
// procedure, numbers the case from the office's own sequence (the one desks lease blocks from)
// and creates it through ServerCaseWriter — once per channel and Idempotency-Key.
#pragma once

#include "intake/IntakeChannel.h"
#include "intake/IntakeFiling.h"
#include "intake/IntakeRequests.h"
#include "leases/ProtocolNumberLeases.h"
#include "shared/cases/CaseHistory.h"
#include "shared/domain/WorkingCalendar.h"
#include "storage/ServerStore.h"
#include "sync/ServerCaseWriter.h"
#include "sync/SyncService.h"

#include <boost/json/object.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::intake {

// The server device whose ops carry online applications into the offices' buckets.
inline constexpr std::string_view kIntakeDevice = "server:intake";

// Why an application was not filed, as the route answers it: 400 invalid_field with `field`
// (and `reason`, the fault's own code), 409 sequence_exhausted, 422 idempotency_key_reused.
struct IntakeRefusal {
    int status = 400;
    std::string code;
    std::string message;
    std::string field;   // for invalid_field
    std::string reason;  // for invalid_field: "required", "check_digit_mismatch", …
};

struct IntakeOutcome {
    std::optional<IntakeRefusal> refusal;
    std::string answer;     // the 201 body (intakeAnswerJson) when filed or repeated
    bool repeated = false;  // the key had been used with this body before: no new case

    bool filed() const { return !refusal.has_value(); }
};

class IntakeService {
public:
    // `store` and `sync` must outlive the service.
    IntakeService(storage::ServerStore& store, sync::SyncService& sync,
                  std::shared_ptr<const kep::domain::WorkingCalendar> calendar);

    // `now` is the filing time (the server's clock; tests pass a fixed one). Thread-safe:
    // applications are filed one at a time, so that two requests with one key make one case —
    // the second waits for the first and gets its answer. Across processes the key's row
    // decides (its primary key), and the case's id is fixed in that row, so a repeat finishing
    // a crashed filing creates that same case, never a second one. Throws kep::db::Error (and
    // whatever the sync store throws) on a fault: nothing is then acknowledged.
    IntakeOutcome file(IntakeChannel channel, std::string_view idempotencyKey,
                       const boost::json::object& body, kep::cases::Instant now);

private:
    std::optional<IntakeOutcome> repeat(IntakeChannel channel, std::string_view idempotencyKey,
                                        const std::string& bodySha256);
    IntakeOutcome fileNew(IntakeChannel channel, std::string_view idempotencyKey,
                          const boost::json::object& body, const std::string& bodySha256,
                          kep::cases::Instant now);
    // Creates the record's case unless it exists, then drops the record's copy of its fields.
    void finish(IntakeChannel channel, std::string_view idempotencyKey, const IntakeRecord& record);

    storage::ServerStore& store_;
    std::shared_ptr<const kep::domain::WorkingCalendar> calendar_;
    leases::ProtocolNumberLeases leases_;
    sync::ServerCaseWriter writer_;
    std::mutex filing_;
};

}  // namespace kep::server::intake
