#include "shared/catalogue/ProcedureDiff.h"

#include <charconv>
#include <cmath>
#include <map>
#include <utility>

namespace kep::catalogue {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string amountText(const std::optional<double>& amount) {
    if (!amount) {
        return {};
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, *amount);
    return std::string(buffer, result.ptr);
}

std::string refText(const RegistryRef& ref) {
    if (ref.title.el.empty()) {
        return ref.id;
    }
    return ref.id.empty() ? ref.title.el : ref.title.el + " (" + ref.id + ")";
}

void add(Fields& f, std::string name, std::string value) {
    f.emplace_back(std::move(name), std::move(value));
}
void add(Fields& f, const std::string& name, const LocalizedText& text) {
    add(f, name + ".el", text.el);
    add(f, name + ".en", text.en);
}
void add(Fields& f, std::string name, const RegistryRef& ref) {
    add(f, std::move(name), refText(ref));
}
void add(Fields& f, std::string name, const std::vector<RegistryRef>& refs) {
    std::string joined;
    for (const RegistryRef& ref : refs) {
        joined += joined.empty() ? "" : ", ";
        joined += refText(ref);
    }
    add(f, std::move(name), std::move(joined));
}
void add(Fields& f, const std::string& name, const std::vector<LocalizedText>& texts) {
    std::string el;
    std::string en;
    for (const LocalizedText& text : texts) {
        el += el.empty() ? "" : "; ";
        el += text.el;
        en += en.empty() ? "" : "; ";
        en += text.en;
    }
    add(f, name + ".el", std::move(el));
    add(f, name + ".en", std::move(en));
}

Fields fieldsOf(const Condition& c) {
    Fields f;
    add(f, "conditions_name", c.name);
    add(f, "conditions_type", c.type);
    add(f, "conditions_alternative", c.alternativeGroup);
    add(f, "conditions_url", c.url);
    return f;
}

Fields fieldsOf(const Evidence& e) {
    Fields f;
    add(f, "evidence_type", e.type);
    add(f, "evidence_description", e.description);
    add(f, "evidence_note", e.note);
    add(f, "evidence_submission_type", e.submissionTypes);
    add(f, "evidence_alternative", e.alternativeGroup);
    add(f, "evidence_url", e.url);
    add(f, "evidence_owner", e.owner);
    add(f, "evidence_related_url", e.relatedUrl);
    return f;
}

Fields fieldsOf(const Fee& fee) {
    Fields f;
    add(f, "evidence_cost_type", fee.type);
    add(f, "evidence_cost_description", fee.description);
    add(f, "evidence_cost_min", amountText(fee.min));
    add(f, "evidence_cost_max", amountText(fee.max));
    return f;
}

Fields fieldsOf(const Step& s) {
    Fields f;
    add(f, "step_title", s.title);
    add(f, "step_description", s.description);
    add(f, "step_duration_max", s.durationMax);
    add(f, "step_note", s.note);
    return f;
}

Fields fieldsOf(const DigitalStep& s) {
    Fields f;
    add(f, "step_digital_title", s.title);
    add(f, "step_digital_description", s.description);
    add(f, "step_digital_duration_max", s.durationMax);
    add(f, "step_digital_url", s.url);
    return f;
}

Fields fieldsOf(const LegalRule& r) {
    Fields f;
    add(f, "rule_type", r.type);
    add(f, "rule_decision_number", r.decisionNumber);
    add(f, "rule_decision_year", r.decisionYear);
    add(f, "rule_article", r.article);
    add(f, "rule_description", r.description);
    add(f, "rule_gazette_doc_number", r.gazetteDocNumber);
    add(f, "rule_gazette_doc_issue", r.gazetteIssue);
    add(f, "rule_ada", r.ada);
    add(f, "rule_url", r.url);
    return f;
}

Fields fieldsOf(const UsefulLink& l) {
    Fields f;
    add(f, "useful_link_title", l.title);
    add(f, "useful_link_url", l.url);
    return f;
}

// A rule is named by its reference: "4251/2014 άρθρο 5, ΦΕΚ Α 80" (the description when none).
LocalizedText ruleLabel(const LegalRule& r) {
    std::string reference = r.decisionNumber;
    if (!r.decisionYear.empty()) {
        reference += (reference.empty() ? "" : "/") + r.decisionYear;
    }
    LocalizedText label;
    label.el = reference;
    label.en = reference;
    if (!r.article.empty()) {
        label.el += (label.el.empty() ? "άρθρο " : " άρθρο ") + r.article;
        label.en += (label.en.empty() ? "article " : " article ") + r.article;
    }
    if (const std::string gazette = r.gazetteReference(); !gazette.empty()) {
        label.el += (label.el.empty() ? "" : ", ") + gazette;
        label.en += (label.en.empty() ? "" : ", ") + gazette;
    }
    return label.el.empty() ? r.description : label;
}

LocalizedText labelOf(const Condition& c) {
    return c.name;
}
LocalizedText labelOf(const Evidence& e) {
    return e.description.empty() ? e.type.title : e.description;
}
LocalizedText labelOf(const Fee& f) {
    return f.description.empty() ? f.type.title : f.description;
}
LocalizedText labelOf(const Step& s) {
    return s.title;
}
LocalizedText labelOf(const DigitalStep& s) {
    return s.title;
}
LocalizedText labelOf(const LegalRule& r) {
    return ruleLabel(r);
}
LocalizedText labelOf(const UsefulLink& l) {
    return l.title.empty() ? LocalizedText{l.url, l.url} : l.title;
}

std::string positional(std::size_t index) {
    std::string key = "#";  // built in steps: GCC 12 misreports "#" + to_string() (-Wrestrict)
    key += std::to_string(index + 1);
    return key;
}
template <typename T>
std::string byNumId(const T& item, std::size_t index) {
    return item.numId.empty() ? positional(index) : "n" + item.numId;
}
template <typename T>
std::string byPosition(const T&, std::size_t index) {
    return positional(index);
}
std::string feeKey(const Fee& fee, std::size_t index) {
    if (fee.type.id.empty() && fee.description.el.empty()) {
        return positional(index);
    }
    return "f" + fee.type.id + "|" + fee.description.el;
}
std::string ruleKey(const LegalRule& rule, std::size_t index) {
    const std::string reference = ruleLabel(rule).el;
    return reference.empty() || reference == rule.description.el ? positional(index)
                                                                 : "r" + reference;
}

std::vector<FieldChange> changedFields(const Fields& before, const Fields& after) {
    std::vector<FieldChange> changes;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (before[i].second != after[i].second) {
            changes.push_back({before[i].first, before[i].second, after[i].second});
        }
    }
    return changes;
}

