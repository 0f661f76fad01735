// Which aggregate rows one case counts in, as a pure function of its facts: a change of the case
// moves its old contribution out and its new one in, and the bench's generator fills the tables
// from the very same function.
#pragma once

#include "shared/domain/WorkingCalendar.h"
#include "stats/CaseFacts.h"

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace kep::server::stats {

// One table of migration 0015 each; the key parts and values are its columns in order.
enum class Aggregate : std::uint8_t {
    FiledDay,    // scope, procedure_id, day | cases, returned, rejected, counter, remote, govgr,
                 // eugo
    FiledHour,   // scope, day, hour | cases
    Status,      // scope, procedure_id, status | cases
    OpenDue,     // scope, due_date | cases
    Duration,    // scope, procedure_id, month, bucket | cases, with_deadline, on_time
    ClerkFiled,  // office_code, user_id, month | cases
    ClerkOpen,   // office_code, user_id | cases
};

struct AggregateKey {
    Aggregate table = Aggregate::FiledDay;
    std::array<std::string, 4> parts;  // unused parts are ""

    auto operator<=>(const AggregateKey&) const = default;
};

struct AggregateCounts {
    std::array<std::int64_t, 7> values{};  // unused values are 0

    bool isZero() const { return values == std::array<std::int64_t, 7>{}; }
};

using ContributionSink = std::function<void(const AggregateKey&, const AggregateCounts&)>;

// The scope of a region's roll-up rows: "region:<name>".
std::string regionScope(std::string_view region);

// Calls `sink` once per row the case counts in (nothing for a draft). Offices' rows come with
// their region's roll-up (when the case has a region) and the nation's (scope ""), procedures'
// with the all-procedures one ("").
void forEachContribution(const CaseFacts& facts, const kep::domain::WorkingCalendar& calendar,
                         const ContributionSink& sink);

// The due date the deadline radar and compliance use: the filed due date with the working days
// spent awaiting documents added; nullopt when the case has no readable due date.
std::optional<std::chrono::year_month_day> effectiveDueDate(
    const CaseFacts& facts, const kep::domain::WorkingCalendar& calendar);

// What changes in the aggregates when a case's facts go from `before` to `after` (either may be
// nullopt: a case new to the statistics): the rows whose counts move, by how much.
std::map<AggregateKey, AggregateCounts> contributionChange(
    const std::optional<CaseFacts>& before, const CaseFacts& after,
    const kep::domain::WorkingCalendar& calendar);

}  // namespace kep::server::stats
