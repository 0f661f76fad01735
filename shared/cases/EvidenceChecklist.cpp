#include "shared/cases/EvidenceChecklist.h"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <utility>

namespace kep::cases {

namespace {

constexpr std::array kCodes{
    std::pair{EvidenceState::Missing, std::string_view{"missing"}},
    std::pair{EvidenceState::Provided, std::string_view{"provided"}},
    std::pair{EvidenceState::ToBeObtainedByKep, std::string_view{"to_be_obtained_by_kep"}},
    std::pair{EvidenceState::NotApplicable, std::string_view{"not_applicable"}},
};

bool suppliesDocument(EvidenceState state) {
    return state == EvidenceState::Provided || state == EvidenceState::ToBeObtainedByKep;
}

}  // namespace

std::string_view toString(EvidenceState state) {
    for (const auto& [value, code] : kCodes) {
        if (value == state) {
            return code;
        }
    }
    return "?";
}

std::optional<EvidenceState> evidenceStateFromString(std::string_view code) {
    for (const auto& [value, name] : kCodes) {
        if (name == code) {
            return value;
        }
    }
    return std::nullopt;
}

EvidenceChecklist::EvidenceChecklist(std::vector<EvidenceRequirement> requirements) {
    std::set<std::string, std::less<>> seen;
    for (EvidenceRequirement& requirement : requirements) {
        if (requirement.id.empty()) {
            throw std::invalid_argument("evidence checklist: an evidence without an id");
        }
        if (!seen.insert(requirement.id).second) {
            throw std::invalid_argument("evidence checklist: evidence id repeated");
        }
        items_.push_back({std::move(requirement), EvidenceState::Missing});
    }
}

EvidenceChecklist::MarkResult EvidenceChecklist::mark(std::string_view id, EvidenceState state) {
    const auto it = std::find_if(items_.begin(), items_.end(),
                                 [id](const Item& item) { return item.requirement.id == id; });
    if (it == items_.end()) {
        return MarkResult::UnknownEvidence;
    }
    if (state == EvidenceState::NotApplicable && !it->requirement.conditional) {
        return MarkResult::NotConditional;
    }
    it->state = state;
    return MarkResult::Done;
}

std::optional<EvidenceState> EvidenceChecklist::state(std::string_view id) const {
    for (const Item& item : items_) {
        if (item.requirement.id == id) {
            return item.state;
        }
    }
    return std::nullopt;
}

std::vector<MissingEvidence> EvidenceChecklist::missing() const {
    std::vector<MissingEvidence> lines;
    std::set<std::string_view> groupsDone;
    for (const Item& item : items_) {
        const std::string& group = item.requirement.alternativeGroup;
        if (group.empty()) {
            if (item.state == EvidenceState::Missing) {
                lines.push_back({{item.requirement.id}});
            }
            continue;
        }
        if (!groupsDone.insert(group).second) {
            continue;
        }
        MissingEvidence line;
        bool met = false;
        for (const Item& member : items_) {
            if (member.requirement.alternativeGroup != group) {
                continue;
            }
            met = met || suppliesDocument(member.state);
            if (member.state == EvidenceState::Missing) {
                line.ids.push_back(member.requirement.id);
            }
        }
        // Every member not applicable leaves the line empty: nothing to bring.
        if (!met && !line.ids.empty()) {
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

std::vector<std::string> EvidenceChecklist::toBeObtainedByKep() const {
    std::vector<std::string> ids;
    for (const Item& item : items_) {
        if (item.state == EvidenceState::ToBeObtainedByKep) {
            ids.push_back(item.requirement.id);
        }
    }
    return ids;
}

}  // namespace kep::cases
