#include "dashboard/OfficeFigureQueries.h"

#include "shared/domain/TextFold.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

namespace kep::desk::dashboard {

namespace {

using kep::cases::CaseStatus;
using kep::desk::cases::CaseChannel;

std::vector<CaseStatus> statusesWhere(bool (*rule)(CaseStatus)) {
    std::vector<CaseStatus> picked;
    std::copy_if(kep::cases::kAllStatuses.begin(), kep::cases::kAllStatuses.end(),
                 std::back_inserter(picked), rule);
    return picked;
}

std::size_t indexOf(const auto& all, auto value) {
    return std::size_t(std::find(all.begin(), all.end(), value) - all.begin());
}

std::int64_t msOf(Instant at) {
    return at.time_since_epoch().count();
}

// kase.due_date as a day; an unreadable one counts as overdue rather than hiding.
std::chrono::sys_days dueDayOf(const std::string& text) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3) {
        const Day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (day.ok()) {
            return std::chrono::sys_days{day};
        }
    }
    return std::chrono::sys_days{};
}

}  // namespace

OfficeFigureQueries::OfficeFigureQueries(const kep::desk::cases::CaseQueries& queries,
                                         kep::db::Database& db)
    : queries_(queries)
    , db_(db) {}

OfficeFigures OfficeFigureQueries::figures(Instant now,
                                           const std::optional<std::string>& onlyClerk) const {
    OfficeFigures figures;
    figures.today = greekDayOf(now);
    figures.period = DayPeriod::endingOn(figures.today);

    // An index-only count per status (kase_status).
    auto byStatus = db_.prepare("SELECT status, count(*) FROM kase GROUP BY status");
    while (byStatus.step()) {
        if (const auto status = kep::cases::caseStatusFromString(byStatus.text(0))) {
            figures.byStatus[indexOf(kep::cases::kAllStatuses, *status)] = byStatus.int64(1);
            figures.openCases += isOpen(*status) ? byStatus.int64(1) : 0;
        }
    }
    countFilings(figures, onlyClerk);
    countWorkload(figures, onlyClerk);

    const auto today = std::chrono::sys_days{figures.today};
    for (const Deadline& d : radar(now)) {
        if (d.due < today) {
            ++figures.radar.overdue;
        } else if (d.due == today) {
            ++figures.radar.dueToday;
        } else {
            ++figures.radar.dueThisWeek;
        }
    }
    return figures;
}

void OfficeFigureQueries::countFilings(OfficeFigures& figures,
                                       const std::optional<std::string>& onlyClerk) const {
    const Day month = firstOfMonth(figures.today);
    const Day first =
        std::min(std::chrono::sys_days{month}, std::chrono::sys_days{figures.period.first});
    const InstantRange scanned = instantsOf(first, figures.today);
    const InstantRange thisMonth = instantsOf(month, figures.today);
    // The first instant of every day of the period and of the day after: a filing's day is
    // found by bisection instead of a time-zone conversion per case.
    std::vector<std::int64_t> starts;
    for (int i = 0; i <= figures.period.days(); ++i) {
        starts.push_back(msOf(greekMidnight(figures.period.day(i))));
    }
    std::vector<std::int64_t> perDay(std::size_t(figures.period.days()), 0);
    std::map<std::string, std::int64_t> monthly;

    // One pass over the recent filings (a few weeks' worth of the office's cases).
    auto st = db_.prepare(
        "SELECT filed_at, channel, filed_by FROM kase WHERE filed_at >= ?1 AND filed_at < ?2");
    st.bind(1, msOf(scanned.from)).bind(2, msOf(scanned.until));
    while (st.step()) {
        const std::int64_t at = st.int64(0);
        if (at >= starts.front()) {
            const auto day =
                std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
            ++perDay[std::size_t(day)];
            const CaseChannel channel = kep::desk::cases::channelOrCounter(st.text(1));
            ++figures.byChannel[indexOf(kep::desk::cases::kAllChannels, channel)];
        }
        if (at >= msOf(thisMonth.from)) {
            std::string clerk = st.text(2);
            if (!clerk.empty() && (!onlyClerk || *onlyClerk == clerk)) {
                ++monthly[std::move(clerk)];
            }
        }
    }
    for (int i = 0; i < figures.period.days(); ++i) {
        figures.filedPerDay.push_back({figures.period.day(i), perDay[std::size_t(i)]});
    }
    figures.filedToday = perDay.back();
    for (auto& [clerk, count] : monthly) {
        figures.workload.push_back({clerk, {}, 0, count});
    }
}

void OfficeFigureQueries::countWorkload(OfficeFigures& figures,
                                        const std::optional<std::string>& onlyClerk) const {
    std::map<std::string, std::int64_t> open;
    // One index range of kase_status per open status, counted here: with a GROUP BY the planner
    // may walk kase_filed_by over every case instead (measured: 0.5 s at 100,000 cases).
    auto st = db_.prepare("SELECT filed_by FROM kase WHERE status = ?1");
    for (const CaseStatus status : statusesWhere(isOpen)) {
        st.reset();
        st.bind(1, kep::cases::toString(status));
        while (st.step()) {
            std::string clerk = st.text(0);
            if (!clerk.empty() && (!onlyClerk || *onlyClerk == clerk)) {
                ++open[std::move(clerk)];
            }
        }
    }
    for (auto& w : figures.workload) {
        if (const auto found = open.find(w.userId); found != open.end()) {
            w.openCases = found->second;
            open.erase(found);
        }
    }
    for (auto& [clerk, count] : open) {
        figures.workload.push_back({clerk, {}, count, 0});
    }
    if (onlyClerk && figures.workload.empty()) {
        figures.workload.push_back({*onlyClerk, {}, 0, 0});  // a clerk sees their own zeroes
    }
    std::vector<std::pair<std::string, ClerkWorkload>> named;
    for (auto& w : figures.workload) {
        w.name = queries_.staffName(w.userId);
        named.emplace_back(kep::domain::foldForSearch(w.name), std::move(w));
    }
    // Alphabetical, never by load: the table must not read as a ranking of people.
    std::sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.userId) < std::tie(b.first, b.second.userId);
    });
    figures.workload.clear();
    for (auto& [key, w] : named) {
        figures.workload.push_back(std::move(w));
    }
}

