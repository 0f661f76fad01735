#include "stats/CaseFacts.h"

#include "shared/cases/Actor.h"
#include "shared/cases/CaseFields.h"
#include "shared/sync/SyncServerCore.h"
#include "stats/CivilDate.h"

#include <charconv>

namespace kep::server::stats {

namespace {

using kep::cases::CaseStatus;
namespace cf = kep::sync::case_fields;
namespace fields = kep::cases::fields;

const std::string* find(const kep::sync::FieldMap& map, std::string_view name) {
    const auto it = map.find(std::string{name});
    return it == map.end() ? nullptr : &it->second;
}

std::optional<std::int64_t> parseMs(const std::string* text) {
    std::int64_t value = 0;
    if (text == nullptr || text->empty()) {
        return std::nullopt;
    }
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    return error == std::errc{} && end == text->data() + text->size() ? std::optional{value}
                                                                      : std::nullopt;
}

// A case filed at the counter is a clerk's or a manager's work; one filed online is nobody's.
bool filedByOfficeStaff(const kep::sync::FieldMap& map) {
    const auto* role = find(map, cf::kStatusRole);
    const auto parsed = role ? kep::cases::actorRoleFromString(*role) : std::nullopt;
    return parsed == kep::cases::ActorRole::Clerk || parsed == kep::cases::ActorRole::Manager;
}

void enterStatus(CaseFacts& facts, CaseStatus to, std::int64_t atMs,
                 const kep::domain::WorkingCalendar& calendar) {
    if (facts.status == CaseStatus::Draft && to != CaseStatus::Draft && !facts.filedAtMs) {
        facts.filedAtMs = atMs;
    }
    if (facts.awaitingSinceMs && to != CaseStatus::AwaitingDocuments) {
        const std::int64_t since = *facts.awaitingSinceMs;
        facts.awaitingMs += std::max<std::int64_t>(atMs - since, 0);
        facts.stoppedDays += std::max(
            calendar.workingDaysBetween(greekMoment(since).date, greekMoment(atMs).date), 0);
        facts.awaitingSinceMs.reset();
    }
    if (to == CaseStatus::AwaitingDocuments && !facts.awaitingSinceMs) {
        facts.awaitingSinceMs = atMs;
    }
    if (to == CaseStatus::Completed && !facts.completedAtMs) {
        facts.completedAtMs = atMs;
    }
    if (to == CaseStatus::ReturnedToClerk) {
        facts.returned = true;
    }
    facts.status = to;
}

}  // namespace

void applyChange(CaseFacts& facts, const kep::sync::FieldMap& map, std::int64_t fallbackMs,
                 const kep::domain::WorkingCalendar& calendar) {
    if (const auto* procedure = find(map, fields::kProcedureId)) {
        facts.procedureId = procedure->empty() ? std::string{kNoProcedure} : *procedure;
    }
    if (const auto* channel = find(map, fields::kChannel)) {
        facts.channel = channel->empty() ? std::string{"counter"} : *channel;
    }
    if (const auto* due = find(map, fields::kDueDate)) {
        facts.dueDate = *due;
    }
    if (const auto* filedBy = find(map, cf::kFiledBy)) {
        facts.filedBy = filedByOfficeStaff(map) ? *filedBy : std::string{};
    }
    if (const auto* status = find(map, cf::kStatus)) {
        if (const auto to = kep::cases::caseStatusFromString(*status)) {
            enterStatus(facts, *to, parseMs(find(map, cf::kStatusAt)).value_or(fallbackMs),
                        calendar);
        }
    }
}

bool isBacklog(CaseStatus status) {
    switch (status) {
        case CaseStatus::Submitted:
        case CaseStatus::PendingApproval:
        case CaseStatus::ReturnedToClerk:
        case CaseStatus::Approved:
        case CaseStatus::Forwarded:
        case CaseStatus::InProgress:
        case CaseStatus::AwaitingDocuments:
            return true;
        default:
            return false;
    }
}

bool deadlineRuns(CaseStatus status) {
    return isBacklog(status) && !kep::cases::stopsDeadlineClock(status);
}

}  // namespace kep::server::stats
