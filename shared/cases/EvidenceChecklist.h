// The documents a case needs, built from the procedure's evidence list: each marked provided,
// missing or to be obtained by the KEP, alternatives counted as one need; what the slip lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::cases {

// One entry of a procedure's evidence list, as much of it as the rules read (the catalogue's
// Evidence carries the rest: titles, issuing authority, notes).
struct EvidenceRequirement {
    std::string id;                // the evidence's id in the procedure (MITOS num_id)
    std::string alternativeGroup;  // non-empty: any one document of the group is enough
    bool conditional = false;      // needed only in some situations, which the clerk judges
};

enum class EvidenceState {
    Missing,            // the citizen has not brought it (the default)
    Provided,           // seen and, where needed, scanned at the counter
    ToBeObtainedByKep,  // the KEP asks the issuing authority for it (the citizen need not)
    NotApplicable,      // a conditional document whose situation does not apply
};

// "missing", "provided", "to_be_obtained_by_kep", "not_applicable" (wire and SQL codes).
std::string_view toString(EvidenceState state);
std::optional<EvidenceState> evidenceStateFromString(std::string_view code);

// One line of the missing-documents slip: a single document, or a group of alternatives
// (more than one id) of which the citizen brings any one.
struct MissingEvidence {
    std::vector<std::string> ids;

    bool isChoice() const { return ids.size() > 1; }
    friend bool operator==(const MissingEvidence&, const MissingEvidence&) = default;
};

class EvidenceChecklist {
public:
    struct Item {
        EvidenceRequirement requirement;
        EvidenceState state = EvidenceState::Missing;
    };

    // Every item starts missing, conditional ones too: the clerk decides whether a condition
    // applies rather than the desk assuming it does not. Throws std::invalid_argument on an
    // empty or repeated id.
    explicit EvidenceChecklist(std::vector<EvidenceRequirement> requirements);

    enum class MarkResult {
        Done,
        UnknownEvidence,  // no item with that id
        NotConditional,   // NotApplicable is for conditional documents only
    };
    MarkResult mark(std::string_view id, EvidenceState state);

    const std::vector<Item>& items() const { return items_; }
    std::optional<EvidenceState> state(std::string_view id) const;

    // A need is met by a document provided or to be obtained by the KEP; a conditional one also
    // by "not applicable". A group is met when one member meets it, or when every member is
    // not applicable. Lines in the order the procedure lists the documents; within a group
    // only the members that still apply are listed.
    std::vector<MissingEvidence> missing() const;
    bool isComplete() const { return missing().empty(); }

    // The documents the KEP must request from their issuing authorities (for the receipt).
    std::vector<std::string> toBeObtainedByKep() const;

private:
    std::vector<Item> items_;
};

}  // namespace kep::cases