std::vector<OfficeFigureQueries::Deadline> OfficeFigureQueries::radar(Instant now) const {
    const Day today = greekDayOf(now);
    const std::string horizon = isoDate(addDays(today, kWeekAfterToday));
    // The stopped clock only moves a date later, so the statutory date bounds the range; a case
    // that ever awaited documents has its date counted from its own history.
    auto st = db_.prepare(
        "SELECT k.id, k.due_date, EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = k.id "
        "AND h.to_status = ?3) FROM kase k WHERE k.status = ?1 AND k.due_date <= ?2");
    const auto last = std::chrono::sys_days{Day{addDays(today, kWeekAfterToday)}};
    std::vector<Deadline> found;
    for (const CaseStatus status : statusesWhere(kep::desk::cases::deadlineRuns)) {
        st.reset();
        st.bind(1, kep::cases::toString(status)).bind(2, horizon);
        st.bind(3, kep::cases::toString(CaseStatus::AwaitingDocuments));
        while (st.step()) {
            Deadline d{dueDayOf(st.text(1)), st.text(0)};
            if (st.int64(2) != 0) {
                const auto counted = queries_.caseById(d.id, now);
                if (!counted) {
                    continue;
                }
                d.due = std::chrono::sys_days{counted->due};
            }
            if (d.due <= last) {
                found.push_back(std::move(d));
            }
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<std::string> OfficeFigureQueries::filedBetween(const InstantRange& range,
                                                           std::string_view channel,
                                                           std::string_view userId,
                                                           int limit) const {
    auto st = db_.prepare(
        "SELECT id FROM kase WHERE filed_at >= ?1 AND filed_at < ?2 AND (?3 = '' OR channel = ?3) "
        "AND (?4 = '' OR filed_by = ?4) ORDER BY filed_at DESC, id DESC LIMIT ?5");
    st.bind(1, msOf(range.from)).bind(2, msOf(range.until)).bind(3, channel).bind(4, userId);
    st.bind(5, limit);
    std::vector<std::string> ids;
    while (st.step()) {
        ids.push_back(st.text(0));
    }
    return ids;
}

std::vector<std::string> OfficeFigureQueries::openCases(std::string_view userId, int limit) const {
    auto st = db_.prepare(
        "SELECT due_date, id FROM kase WHERE status = ?1 AND (?2 = '' OR filed_by = ?2) "
        "ORDER BY due_date, id LIMIT ?3");
    std::vector<std::pair<std::string, std::string>> found;
    for (const CaseStatus status : statusesWhere(isOpen)) {
        st.reset();
        st.bind(1, kep::cases::toString(status)).bind(2, userId).bind(3, limit);
        while (st.step()) {
            found.emplace_back(st.text(0), st.text(1));
        }
    }
    // Each status's range is in due-date order already: merged and cut.
    std::sort(found.begin(), found.end());
    found.resize(std::min(found.size(), std::size_t(std::max(0, limit))));
    std::vector<std::string> ids;
    for (auto& [due, id] : found) {
        ids.push_back(std::move(id));
    }
    return ids;
}

std::vector<kep::desk::cases::QueueCase> OfficeFigureQueries::cases(const Figure& figure,
                                                                    Instant now, int limit) const {
    using Kind = Figure::Kind;
    const Day today = greekDayOf(now);
    std::vector<std::string> ids;
    switch (figure.kind) {
        case Kind::Status:
            // The work queues' own list of the office's cases of a status.
            return queries_.cases({kep::desk::cases::QueueKind::Status, figure.status}, {}, now,
                                  limit);
        case Kind::FiledToday:
            ids = filedBetween(instantsOf(today, today), {}, {}, limit);
            break;
        case Kind::FiledOn:
            ids = filedBetween(instantsOf(figure.day, figure.day), {}, {}, limit);
            break;
        case Kind::FiledByChannel: {
            const DayPeriod period = DayPeriod::endingOn(today);
            ids = filedBetween(instantsOf(period.first, period.last),
                               kep::desk::cases::toString(figure.channel), {}, limit);
            break;
        }
        case Kind::ClerkFiledThisMonth:
            ids = filedBetween(instantsOf(firstOfMonth(today), today), {}, figure.userId, limit);
            break;
        case Kind::OpenCases:
            ids = openCases({}, limit);
            break;
        case Kind::ClerkOpenCases:
            ids = openCases(figure.userId, limit);
            break;
        case Kind::DueToday:
        case Kind::DueThisWeek:
        case Kind::Overdue: {
            const auto day = std::chrono::sys_days{today};
            for (const Deadline& d : radar(now)) {
                const bool in = figure.kind == Kind::Overdue    ? d.due < day
                                : figure.kind == Kind::DueToday ? d.due == day
                                                                : d.due > day;
                if (in && int(ids.size()) < limit) {
                    ids.push_back(d.id);
                }
            }
            break;
        }
    }
    std::vector<kep::desk::cases::QueueCase> shown;
    shown.reserve(ids.size());
    for (const std::string& id : ids) {
        if (auto c = queries_.caseById(id, now)) {
            shown.push_back(std::move(*c));
        }
    }
    return shown;
}

}  // namespace kep::desk::dashboard
