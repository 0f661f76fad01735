#include "stats/CaseContribution.h"

#include "stats/CivilDate.h"
#include "stats/DurationHistogram.h"

#include <stdexcept>
#include <vector>

namespace kep::server::stats {

namespace {

using kep::cases::CaseStatus;

constexpr std::string_view kNational = "";
constexpr std::string_view kAllProcedures = "";

AggregateCounts counts(std::int64_t a, std::int64_t b = 0, std::int64_t c = 0) {
    return AggregateCounts{{a, b, c}};
}

// The scopes an office's row is counted in: the office, its region, the nation.
std::vector<std::string> scopesOf(const CaseFacts& facts) {
    std::vector<std::string> scopes{facts.officeCode, std::string{kNational}};
    if (!facts.region.empty()) {
        scopes.push_back(regionScope(facts.region));
    }
    return scopes;
}

// The row of an office and procedure, and its roll-ups.
void withRollUps(const CaseFacts& facts, Aggregate table, const std::string& a,
                 const std::string& b, const AggregateCounts& values,
                 const ContributionSink& sink) {
    for (const auto& scope : scopesOf(facts)) {
        for (const std::string_view procedure :
             {std::string_view{facts.procedureId}, kAllProcedures}) {
            sink(AggregateKey{table, {scope, std::string{procedure}, a, b}}, values);
        }
    }
}

// The row of an office and its roll-ups.
void withRegionAndNation(const CaseFacts& facts, Aggregate table, const std::string& a,
                         const std::string& b, const AggregateCounts& values,
                         const ContributionSink& sink) {
    for (const auto& scope : scopesOf(facts)) {
        sink(AggregateKey{table, {scope, a, b, {}}}, values);
    }
}

// cases, returned, rejected, then one per channel of kChannels.
AggregateCounts filing(const CaseFacts& facts) {
    AggregateCounts values =
        counts(1, facts.returned ? 1 : 0, facts.status == CaseStatus::Rejected ? 1 : 0);
    for (std::size_t i = 0; i < kChannels.size(); ++i) {
        values.values[3 + i] = facts.channel == kChannels[i] ? 1 : 0;
    }
    return values;
}

}  // namespace

std::string regionScope(std::string_view region) {
    return "region:" + std::string{region};
}

std::optional<std::chrono::year_month_day> effectiveDueDate(
    const CaseFacts& facts, const kep::domain::WorkingCalendar& calendar) {
    const auto due = parseCivilDate(facts.dueDate);
    if (!due || facts.stoppedDays == 0) {
        return due;
    }
    try {
        return calendar.addWorkingDays(*due, facts.stoppedDays, facts.officeCode);
    } catch (const std::out_of_range&) {
        return due;  // a stay of centuries: the filed date is the best there is
    }
}

void forEachContribution(const CaseFacts& facts, const kep::domain::WorkingCalendar& calendar,
                         const ContributionSink& sink) {
    if (!facts.filedAtMs) {
        return;
    }
    const GreekMoment filed = greekMoment(*facts.filedAtMs);
    const std::string day = civilDateText(filed.date);
    withRollUps(facts, Aggregate::FiledDay, day, {}, filing(facts), sink);
    withRegionAndNation(facts, Aggregate::FiledHour, day, std::to_string(filed.hour), counts(1),
                        sink);
    withRollUps(facts, Aggregate::Status, std::string{kep::cases::toString(facts.status)}, {},
                counts(1), sink);

    const auto due = effectiveDueDate(facts, calendar);
    if (due && deadlineRuns(facts.status)) {
        withRegionAndNation(facts, Aggregate::OpenDue, civilDateText(*due), {}, counts(1), sink);
    }
    if (facts.completedAtMs) {
        const auto completed = greekMoment(*facts.completedAtMs).date;
        const bool onTime = due && std::chrono::sys_days{completed} <= std::chrono::sys_days{*due};
        withRollUps(facts, Aggregate::Duration, civilMonthText(completed),
                    std::to_string(durationBucket(*facts.completedAtMs - *facts.filedAtMs)),
                    counts(1, due ? 1 : 0, onTime ? 1 : 0), sink);
    }
    if (!facts.filedBy.empty()) {
        sink(AggregateKey{Aggregate::ClerkFiled,
                          {facts.officeCode, facts.filedBy, civilMonthText(filed.date), {}}},
             counts(1));
        if (isBacklog(facts.status)) {
            sink(AggregateKey{Aggregate::ClerkOpen, {facts.officeCode, facts.filedBy, {}, {}}},
                 counts(1));
        }
    }
}

std::map<AggregateKey, AggregateCounts> contributionChange(
    const std::optional<CaseFacts>& before, const CaseFacts& after,
    const kep::domain::WorkingCalendar& calendar) {
    std::map<AggregateKey, AggregateCounts> change;
    const auto add = [&change](int sign) {
        return [&change, sign](const AggregateKey& key, const AggregateCounts& values) {
            auto& total = change[key];
            for (std::size_t i = 0; i < values.values.size(); ++i) {
                total.values[i] += sign * values.values[i];
            }
        };
    };
    if (before) {
        forEachContribution(*before, calendar, add(-1));
    }
    forEachContribution(after, calendar, add(+1));
    std::erase_if(change, [](const auto& entry) { return entry.second.isZero(); });
    return change;
}

}  // namespace kep::server::stats
