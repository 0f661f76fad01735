#include "shared/catalogue/MitosRecord.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

#include <boost/json/object.hpp>

namespace kep::catalogue {

namespace json = boost::json;

namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string numberText(double d) {
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
        return std::to_string(static_cast<long long>(d));
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
    return std::string(buffer, result.ptr);
}

const char* kindName(const json::value& v) {
    switch (v.kind()) {
        case json::kind::object:
            return "an object";
        case json::kind::array:
            return "a list";
        case json::kind::string:
            return "text";
        case json::kind::bool_:
            return "true/false";
        case json::kind::null:
            return "null";
        default:
            return "a number";
    }
}

// "" and null mean "nothing" in the register's data, as a missing member does.
bool isNothing(const json::value* v) {
    return v == nullptr || v->is_null() || (v->is_string() && trimmed(v->get_string()).empty());
}

// Reads the fields of one document; collects warnings and the first reason to reject.
class RecordReader {
public:
    RecordReader(Language language, const ParseLimits& limits, RecordOutcome& outcome)
        : lang_(language)
        , limits_(limits)
        , outcome_(outcome) {}

    bool failed() const { return !outcome_.rejection.empty(); }

    void reject(std::string reason) {
        if (outcome_.rejection.empty()) {
            outcome_.rejection = std::move(reason);
        }
    }
    void warn(std::string_view field, std::string message) {
        outcome_.warnings.push_back({std::string(field), std::move(message)});
    }

    // Text from a string, or the decimal text of a number or boolean; an object or list is
    // dropped with a warning (the document itself keeps it).
    std::string text(const json::value* v, std::string_view where) {
        if (isNothing(v)) {
            return {};
        }
        if (const auto* s = v->if_string()) {
            return std::string(trimmed(*s));
        }
        if (const auto* i = v->if_int64()) {
            return std::to_string(*i);
        }
        if (const auto* u = v->if_uint64()) {
            return std::to_string(*u);
        }
        if (const auto* d = v->if_double()) {
            return numberText(*d);
        }
        if (const auto* b = v->if_bool()) {
            return *b ? "true" : "false";
        }
        warn(where, std::string(where) + " is " + kindName(*v) + ", not text; left empty");
        return {};
    }

    std::string text(const json::object& o, std::string_view key) {
        return text(o.if_contains(key), key);
    }

    // Text in this document's language; an object {el, en} fills both languages.
    void localized(LocalizedText& out, const json::value* v, std::string_view where) {
        if (v != nullptr && v->is_object()) {
            const json::object& o = v->get_object();
            if (o.contains("el") || o.contains("en")) {
                setIfAny(out.el, text(o.if_contains("el"), where));
                setIfAny(out.en, text(o.if_contains("en"), where));
                return;
            }
        }
        setIfAny(out.slot(lang_), text(v, where));
    }
    void localized(LocalizedText& out, const json::object& o, std::string_view key) {
        localized(out, o.if_contains(key), key);
    }

    // A code-list entry: a bare id (text or number) or {id, title} with title text or {el,en}.
    RegistryRef ref(const json::value* v, std::string_view where) {
        RegistryRef r;
        if (isNothing(v)) {
            return r;
        }
        if (const auto* o = v->if_object()) {
            r.id = text(o->if_contains("id"), where);
            localized(r.title, o->if_contains("title"), where);
            return r;
        }
        r.id = text(v, where);
        return r;
    }
    RegistryRef ref(const json::object& o, std::string_view key) {
        return ref(o.if_contains(key), key);
    }

