#include "cases/CaseForwarding.h"

#include "cases/ProcedureFiling.h"
#include "catalogue/CatalogueStore.h"

namespace kep::desk::cases {

using kep::cases::CaseStatus;

CaseForwarding::CaseForwarding(CaseStore& store,
                               const kep::desk::catalogue::CatalogueStore* catalogue)
    : store_(store)
    , catalogue_(catalogue) {}

ForwardDestination CaseForwarding::destination(const CaseSummary& c,
                                               kep::catalogue::Language language) const {
    ForwardDestination where;
    if (catalogue_ == nullptr || c.procedureId.empty()) {
        return where;
    }
    const auto record = catalogue_->current(c.procedureId);
    if (!record) {
        return where;
    }
    where.authorityId = competentAuthorityOf(*record);
    // The register names its owning organisation; a competent authority the central
    // administration chose instead is known here by its id alone.
    const auto& owner = record->procedure.orgOwner;
    if (!where.authorityId.empty() && owner.id == where.authorityId) {
        where.name = owner.title.in(language);
    }
    return where;
}

kep::cases::TransitionResult CaseForwarding::check(const CaseSummary& c,
                                                   const kep::cases::Actor& actor) {
    const kep::cases::Case rules{c.status, c.filedBy, c.requiresApproval};
    return kep::cases::check(rules, CaseStatus::Forwarded, actor);
}

ForwardOutcome CaseForwarding::forward(const std::string& caseId, const kep::cases::Actor& actor,
                                       kep::cases::Instant now, kep::catalogue::Language language) {
    ForwardOutcome outcome;
    const auto c = store_.caseById(caseId);
    if (!c) {
        outcome.refusal = ForwardOutcome::Refusal::NoSuchCase;
        return outcome;
    }
    outcome.destination = destination(*c, language);
    // The lifecycle first: a case that is not ready says so, whatever its destination.
    outcome.lifecycle = check(*c, actor);
    if (!outcome.lifecycle.ok()) {
        outcome.refusal = ForwardOutcome::Refusal::Lifecycle;
        return outcome;
    }
    if (outcome.destination.authorityId.empty()) {
        outcome.refusal = ForwardOutcome::Refusal::NoAuthority;
        return outcome;
    }
    outcome.lifecycle = store_.transition(caseId, CaseStatus::Forwarded, actor, {}, now);
    if (!outcome.lifecycle.ok()) {
        outcome.refusal = ForwardOutcome::Refusal::Lifecycle;
    }
    return outcome;
}

}  // namespace kep::desk::cases
