// The one authorisation table of kep-server: which principal kind and role may perform which
// action, and how far it reaches. Every route asks decide(); an action not in the table is denied.
#pragma once

#include "auth/Principal.h"

#include <span>
#include <string>
#include <string_view>

namespace kep::auth {

// One row: `kind` with `role` (or any role of that kind) may do `action` within `scope`.
struct PolicyRule {
    PrincipalKind kind;
    Role role;
    std::string_view action;
    Scope scope;
};

// What the request touches: the office that holds the case or record, that office's region,
// and the competent authority it is forwarded to. Empty fields belong to no office/authority,
// and only a national rule reaches them.
struct ResourceScope {
    std::string officeCode;
    std::string region;
    std::string authorityId;
};

struct Decision {
    bool allowed = false;
    std::string reason;  // English, for the audit log and the 403 body; no personal data
    explicit operator bool() const { return allowed; }
};

// The whole table, in a stable order (the generated test and the policy document walk it).
std::span<const PolicyRule> policyTable();

// True when `rule.scope` reaches `resource` from `principal`'s home. An empty home never
// matches (a clerk without an office reaches no office's data, not every office's).
bool scopeReaches(Scope scope, const Principal& principal, const ResourceScope& resource);

Decision decide(const Principal& principal, std::string_view action, const ResourceScope& resource);

// Four eyes: nobody approves a case they filed themselves (kep::cases::fourEyesHold, the
// lifecycle's own rule; a case filed online has no KEP filer and may be approved). Checked in
// addition to decide(principal, "case.approve", …), which says whether they may approve at all.
Decision checkFourEyes(const Principal& approver, std::string_view filedByUserId);

}  // namespace kep::auth