std::vector<FieldChange> presentFields(const Fields& fields, bool added) {
    std::vector<FieldChange> out;
    for (const auto& [name, value] : fields) {
        if (!value.empty()) {
            out.push_back(added ? FieldChange{name, {}, value} : FieldChange{name, value, {}});
        }
    }
    return out;
}

// Keys made unique by occurrence ("n3", "n3~2"), so that repeated keys still pair one to one.
template <typename T, typename Key>
std::vector<std::string> uniqueKeys(const std::vector<T>& items, Key key) {
    std::map<std::string, int> seen;
    std::vector<std::string> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string k = key(items[i], i);
        const int n = ++seen[k];
        keys.push_back(n == 1 ? std::move(k) : k + "~" + std::to_string(n));
    }
    return keys;
}

template <typename T, typename Key>
void diffItems(std::vector<ItemChange>& out, const std::vector<T>& before,
               const std::vector<T>& after, Key key) {
    const std::vector<std::string> beforeKeys = uniqueKeys(before, key);
    const std::vector<std::string> afterKeys = uniqueKeys(after, key);
    std::map<std::string, std::size_t> afterIndex;
    for (std::size_t j = 0; j < after.size(); ++j) {
        afterIndex.emplace(afterKeys[j], j);
    }
    std::vector<bool> paired(after.size(), false);
    for (std::size_t i = 0; i < before.size(); ++i) {
        const auto found = afterIndex.find(beforeKeys[i]);
        if (found == afterIndex.end()) {
            out.push_back({ChangeKind::Removed, beforeKeys[i], labelOf(before[i]),
                           presentFields(fieldsOf(before[i]), false)});
            continue;
        }
        paired[found->second] = true;
        const T& now = after[found->second];
        std::vector<FieldChange> fields = changedFields(fieldsOf(before[i]), fieldsOf(now));
        if (!fields.empty()) {
            out.push_back({ChangeKind::Changed, beforeKeys[i], labelOf(now), std::move(fields)});
        }
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (!paired[j]) {
            out.push_back({ChangeKind::Added, afterKeys[j], labelOf(after[j]),
                           presentFields(fieldsOf(after[j]), true)});
        }
    }
}

// The procedure's own fields of one section, as one "procedure" item when any differs.
void diffOwnFields(std::vector<ItemChange>& out, const Procedure& now, const Fields& before,
                   const Fields& after) {
    std::vector<FieldChange> fields = changedFields(before, after);
    if (!fields.empty()) {
        out.push_back({ChangeKind::Changed, "procedure", now.title, std::move(fields)});
    }
}

Fields titleFields(const Procedure& p) {
    Fields f;
    add(f, "title", p.title);
    add(f, "official_title", p.officialTitle);
    add(f, "alternative_titles", p.alternativeTitles);
    return f;
}

Fields descriptionFields(const Procedure& p) {
    Fields f;
    add(f, "description", p.description);
    add(f, "remarks", p.remarks);
    add(f, "application_note", p.applicationNote);
    return f;
}

Fields provisionFields(const Procedure& p) {
    Fields f;
    add(f, "org_owner", p.orgOwner);
    add(f, "provision_org_group", p.provisionOrgGroups);
    add(f, "provision_org_group_remote", p.provisionOrgGroupsRemote);
    add(f, "remote_service", p.offeredRemotely() ? "yes" : "no");
    add(f, "status", p.status);
    add(f, "url", p.url);
    return f;
}

