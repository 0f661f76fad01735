#include "registry/ExOfficioDocuments.h"

#include "shared/cases/EvidenceChecklist.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace kep::server::registry {

namespace {

using kep::cases::EvidenceState;

bool retrievedExOfficio(const kep::catalogue::Evidence& evidence) {
    return std::ranges::any_of(evidence.submissionTypes, [](const kep::catalogue::RegistryRef& t) {
        return t.id == kRetrievedExOfficio;
    });
}

std::map<std::string, EvidenceState, std::less<>> statesOf(std::string_view evidenceJson) {
    std::map<std::string, EvidenceState, std::less<>> states;
    boost::system::error_code error;
    const boost::json::value parsed = boost::json::parse(evidenceJson, error);
    if (error || !parsed.is_object()) {
        return states;
    }
    for (const auto& [id, state] : parsed.get_object()) {
        if (state.is_string()) {
            if (auto known = kep::cases::evidenceStateFromString(state.get_string())) {
                states.emplace(std::string{id}, *known);
            }
        }
    }
    return states;
}

}  // namespace

std::vector<ExOfficioDocument> exOfficioDocuments(const kep::catalogue::Procedure& procedure) {
    std::vector<ExOfficioDocument> documents;
    for (const auto& evidence : procedure.evidences) {
        if (!retrievedExOfficio(evidence) || evidence.numId.empty()) {
            continue;
        }
        ExOfficioDocument document{
            evidence.numId,
            evidence.type.id,
            evidence.owner.id.empty() ? procedure.orgOwner.id : evidence.owner.id,
            {}};
        if (!evidence.alternativeGroup.empty()) {
            for (const auto& other : procedure.evidences) {
                if (other.alternativeGroup == evidence.alternativeGroup &&
                    other.numId != evidence.numId) {
                    document.alternatives.push_back(other.numId);
                }
            }
        }
        documents.push_back(std::move(document));
    }
    return documents;
}

std::vector<ExOfficioDocument> documentsToRequest(const std::vector<ExOfficioDocument>& documents,
                                                  std::string_view evidenceJson) {
    const auto states = statesOf(evidenceJson);
    const auto stateOf = [&states](std::string_view id) {
        const auto it = states.find(id);
        return it == states.end() ? EvidenceState::Missing : it->second;
    };
    std::vector<ExOfficioDocument> needed;
    for (const auto& document : documents) {
        const EvidenceState own = stateOf(document.evidenceId);
        const bool alternativeProvided = std::ranges::any_of(
            document.alternatives,
            [&stateOf](const std::string& id) { return stateOf(id) == EvidenceState::Provided; });
        if (own != EvidenceState::Provided && own != EvidenceState::NotApplicable &&
            !alternativeProvided) {
            needed.push_back(document);
        }
    }
    return needed;
}

}  // namespace kep::server::registry