    // A list member: absent, null or "" is an empty list; a single value where a list was
    // expected is read as a list of one; anything else loses meaning and rejects the record.
    template <typename Visit>
    void forEach(const json::object& o, std::string_view key, bool itemsAreObjects, Visit visit) {
        const json::value* v = o.if_contains(key);
        if (isNothing(v) || failed()) {
            return;
        }
        if (!v->is_array()) {
            if (itemsAreObjects && !v->is_object()) {
                reject(std::string(key) + " is " + kindName(*v) + ", not a list");
                return;
            }
            visit(*v);
            return;
        }
        const json::array& items = v->get_array();
        if (items.size() > limits_.maxListItems) {
            reject(std::string(key) + " has " + std::to_string(items.size()) +
                   " items, over the limit of " + std::to_string(limits_.maxListItems));
            return;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].is_null()) {
                continue;
            }
            if (itemsAreObjects && !items[i].is_object()) {
                reject(std::string(key) + "[" + std::to_string(i) + "] is " + kindName(items[i]) +
                       ", not an object");
                return;
            }
            visit(items[i]);
        }
    }

    // A cost in euro: a number, or text such as "10,50" or "10.50 €".
    std::optional<double> amount(const json::object& o, std::string_view key) {
        const json::value* v = o.if_contains(key);
        if (isNothing(v)) {
            return std::nullopt;
        }
        std::optional<double> result;
        if (v->is_number()) {
            result = v->to_number<double>();
        } else if (const auto* s = v->if_string()) {
            std::string t(trimmed(*s));
            if (t.size() >= 3 && t.compare(t.size() - 3, 3, "€") == 0) {
                t = std::string(trimmed(std::string_view(t).substr(0, t.size() - 3)));
            }
            for (char& c : t) {
                if (c == ',') {
                    c = '.';
                }
            }
            double d = 0;
            const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
            if (ec == std::errc() && end == t.data() + t.size() && !t.empty()) {
                result = d;
            }
        }
        if (!result || !std::isfinite(*result) || *result < 0) {
            warn(key, std::string(key) + " is not an amount in euro; left empty");
            return std::nullopt;
        }
        return result;
    }

    // A statutory deadline: a duration that may be read but is flagged when implausibly long,
    // so that the register's slip is seen at import, not when a case is filed against it.
    CatalogueDuration deadline(const json::object& o, std::string_view key) {
        CatalogueDuration d = duration(o, key);
        if (d.longerThanYears(kMaxPlausibleDeadlineYears)) {
            warn(key, std::string(key) + " '" + d.text + "' is longer than " +
                          std::to_string(kMaxPlausibleDeadlineYears) +
                          " years, not a plausible statutory deadline");
        }
        return d;
    }

    CatalogueDuration duration(const json::object& o, std::string_view key) {
        CatalogueDuration d;
        d.text = text(o, key);
        if (d.text.empty()) {
            return d;
        }
        const auto parsed = domain::IsoDuration::parse(d.text);
        if (parsed.ok()) {
            d.value = parsed.duration;
        } else {
            warn(key, std::string(key) + " '" + d.text + "' is not an ISO 8601 duration (" +
                          std::string(domain::durationErrorMessage(parsed.error)) + ")");
        }
        return d;
    }

    Language language() const { return lang_; }

private:
    static void setIfAny(std::string& slot, std::string value) {
        if (!value.empty()) {
            slot = std::move(value);
        }
    }

    Language lang_;
    const ParseLimits& limits_;
    RecordOutcome& outcome_;
};

void readProcess(RecordReader& r, const json::object& p, Procedure& proc) {
    r.localized(proc.officialTitle, p, "official_title");
    r.localized(proc.description, p, "description");
    r.localized(proc.remarks, p, "remarks");
    r.localized(proc.applicationNote, p, "application_note");
    proc.orgOwner = r.ref(p, "org_owner");
    proc.status = r.text(p, "status");
    proc.deadline = r.deadline(p, "deadline_duration");
    proc.validity = r.duration(p, "validity_duration");
    proc.costMin = r.amount(p, "cost_min");
    proc.costMax = r.amount(p, "cost_max");
    r.forEach(p, "alternative_titles", false, [&](const json::value& v) {
        LocalizedText t;
        r.localized(t, &v, "alternative_titles");
        if (!t.empty()) {
            proc.alternativeTitles.push_back(std::move(t));
        }
    });
    r.forEach(p, "provision_org_group", false, [&](const json::value& v) {
        proc.provisionOrgGroups.push_back(r.ref(&v, "provision_org_group"));
    });
    r.forEach(p, "provision_org_group_remote", false, [&](const json::value& v) {
        proc.provisionOrgGroupsRemote.push_back(r.ref(&v, "provision_org_group_remote"));
    });
}

