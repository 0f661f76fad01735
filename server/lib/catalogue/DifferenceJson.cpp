#include "catalogue/DifferenceJson.h"

#include <boost/json/object.hpp>

namespace kep::server::catalogue {

using kep::catalogue::ChangeKind;
using kep::catalogue::DiffSection;

std::string_view sectionName(DiffSection section) {
    switch (section) {
        case DiffSection::Titles:
            return "titles";
        case DiffSection::Description:
            return "description";
        case DiffSection::Provision:
            return "provision";
        case DiffSection::Deadlines:
            return "deadlines";
        case DiffSection::Fees:
            return "fees";
        case DiffSection::Documents:
            return "documents";
        case DiffSection::Conditions:
            return "conditions";
        case DiffSection::LegalBasis:
            return "legalBasis";
        case DiffSection::Steps:
            return "steps";
        case DiffSection::Links:
            return "links";
    }
    return "description";
}

std::string_view changeKindName(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Added:
            return "added";
        case ChangeKind::Removed:
            return "removed";
        case ChangeKind::Changed:
            return "changed";
    }
    return "changed";
}

boost::json::array differenceJson(const kep::catalogue::ProcedureDiff& difference) {
    boost::json::array sections;
    for (const auto& section : difference.sections) {
        boost::json::array changes;
        for (const auto& change : section.changes) {
            boost::json::array fields;
            for (const auto& field : change.fields) {
                fields.push_back(
                    {{"field", field.field}, {"before", field.before}, {"after", field.after}});
            }
            changes.push_back(
                boost::json::object{{"kind", changeKindName(change.kind)},
                                    {"key", change.key},
                                    {"label", {{"el", change.label.el}, {"en", change.label.en}}},
                                    {"fields", std::move(fields)}});
        }
        sections.push_back(boost::json::object{{"section", sectionName(section.section)},
                                               {"changes", std::move(changes)}});
    }
    return sections;
}

}  // namespace kep::server::catalogue
