#include "shared/catalogue/ProcedureMerge.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

namespace kep::catalogue {

namespace {

void fill(std::string& into, std::string& other) {
    if (into.empty()) {
        into = std::move(other);
    }
}

template <typename T>
void fill(std::optional<T>& into, std::optional<T>& other) {
    if (!into) {
        into = std::move(other);
    }
}

void fill(CatalogueDuration& into, CatalogueDuration& other) {
    if (into.empty()) {
        into = std::move(other);
    }
}

void text(LocalizedText& into, LocalizedText& english) {
    if (!english.en.empty()) {
        into.en = std::move(english.en);
    }
    fill(into.el, english.el);
}

void merge(RegistryRef& into, RegistryRef& other) {
    fill(into.id, other.id);
    text(into.title, other.title);
}

std::string positional(std::size_t index) {
    std::string key = "#";  // built in steps: GCC 12 misreports "#" + to_string() (-Wrestrict)
    key += std::to_string(index);
    return key;
}

// Pairs items by key(item, index); unpaired English items are appended.
template <typename T, typename Key, typename Merge>
void mergeList(std::vector<T>& into, std::vector<T>& english, Key key, Merge combine) {
    std::vector<bool> used(english.size(), false);
    for (std::size_t i = 0; i < into.size(); ++i) {
        const std::string k = key(into[i], i);
        for (std::size_t j = 0; j < english.size(); ++j) {
            if (!used[j] && key(english[j], j) == k) {
                combine(into[i], english[j]);
                used[j] = true;
                break;
            }
        }
    }
    for (std::size_t j = 0; j < english.size(); ++j) {
        if (!used[j]) {
            into.push_back(std::move(english[j]));
        }
    }
}

template <typename T>
std::string byNumId(const T& item, std::size_t index) {
    return item.numId.empty() ? positional(index) : "n" + item.numId;
}
template <typename T>
std::string byPosition(const T&, std::size_t index) {
    return positional(index);
}
std::string byRegistryId(const RegistryRef& ref, std::size_t index) {
    return ref.id.empty() ? positional(index) : "r" + ref.id;
}

void mergeRefs(std::vector<RegistryRef>& into, std::vector<RegistryRef>& english) {
    mergeList(into, english, byRegistryId, [](RegistryRef& a, RegistryRef& b) { merge(a, b); });
}

void mergeItem(Condition& a, Condition& b) {
    fill(a.numId, b.numId);
    text(a.name, b.name);
    merge(a.type, b.type);
    fill(a.alternativeGroup, b.alternativeGroup);
    fill(a.url, b.url);
}

void mergeItem(Evidence& a, Evidence& b) {
    fill(a.numId, b.numId);
    merge(a.type, b.type);
    text(a.description, b.description);
    text(a.note, b.note);
    mergeRefs(a.submissionTypes, b.submissionTypes);
    fill(a.alternativeGroup, b.alternativeGroup);
    fill(a.url, b.url);
    merge(a.owner, b.owner);
    fill(a.relatedUrl, b.relatedUrl);
}

void mergeItem(Fee& a, Fee& b) {
    merge(a.type, b.type);
    text(a.description, b.description);
    fill(a.min, b.min);
    fill(a.max, b.max);
}

void mergeItem(Step& a, Step& b) {
    text(a.title, b.title);
    text(a.description, b.description);
    fill(a.durationMax, b.durationMax);
    text(a.note, b.note);
}

void mergeItem(DigitalStep& a, DigitalStep& b) {
    fill(a.numId, b.numId);
    text(a.title, b.title);
    text(a.description, b.description);
    fill(a.durationMax, b.durationMax);
    fill(a.url, b.url);
}

void mergeItem(LegalRule& a, LegalRule& b) {
    merge(a.type, b.type);
    fill(a.decisionNumber, b.decisionNumber);
    fill(a.decisionYear, b.decisionYear);
    fill(a.article, b.article);
    text(a.description, b.description);
    fill(a.gazetteDocNumber, b.gazetteDocNumber);
    fill(a.gazetteIssue, b.gazetteIssue);
    fill(a.ada, b.ada);
    fill(a.url, b.url);
}

void mergeItem(UsefulLink& a, UsefulLink& b) {
    text(a.title, b.title);
    fill(a.url, b.url);
}

void mergeItem(LocalizedText& a, LocalizedText& b) {
    text(a, b);
}

template <typename T>
void mergeByNumId(std::vector<T>& into, std::vector<T>& english) {
    mergeList(into, english, byNumId<T>, [](T& a, T& b) { mergeItem(a, b); });
}
template <typename T>
void mergeByPosition(std::vector<T>& into, std::vector<T>& english) {
    mergeList(into, english, byPosition<T>, [](T& a, T& b) { mergeItem(a, b); });
}

}  // namespace

Procedure mergeLanguages(Procedure greek, Procedure english) {
    Procedure& p = greek;
    fill(p.id, english.id);
    text(p.title, english.title);
    fill(p.url, english.url);
    p.lastUpdated = std::max(p.lastUpdated, english.lastUpdated);
    fill(p.status, english.status);
    text(p.officialTitle, english.officialTitle);
    mergeByPosition(p.alternativeTitles, english.alternativeTitles);
    text(p.description, english.description);
    text(p.remarks, english.remarks);
    text(p.applicationNote, english.applicationNote);
    merge(p.orgOwner, english.orgOwner);
    mergeRefs(p.provisionOrgGroups, english.provisionOrgGroups);
    mergeRefs(p.provisionOrgGroupsRemote, english.provisionOrgGroupsRemote);
    fill(p.deadline, english.deadline);
    fill(p.validity, english.validity);
    fill(p.costMin, english.costMin);
    fill(p.costMax, english.costMax);
    mergeByNumId(p.conditions, english.conditions);
    mergeByNumId(p.evidences, english.evidences);
    mergeByPosition(p.fees, english.fees);
    mergeByPosition(p.steps, english.steps);
    mergeByNumId(p.digitalSteps, english.digitalSteps);
    mergeByPosition(p.rules, english.rules);
    mergeByPosition(p.usefulLinks, english.usefulLinks);
    if (!english.documents.en.is_null()) {
        p.documents.en = std::move(english.documents.en);
    }
    if (p.documents.el.is_null()) {
        p.documents.el = std::move(english.documents.el);
    }
    return greek;
}

std::vector<Procedure> mergeCatalogue(std::vector<Procedure> greek,
                                      std::vector<Procedure> english) {
    std::unordered_map<std::string, std::size_t> englishById;
    englishById.reserve(english.size());
    for (std::size_t i = 0; i < english.size(); ++i) {
        englishById.emplace(english[i].id, i);
    }
    std::vector<bool> paired(english.size(), false);
    std::vector<Procedure> merged;
    merged.reserve(greek.size() + english.size());
    for (Procedure& el : greek) {
        const auto found = englishById.find(el.id);
        if (found == englishById.end() || paired[found->second]) {
            merged.push_back(std::move(el));
            continue;
        }
        paired[found->second] = true;
        merged.push_back(mergeLanguages(std::move(el), std::move(english[found->second])));
    }
    for (std::size_t i = 0; i < english.size(); ++i) {
        if (!paired[i]) {
            merged.push_back(std::move(english[i]));
        }
    }
    return merged;
}

}  // namespace kep::catalogue