void readLists(RecordReader& r, const json::object& m, Procedure& proc) {
    r.forEach(m, "process_conditions", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        Condition c;
        c.numId = r.text(o, "conditions_num_id");
        r.localized(c.name, o, "conditions_name");
        c.type = r.ref(o, "conditions_type");
        c.alternativeGroup = r.text(o, "conditions_alternative");
        c.url = r.text(o, "conditions_url");
        proc.conditions.push_back(std::move(c));
    });
    r.forEach(m, "process_evidences", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        Evidence e;
        e.numId = r.text(o, "evidence_num_id");
        e.type = r.ref(o, "evidence_type");
        r.localized(e.description, o, "evidence_description");
        r.localized(e.note, o, "evidence_note");
        r.forEach(o, "evidence_submission_type", false, [&](const json::value& s) {
            e.submissionTypes.push_back(r.ref(&s, "evidence_submission_type"));
        });
        e.alternativeGroup = r.text(o, "evidence_alternative");
        e.url = r.text(o, "evidence_url");
        e.owner = r.ref(o, "evidence_owner");
        e.relatedUrl = r.text(o, "evidence_related_url");
        proc.evidences.push_back(std::move(e));
    });
    r.forEach(m, "process_evidences_cost", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        Fee f;
        f.type = r.ref(o, "evidence_cost_type");
        r.localized(f.description, o, "evidence_cost_description");
        f.min = r.amount(o, "evidence_cost_min");
        f.max = r.amount(o, "evidence_cost_max");
        proc.fees.push_back(std::move(f));
    });
    r.forEach(m, "process_steps", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        Step s;
        r.localized(s.title, o, "step_title");
        r.localized(s.description, o, "step_description");
        s.durationMax = r.text(o, "step_duration_max");
        r.localized(s.note, o, "step_note");
        proc.steps.push_back(std::move(s));
    });
    r.forEach(m, "process_steps_digital", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        DigitalStep s;
        s.numId = r.text(o, "step_digital_num_id");
        r.localized(s.title, o, "step_digital_title");
        r.localized(s.description, o, "step_digital_description");
        s.durationMax = r.text(o, "step_digital_duration_max");
        s.url = r.text(o, "step_digital_url");
        proc.digitalSteps.push_back(std::move(s));
    });
    r.forEach(m, "process_rules", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        LegalRule rule;
        rule.type = r.ref(o, "rule_type");
        rule.decisionNumber = r.text(o, "rule_decision_number");
        rule.decisionYear = r.text(o, "rule_decision_year");
        rule.article = r.text(o, "rule_article");
        r.localized(rule.description, o, "rule_description");
        rule.gazetteDocNumber = r.text(o, "rule_gazette_doc_number");
        rule.gazetteIssue = r.text(o, "rule_gazette_doc_issue");
        rule.ada = r.text(o, "rule_ada");
        rule.url = r.text(o, "rule_url");
        proc.rules.push_back(std::move(rule));
    });
    r.forEach(m, "process_useful_links", true, [&](const json::value& v) {
        const json::object& o = v.get_object();
        UsefulLink link;
        r.localized(link.title, o, "useful_link_title");
        link.url = r.text(o, "useful_link_url");
        proc.usefulLinks.push_back(std::move(link));
    });
}

// The record's id: text or a whole number, bounded; "" with a rejection otherwise.
std::string readId(RecordReader& r, const json::object& data, const ParseLimits& limits) {
    const json::value* v = data.if_contains("id");
    if (isNothing(v)) {
        r.reject("the record has no id");
        return {};
    }
    std::string id;
    if (const auto* s = v->if_string()) {
        id = std::string(trimmed(*s));
    } else if (v->is_int64() || v->is_uint64()) {
        id = r.text(v, "id");
    } else {
        r.reject(std::string("id is ") + kindName(*v) + ", not text or a whole number");
        return {};
    }
    if (id.size() > limits.maxIdBytes) {
        r.reject("id is longer than " + std::to_string(limits.maxIdBytes) + " bytes");
        return {};
    }
    return id;
}

// The object of a member that must be an object when present.
const json::object* objectMember(RecordReader& r, const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return nullptr;
    }
    if (!v->is_object()) {
        r.reject(std::string(key) + " is " + kindName(*v) + ", not an object");
        return nullptr;
    }
    return &v->get_object();
}

}  // namespace

RecordOutcome readMitosRecord(json::value document, Language language, const ParseLimits& limits) {
    RecordOutcome outcome;
    RecordReader r(language, limits, outcome);
    json::value* dataValue = &document;
    if (auto* wrapper = document.if_object(); wrapper != nullptr && !wrapper->contains("id")) {
        if (const json::value* success = wrapper->if_contains("success");
            success != nullptr && success->is_bool() && !success->get_bool()) {
            std::string message = r.text(wrapper->if_contains("message"), "message");
            outcome.rejection = "the register answered success:false" +
                                (message.empty() ? std::string() : ": " + message);
            return outcome;
        }
        if (json::value* data = wrapper->if_contains("data")) {
            dataValue = data;
        }
    }
    if (!dataValue->is_object()) {
        outcome.rejection = std::string("the record is ") + kindName(*dataValue) +
                            ", not a services-extended object";
        return outcome;
    }
    const json::object& data = dataValue->get_object();

    Procedure proc;
    proc.id = readId(r, data, limits);
    outcome.id = proc.id;
    if (r.failed()) {
        return outcome;
    }
    r.localized(proc.title, data, "title");
    proc.url = r.text(data, "url");
    proc.lastUpdated = r.text(data, "last_updated");
    if (const json::object* metadata = objectMember(r, data, "metadata")) {
        if (const json::object* process = objectMember(r, *metadata, "process")) {
            readProcess(r, *process, proc);
        }
        readLists(r, *metadata, proc);
    }
    if (r.failed()) {
        return outcome;
    }
    if (proc.title.empty() && proc.officialTitle.empty()) {
        outcome.rejection = "the record has no title (title.el, title.en, official_title)";
        return outcome;
    }
    proc.documents.slot(language) = std::move(*dataValue);
    outcome.procedure = std::move(proc);
    return outcome;
}

}  // namespace kep::catalogue
