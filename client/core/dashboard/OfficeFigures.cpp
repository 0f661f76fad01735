#include "dashboard/OfficeFigures.h"

#include "cases/CaseQueries.h"

#include <algorithm>

namespace kep::desk::dashboard {

namespace {

template <typename Array, typename Value>
std::int64_t at(const Array& counts, const auto& all, Value value) {
    const auto found = std::find(all.begin(), all.end(), value);
    return found == all.end() ? 0 : counts[std::size_t(found - all.begin())];
}

}  // namespace

std::int64_t OfficeFigures::ofStatus(kep::cases::CaseStatus status) const {
    return at(byStatus, kep::cases::kAllStatuses, status);
}

std::int64_t OfficeFigures::ofChannel(kep::desk::cases::CaseChannel channel) const {
    return at(byChannel, kep::desk::cases::kAllChannels, channel);
}

std::int64_t Figure::valueIn(const OfficeFigures& figures) const {
    const auto clerk = [&figures, this]() -> const ClerkWorkload* {
        const auto found =
            std::find_if(figures.workload.begin(), figures.workload.end(),
                         [this](const ClerkWorkload& w) { return w.userId == userId; });
        return found == figures.workload.end() ? nullptr : &*found;
    };
    switch (kind) {
        case Kind::FiledToday:
            return figures.filedToday;
        case Kind::FiledOn:
            for (const DayCount& d : figures.filedPerDay) {
                if (d.day == day) {
                    return d.count;
                }
            }
            return 0;
        case Kind::FiledByChannel:
            return figures.ofChannel(channel);
        case Kind::Status:
            return figures.ofStatus(status);
        case Kind::OpenCases:
            return figures.openCases;
        case Kind::DueToday:
            return figures.radar.dueToday;
        case Kind::DueThisWeek:
            return figures.radar.dueThisWeek;
        case Kind::Overdue:
            return figures.radar.overdue;
        case Kind::ClerkOpenCases:
            return clerk() != nullptr ? clerk()->openCases : 0;
        case Kind::ClerkFiledThisMonth:
            return clerk() != nullptr ? clerk()->filedThisMonth : 0;
    }
    return 0;
}

bool isOpen(kep::cases::CaseStatus status) {
    // The work queues' rule for a running deadline, and the one status that stops it.
    return kep::desk::cases::deadlineRuns(status) || kep::cases::stopsDeadlineClock(status);
}

}  // namespace kep::desk::dashboard
