// Forwarding a case to its competent authority from the KEP desk (issue 7): whether the
// lifecycle lets this member of staff forward it now, where it goes, and the queued transition.
#pragma once

#include "cases/CaseStore.h"
#include "shared/cases/CaseLifecycle.h"
#include "shared/catalogue/LocalizedText.h"

#include <string>

namespace kep::desk::catalogue {
class CatalogueStore;
}

namespace kep::desk::cases {

// Where a case goes. desk.db keeps no copy of the case's authority_id: filing took it from the
// procedure's published record (competentAuthorityOf), so the same record answers here.
struct ForwardDestination {
    std::string authorityId;  // "" when the desk's catalogue has not the procedure, or names none
    std::string name;         // the authority's name in the asked language; "" when unknown
};

struct ForwardOutcome {
    enum class Refusal {
        None,
        NoSuchCase,   // the case is not on this desk
        NoAuthority,  // the desk cannot tell where it goes: nobody would see it
        Lifecycle,    // the lifecycle refused (`lifecycle` says why)
    };
    Refusal refusal = Refusal::None;
    kep::cases::TransitionResult lifecycle;
    ForwardDestination destination;
    bool ok() const { return refusal == Refusal::None; }
};

class CaseForwarding {
public:
    // `store` and `catalogue` (may be null: destinations unknown) must outlive this.
    CaseForwarding(CaseStore& store, const kep::desk::catalogue::CatalogueStore* catalogue);

    ForwardDestination destination(const CaseSummary& c, kep::catalogue::Language language) const;

    // The lifecycle's answer for `actor` on the case as it is now, changing nothing: approved,
    // or submitted under a procedure that needs no approval, by a clerk or a manager.
    static kep::cases::TransitionResult check(const CaseSummary& c, const kep::cases::Actor& actor);

    // Moves the case to forwarded through CaseStore::transition, which queues the op the server
    // applies (the server reads the case's authority_id; the op carries none). The outcome's
    // destination is named in `language`.
    ForwardOutcome forward(const std::string& caseId, const kep::cases::Actor& actor,
                           kep::cases::Instant now,
                           kep::catalogue::Language language = kep::catalogue::Language::El);

private:
    CaseStore& store_;
    const kep::desk::catalogue::CatalogueStore* catalogue_;
};

}  // namespace kep::desk::cases
