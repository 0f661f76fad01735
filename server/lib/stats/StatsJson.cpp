#include "stats/StatsJson.h"

#include <boost/json.hpp>

namespace kep::server::stats {

namespace {

boost::json::value optionalNumber(const std::optional<double>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object processingJson(const ProcessingTime& time) {
    return {{"median", optionalNumber(time.medianDays)},
            {"p90", optionalNumber(time.p90Days)},
            {"completed", time.completed}};
}

boost::json::object overviewJson(const Overview& overview) {
    boost::json::object byStatus;
    for (const auto& [status, cases] : overview.byStatus) {
        byStatus[status] = cases;
    }
    boost::json::object byChannel;
    for (const auto& [channel, cases] : overview.byChannel) {
        byChannel[channel] = cases;
    }
    boost::json::array perDay;
    for (const auto& [date, cases] : overview.filedPerDay) {
        perDay.push_back({{"date", date}, {"count", cases}});
    }
    boost::json::array hours;
    for (const auto cases : overview.busiestHours) {
        hours.push_back(cases);
    }
    return {{"filed", overview.filed},
            {"by_status", std::move(byStatus)},
            {"by_channel", std::move(byChannel)},
            {"filed_per_day", std::move(perDay)},
            {"backlog", overview.backlog},
            {"deadline",
             {{"due_today", overview.deadline.dueToday},
              {"due_this_week", overview.deadline.dueThisWeek},
              {"overdue", overview.deadline.overdue}}},
            {"processing_days", processingJson(overview.processing)},
            {"deadline_compliance", optionalNumber(overview.processing.deadlineCompliance)},
            {"returned_rate", optionalNumber(overview.returnedRate)},
            {"rejected_rate", optionalNumber(overview.rejectedRate)},
            {"online_share", optionalNumber(overview.onlineShare)},
            {"busiest_hours", std::move(hours)}};
}

boost::json::object procedureJson(const ProcedureFigures& figures) {
    return {{"id", figures.id},
            {"title", figures.titleEl},
            {"title_en", figures.titleEn},
            {"filed", figures.filed},
            {"processing_days", processingJson(figures.processing)},
            {"deadline_compliance", optionalNumber(figures.processing.deadlineCompliance)}};
}

boost::json::object officeFiguresJson(const OfficeFigures& figures) {
    return {{"filed", figures.filed},
            {"backlog", figures.backlog},
            {"overdue", figures.overdue},
            {"processing_days", processingJson(figures.processing)},
            {"deadline_compliance", optionalNumber(figures.processing.deadlineCompliance)}};
}

}  // namespace kep::server::stats
