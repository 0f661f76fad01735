// What changed in a procedure between two versions, per section (fees, documents, legal basis …):
// structured for the desk's "what changed" view, and as text for the server's command line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/catalogue/Procedure.h"

namespace kep::catalogue {

enum class DiffSection {
    Titles,       // title, official title, alternative titles
    Description,  // description, remarks, application note
    Provision,    // competent authority, provision groups, remote service, status, url
    Deadlines,    // deadline_duration, validity_duration
    Fees,         // cost_min/cost_max and process_evidences_cost[]
    Documents,    // process_evidences[]
    Conditions,   // process_conditions[]
    LegalBasis,   // process_rules[]
    Steps,        // process_steps[] and process_steps_digital[]
    Links,        // process_useful_links[]
};

// The section's heading, e.g. "Δικαιολογητικά" / "Documents".
std::string_view sectionTitle(DiffSection section, Language language);

enum class ChangeKind { Added, Removed, Changed };

// One field that differs, named as MITOS names it ("evidence_cost_min",
// "evidence_description.el"); values as text, "" for nothing.
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// One item of a section that was added, removed or changed. Items of the two versions are
// paired by `key`: the num id ("n12") where the register gives one, the legal reference for
// rules, the fee type and description for fees, the position ("#3") otherwise; "procedure" for
// the procedure's own fields (Titles, Description, Provision, Deadlines, the Fees totals).
struct ItemChange {
    ChangeKind kind = ChangeKind::Changed;
    std::string key;
    LocalizedText label;  // how a person names the item (the document's description …)
    std::vector<FieldChange> fields;  // Changed: what differs; Added/Removed: the item's fields
};

struct SectionDiff {
    DiffSection section;
    std::vector<ItemChange> changes;
};

struct ProcedureDiff {
    std::vector<SectionDiff> sections;  // only sections with changes, in DiffSection order

    bool empty() const { return sections.empty(); }
    const SectionDiff* find(DiffSection section) const;
};

// Compares the typed fields of two versions of one procedure (the documents' unknown fields
// are not compared: compare contentHash() for "anything at all changed").
ProcedureDiff diffProcedures(const Procedure& before, const Procedure& after);

// One line per change under a heading per section, labels in `language`, values cut to 80
// characters, e.g.
//   Fees
//     ~ Παράβολο: evidence_cost_min 16 → 20
//   Documents
//     + Αντίγραφο διαβατηρίου
// "" when there is no change.
std::string diffSummary(const ProcedureDiff& diff, Language language);

}  // namespace kep::catalogue
