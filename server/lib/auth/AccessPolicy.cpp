#include "auth/AccessPolicy.h"

#include "shared/cases/CaseLifecycle.h"

namespace kep::auth {
namespace {

bool sameNonEmpty(const std::string& a, const std::string& b) {
    return !a.empty() && a == b;
}

std::string who(const Principal& p) {
    return std::string(toString(p.kind)) + "/" + std::string(toString(p.role));
}

}  // namespace

bool scopeReaches(Scope scope, const Principal& principal, const ResourceScope& resource) {
    switch (scope) {
        case Scope::OwnOffice:
            return sameNonEmpty(principal.officeCode, resource.officeCode);
        case Scope::OwnRegion:
            return sameNonEmpty(principal.region, resource.region);
        case Scope::OwnAuthority:
            return sameNonEmpty(principal.authorityId, resource.authorityId);
        case Scope::National:
            return true;
    }
    return false;
}

Decision decide(const Principal& principal, std::string_view action,
                const ResourceScope& resource) {
    bool actionKnown = false;
    bool roleListed = false;
    std::string scopes;
    for (const PolicyRule& rule : policyTable()) {
        if (rule.action != action) {
            continue;
        }
        actionKnown = true;
        if (rule.kind != principal.kind ||
            (rule.role != Role::Any && rule.role != principal.role)) {
            continue;
        }
        roleListed = true;
        if (scopeReaches(rule.scope, principal, resource)) {
            return {true, who(principal) + " may " + std::string(action) + " (" +
                              std::string(toString(rule.scope)) + ")"};
        }
        scopes += scopes.empty() ? "" : ", ";
        scopes += toString(rule.scope);
    }
    if (!actionKnown) {
        return {false, "action " + std::string(action) + " is not in the policy table"};
    }
    if (!roleListed) {
        return {false, who(principal) + " may not " + std::string(action)};
    }
    return {false, who(principal) + " may " + std::string(action) + " only within " + scopes};
}

Decision checkFourEyes(const Principal& approver, std::string_view filedByUserId) {
    // The rule is the case lifecycle's (shared/cases), so desk and server cannot disagree.
    if (approver.userId.empty()) {
        return {false, "four eyes: the approver is unknown"};
    }
    if (!kep::cases::fourEyesHold(approver.userId, filedByUserId)) {
        return {false, "four eyes: a case is not approved by the user who filed it"};
    }
    return {true, filedByUserId.empty() ? "four eyes: filed online, no KEP filer"
                                        : "four eyes: approver is not the filer"};
}

}  // namespace kep::auth
