// Handing the result to the citizen at the counter (ready_for_pickup → delivered), with the
// citizen's satisfaction if they give it: a 1–5 rating and a comment, stored on the case as the
// field `satisfaction` (shared/cases/CaseFields.h), queued with the step in one transaction.
#pragma once

#include "cases/CaseStore.h"

#include <QString>

#include <optional>
#include <string>

namespace kep::desk::feedback {

struct Satisfaction {
    int rating = 0;   // 1..5
    QString comment;  // may be empty
};

// {"rating":n,"comment":"…"} (no comment member when it is empty). Throws std::invalid_argument
// for a rating outside 1..5.
std::string satisfactionJson(const Satisfaction& satisfaction);

class CaseDelivery {
public:
    // `store` must outlive this.
    explicit CaseDelivery(kep::desk::cases::CaseStore& store);

    // Delivers through the lifecycle (CaseStore::transition). A rating rides with the step, as a
    // set_fields op queued right after it in the same transaction: a crash between the two would
    // otherwise deliver the case and lose the rating. Without a rating, nothing else is written.
    kep::cases::TransitionResult deliver(const std::string& caseId, const kep::cases::Actor& clerk,
                                         const std::optional<Satisfaction>& satisfaction,
                                         kep::cases::Instant now);

private:
    kep::desk::cases::CaseStore& store_;
};

}  // namespace kep::desk::feedback