Fields deadlineFields(const Procedure& p) {
    Fields f;
    add(f, "deadline_duration", p.deadline.text);
    add(f, "validity_duration", p.validity.text);
    return f;
}

Fields costFields(const Procedure& p) {
    Fields f;
    add(f, "cost_min", amountText(p.costMin));
    add(f, "cost_max", amountText(p.costMax));
    return f;
}

// A value for one line of the summary: at most 80 characters, "∅" for nothing.
std::string summaryValue(const std::string& value) {
    if (value.empty()) {
        return "∅";
    }
    constexpr std::size_t kMaxCharacters = 80;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if ((static_cast<unsigned char>(value[i]) & 0xC0U) != 0x80U &&
            ++characters > kMaxCharacters) {
            return value.substr(0, i) + "…";
        }
    }
    return value;
}

}  // namespace

std::string_view sectionTitle(DiffSection section, Language language) {
    const bool el = language == Language::El;
    switch (section) {
        case DiffSection::Titles:
            return el ? "Τίτλοι" : "Titles";
        case DiffSection::Description:
            return el ? "Περιγραφή" : "Description";
        case DiffSection::Provision:
            return el ? "Αρμόδια αρχή και διάθεση" : "Authority and provision";
        case DiffSection::Deadlines:
            return el ? "Προθεσμίες" : "Deadlines";
        case DiffSection::Fees:
            return el ? "Κόστος" : "Fees";
        case DiffSection::Documents:
            return el ? "Δικαιολογητικά" : "Documents";
        case DiffSection::Conditions:
            return el ? "Προϋποθέσεις" : "Conditions";
        case DiffSection::LegalBasis:
            return el ? "Νομικό πλαίσιο" : "Legal basis";
        case DiffSection::Steps:
            return el ? "Βήματα" : "Steps";
        case DiffSection::Links:
            return el ? "Χρήσιμοι σύνδεσμοι" : "Useful links";
    }
    return {};
}

const SectionDiff* ProcedureDiff::find(DiffSection section) const {
    for (const SectionDiff& s : sections) {
        if (s.section == section) {
            return &s;
        }
    }
    return nullptr;
}

ProcedureDiff diffProcedures(const Procedure& before, const Procedure& after) {
    ProcedureDiff diff;
    const auto section = [&diff](DiffSection which, std::vector<ItemChange> changes) {
        if (!changes.empty()) {
            diff.sections.push_back({which, std::move(changes)});
        }
    };
    std::vector<ItemChange> c;
    diffOwnFields(c, after, titleFields(before), titleFields(after));
    section(DiffSection::Titles, std::move(c));
    c = {};
    diffOwnFields(c, after, descriptionFields(before), descriptionFields(after));
    section(DiffSection::Description, std::move(c));
    c = {};
    diffOwnFields(c, after, provisionFields(before), provisionFields(after));
    section(DiffSection::Provision, std::move(c));
    c = {};
    diffOwnFields(c, after, deadlineFields(before), deadlineFields(after));
    section(DiffSection::Deadlines, std::move(c));
    c = {};
    diffOwnFields(c, after, costFields(before), costFields(after));
    diffItems(c, before.fees, after.fees, feeKey);
    section(DiffSection::Fees, std::move(c));
    c = {};
    diffItems(c, before.evidences, after.evidences, byNumId<Evidence>);
    section(DiffSection::Documents, std::move(c));
    c = {};
    diffItems(c, before.conditions, after.conditions, byNumId<Condition>);
    section(DiffSection::Conditions, std::move(c));
    c = {};
    diffItems(c, before.rules, after.rules, ruleKey);
    section(DiffSection::LegalBasis, std::move(c));
    c = {};
    diffItems(c, before.steps, after.steps, byPosition<Step>);
    diffItems(c, before.digitalSteps, after.digitalSteps, byNumId<DigitalStep>);
    section(DiffSection::Steps, std::move(c));
    c = {};
    diffItems(c, before.usefulLinks, after.usefulLinks, byPosition<UsefulLink>);
    section(DiffSection::Links, std::move(c));
    return diff;
}

std::string diffSummary(const ProcedureDiff& diff, Language language) {
    std::string out;
    for (const SectionDiff& section : diff.sections) {
        out += sectionTitle(section.section, language);
        out += '\n';
        for (const ItemChange& change : section.changes) {
            const char mark = change.kind == ChangeKind::Added     ? '+'
                              : change.kind == ChangeKind::Removed ? '-'
                                                                   : '~';
            out += "  ";
            out += mark;
            out += ' ';
            const std::string& label = change.label.in(language);
            out += label.empty() ? change.key : label;
            if (change.kind == ChangeKind::Changed) {
                const char* separator = ": ";
                for (const FieldChange& field : change.fields) {
                    out += separator;
                    out += field.field + " " + summaryValue(field.before) + " → " +
                           summaryValue(field.after);
                    separator = "; ";
                }
            }
            out += '\n';
        }
    }
    return out;
}

}  // namespace kep::catalogue
