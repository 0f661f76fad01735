// What the office dashboard shows from the desk's own store, offline too: today's figures, the
// 30-day trends, the deadline radar and the workload per clerk, and which cases a figure counts.
#pragma once

#include "cases/CaseChannel.h"
#include "dashboard/DashboardPeriod.h"
#include "shared/cases/CaseStatus.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kep::desk::dashboard {

struct DayCount {
    Day day;
    std::int64_t count = 0;
};

// Open cases whose deadline runs (awaiting documents does not count against it), by their due
// date with the working days spent awaiting documents added: the three are disjoint.
struct DeadlineRadar {
    std::int64_t dueToday = 0;
    std::int64_t dueThisWeek = 0;  // due on one of the six days after today
    std::int64_t overdue = 0;      // due before today
};

// One member of staff's load, never ranked: the dashboard lists people alphabetically.
struct ClerkWorkload {
    std::string userId;
    std::string name;  // as signed in at this desk; the id when unknown here
    std::int64_t openCases = 0;
    std::int64_t filedThisMonth = 0;
};

struct OfficeFigures {
    Day today;
    DayPeriod period;  // the 30 days of the trends
    std::int64_t filedToday = 0;
    std::int64_t openCases = 0;  // filed and not yet decided (the API's backlog)
    DeadlineRadar radar;
    std::vector<DayCount> filedPerDay;  // every day of the period, oldest first
    // The office's cases now, whatever the period, in kAllStatuses order.
    std::array<std::int64_t, kep::cases::kAllStatuses.size()> byStatus{};
    // The cases filed in the period, in kAllChannels order.
    std::array<std::int64_t, kep::desk::cases::kAllChannels.size()> byChannel{};
    std::vector<ClerkWorkload> workload;  // by name, accents and case folded

    std::int64_t ofStatus(kep::cases::CaseStatus status) const;
    std::int64_t ofChannel(kep::desk::cases::CaseChannel channel) const;
};

// A figure, named so that the cases behind it can be listed (the drill-down).
struct Figure {
    enum class Kind {
        FiledToday,
        FiledOn,         // `day`
        FiledByChannel,  // `channel`, in the trend period
        Status,          // `status`
        OpenCases,
        DueToday,
        DueThisWeek,
        Overdue,
        ClerkOpenCases,       // `userId`
        ClerkFiledThisMonth,  // `userId`
    };
    Kind kind = Kind::OpenCases;
    Day day{};
    kep::cases::CaseStatus status = kep::cases::CaseStatus::Submitted;
    kep::desk::cases::CaseChannel channel = kep::desk::cases::CaseChannel::Counter;
    std::string userId;

    // The figure's value in `figures` (the drill-down says "the first N of this many").
    std::int64_t valueIn(const OfficeFigures& figures) const;
};

// Filed and not yet decided: the deadline runs, or the authority awaits the citizen's documents.
bool isOpen(kep::cases::CaseStatus status);

}  // namespace kep::desk::dashboard
