#include "stats/StatsQueries.h"

#include "catalogue/CatalogueStore.h"
#include "shared/cases/CaseStatus.h"
#include "stats/CaseFacts.h"
#include "stats/CivilDate.h"
#include "stats/DurationHistogram.h"
#include "storage/PortableSql.h"

#include <boost/json.hpp>

#include <algorithm>

namespace kep::server::stats {

namespace {

using std::chrono::sys_days;

// Every query names its scopes as a JSON array bound to ?1 and read by json_each, so that one
// statement serves an office, a region's offices and the nation, with the primary key's first
// column probed once per scope. (On PostgreSQL, Snapshot::prepare() reads the array with
// storage::jsonArrayValues() instead.)
std::string scopesJson(const ScopeKeys& scopes) {
    boost::json::array array;
    for (const auto& scope : scopes) {
        array.emplace_back(scope);
    }
    return boost::json::serialize(array);
}

// `sql` with each "SELECT value FROM json_each(?N)" in the form the connection's dialect reads
// a bound JSON array with.
std::string inDialect(kep::db::Dialect dialect, std::string_view sql) {
    constexpr std::string_view kArray = "SELECT value FROM json_each(?";
    std::string out;
    std::size_t from = 0;
    for (auto at = sql.find(kArray); at != std::string_view::npos; at = sql.find(kArray, from)) {
        const auto digits = at + kArray.size();
        const auto close = sql.find(')', digits);
        out.append(sql.substr(from, at - from));
        out += storage::jsonArrayValues(dialect,
                                        std::stoi(std::string(sql.substr(digits, close - digits))));
        from = close + 1;
    }
    out.append(sql.substr(from));
    return out;
}

// A read of several statements that sees one state of the tables: SQLite's read transaction
// does; on PostgreSQL a plain BEGIN is READ COMMITTED, where each statement sees the commits
// made before it, so the transaction asks for one snapshot.
class Snapshot {
public:
    explicit Snapshot(kep::db::Database& db)
        : db_(db)
        , tx_(db, kep::db::Transaction::Kind::Deferred) {
        if (db.dialect() == kep::db::Dialect::Postgres) {
            db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
    }
    ~Snapshot() = default;
    kep::db::Statement prepare(std::string_view sql) {
        return db_.dialect() == kep::db::Dialect::Sqlite
                   ? db_.prepare(sql)
                   : db_.prepare(inDialect(db_.dialect(), sql));
    }
    kep::db::Database& db() { return db_; }

private:
    kep::db::Database& db_;
    kep::db::Transaction tx_;  // rolled back at the end: nothing was written
};

// Sums histogram rows into the processing-time figures.
class DurationTally {
public:
    void add(int bucket, std::int64_t cases, std::int64_t withDeadline, std::int64_t onTime) {
        histogram_.add(bucket, cases);
        withDeadline_ += withDeadline;
        onTime_ += onTime;
    }
    // Columns from `first`: bucket, cases, with_deadline, on_time.
    void addRow(const kep::db::Statement& row, int first) {
        add(static_cast<int>(row.int64(first)), row.int64(first + 1), row.int64(first + 2),
            row.int64(first + 3));
    }
    ProcessingTime result() const {
        ProcessingTime time;
        time.completed = histogram_.total();
        time.medianDays = histogram_.percentile(0.5);
        time.p90Days = histogram_.percentile(0.9);
        if (withDeadline_ > 0) {
            time.deadlineCompliance =
                static_cast<double>(onTime_) / static_cast<double>(withDeadline_);
        }
        return time;
    }

private:
    DurationHistogram histogram_;
    std::int64_t withDeadline_ = 0;
    std::int64_t onTime_ = 0;
};

std::optional<double> share(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(part) / static_cast<double>(whole);
}

std::string backlogStatusesJson() {
    boost::json::array array;
    for (const auto status : kep::cases::kAllStatuses) {
        if (isBacklog(status)) {
            array.emplace_back(kep::cases::toString(status));
        }
    }
    return boost::json::serialize(array);
}

// The period's months, as the monthly histograms are keyed.
std::pair<std::string, std::string> monthsOf(const Period& period) {
    return {civilMonthText(period.from), civilMonthText(period.to)};
}

ProcessingTime processingOf(Snapshot& snapshot, const std::string& scopes,
                            const std::string& procedure, const Period& period) {
    auto select = snapshot.prepare(
        "SELECT bucket, sum(cases), sum(with_deadline), sum(on_time) FROM stats_duration "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = ?4 "
        "AND month BETWEEN ?2 AND ?3 GROUP BY bucket");
    const auto [first, last] = monthsOf(period);
    select.bind(1, scopes).bind(2, first).bind(3, last).bind(4, procedure);
    DurationTally tally;
    while (select.step()) {
        tally.addRow(select, 0);
    }
    return tally.result();
}

// Histograms by the first column of `sql`, which answers (key, bucket, cases, with_deadline,
// on_time) for the scopes ?1 and the period's months ?2..?3.
std::map<std::string, DurationTally> talliesBy(Snapshot& snapshot, std::string_view sql,
                                               const std::string& scopes, const Period& period) {
    auto select = snapshot.prepare(sql);
    const auto [first, last] = monthsOf(period);
    select.bind(1, scopes).bind(2, first).bind(3, last);
    std::map<std::string, DurationTally> tallies;
    while (select.step()) {
        tallies[select.text(0)].addRow(select, 1);
    }
    return tallies;
}

std::int64_t filedOf(Snapshot& snapshot, const std::string& scopes, const std::string& procedure,
                     const Period& period) {
    auto select = snapshot.prepare(
        "SELECT coalesce(sum(cases), 0) FROM stats_filed_day "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = ?4 "
        "AND day BETWEEN ?2 AND ?3");
    select.bind(1, scopes)
        .bind(2, civilDateText(period.from))
        .bind(3, civilDateText(period.to))
        .bind(4, procedure);
    return select.step() ? select.int64(0) : 0;
}

void readFilings(Snapshot& snapshot, const std::string& scopes, const Period& period,
                 Overview& out) {
    auto select = snapshot.prepare(
        "SELECT day, sum(cases), sum(returned), sum(rejected), sum(counter), sum(remote), "
        "sum(govgr), sum(eugo) FROM stats_filed_day "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = '' "
        "AND day BETWEEN ?2 AND ?3 GROUP BY day");
    select.bind(1, scopes).bind(2, civilDateText(period.from)).bind(3, civilDateText(period.to));

    for (const auto channel : kChannels) {
        out.byChannel[std::string{channel}] = 0;
    }
    std::map<std::string, std::int64_t> perDay;
    std::int64_t returned = 0;
    std::int64_t rejected = 0;
    while (select.step()) {
        const std::int64_t cases = select.int64(1);
        perDay[select.text(0)] = cases;
        out.filed += cases;
        returned += select.int64(2);
        rejected += select.int64(3);
        for (std::size_t i = 0; i < kChannels.size(); ++i) {
            out.byChannel[std::string{kChannels[i]}] += select.int64(4 + static_cast<int>(i));
        }
    }
    for (sys_days day{period.from}; day <= sys_days{period.to}; day += std::chrono::days{1}) {
        const std::string text = civilDateText(std::chrono::year_month_day{day});
        const auto it = perDay.find(text);
        out.filedPerDay.emplace_back(text, it == perDay.end() ? 0 : it->second);
    }
    out.returnedRate = share(returned, out.filed);
    out.rejectedRate = share(rejected, out.filed);
    out.onlineShare = share(out.byChannel["govgr"] + out.byChannel["eugo"], out.filed);
}

void readHours(Snapshot& snapshot, const std::string& scopes, const Period& period, Overview& out) {
    auto select = snapshot.prepare(
        "SELECT hour, sum(cases) FROM stats_filed_hour "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND day BETWEEN ?2 AND ?3 "
        "GROUP BY hour");
    select.bind(1, scopes).bind(2, civilDateText(period.from)).bind(3, civilDateText(period.to));
    while (select.step()) {
        const auto hour = select.int64(0);
        if (hour >= 0 && hour < 24) {
            out.busiestHours[static_cast<std::size_t>(hour)] = select.int64(1);
        }
    }
}

void readStatuses(Snapshot& snapshot, const std::string& scopes, Overview& out) {
    for (const auto status : kep::cases::kAllStatuses) {
        if (status != kep::cases::CaseStatus::Draft) {
            out.byStatus[std::string{kep::cases::toString(status)}] = 0;
        }
    }
    auto select = snapshot.prepare(
        "SELECT status, sum(cases) FROM stats_status "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = '' GROUP BY status");
    select.bind(1, scopes);
    while (select.step()) {
        const std::string status = select.text(0);
        out.byStatus[status] = select.int64(1);
        const auto parsed = kep::cases::caseStatusFromString(status);
        if (parsed && isBacklog(*parsed)) {
            out.backlog += select.int64(1);
        }
    }
}

DeadlineRadar readRadar(Snapshot& snapshot, const std::string& scopes,
                        std::chrono::year_month_day today) {
    auto select = snapshot.prepare(
        "SELECT coalesce(sum(CASE WHEN due_date < ?2 THEN cases END), 0), "
        "coalesce(sum(CASE WHEN due_date = ?2 THEN cases END), 0), "
        "coalesce(sum(CASE WHEN due_date > ?2 THEN cases END), 0) FROM stats_open_due "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND due_date <= ?3");
    const auto weekEnd = std::chrono::year_month_day{sys_days{today} + std::chrono::days{6}};
    select.bind(1, scopes).bind(2, civilDateText(today)).bind(3, civilDateText(weekEnd));
    DeadlineRadar radar;
    if (select.step()) {
        radar.overdue = select.int64(0);
        radar.dueToday = select.int64(1);
        radar.dueThisWeek = select.int64(2);
    }
    return radar;
}

// Per scope: `sql` answers (scope, count) rows.
void countPerScope(Snapshot& snapshot, std::string_view sql, const std::string& scopes,
                   const std::string& second, const std::string& third,
                   std::map<std::string, OfficeFigures>& out, std::int64_t OfficeFigures::*field) {
    auto select = snapshot.prepare(sql);
    select.bind(1, scopes).bind(2, second);
    if (!third.empty()) {
        select.bind(3, third);
    }
    while (select.step()) {
        const auto it = out.find(select.text(0));
        if (it != out.end()) {
            it->second.*field = select.int64(1);
        }
    }
}

}  // namespace

Overview StatsQueries::overview(const ScopeKeys& scopes, const Period& period,
                                std::chrono::year_month_day today) {
    const auto lease = connections_->acquire();
    Snapshot snapshot(lease.db());
    const std::string keys = scopesJson(scopes);
    Overview out;
    readFilings(snapshot, keys, period, out);
    readHours(snapshot, keys, period, out);
    readStatuses(snapshot, keys, out);
    out.deadline = readRadar(snapshot, keys, today);
    out.processing = processingOf(snapshot, keys, "", period);
    return out;
}

std::vector<ProcedureFigures> StatsQueries::procedures(const ScopeKeys& scopes,
                                                       const Period& period, ProcedureOrder order,
                                                       int limit) {
    const auto lease = connections_->acquire();
    Snapshot snapshot(lease.db());
    const std::string keys = scopesJson(scopes);
    std::vector<ProcedureFigures> out;
    if (order == ProcedureOrder::Top) {
        auto select = snapshot.prepare(
            "SELECT procedure_id, sum(cases) AS filed FROM stats_filed_day "
            "WHERE scope IN (SELECT value FROM json_each(?1)) AND day BETWEEN ?2 AND ?3 "
            "AND procedure_id <> '' GROUP BY procedure_id ORDER BY filed DESC, procedure_id "
            "LIMIT ?4");
        select.bind(1, keys)
            .bind(2, civilDateText(period.from))
            .bind(3, civilDateText(period.to))
            .bind(4, limit);
        while (select.step()) {
            ProcedureFigures figures;
            figures.id = select.text(0);
            figures.filed = select.int64(1);
            out.push_back(std::move(figures));
        }
        for (auto& figures : out) {
            figures.processing = processingOf(snapshot, keys, figures.id, period);
        }
    } else {
        const auto tallies = talliesBy(
            snapshot,
            "SELECT procedure_id, bucket, sum(cases), sum(with_deadline), sum(on_time) "
            "FROM stats_duration WHERE scope IN (SELECT value FROM json_each(?1)) "
            "AND month BETWEEN ?2 AND ?3 AND procedure_id <> '' GROUP BY procedure_id, bucket",
            keys, period);
        for (const auto& [id, tally] : tallies) {
            ProcedureFigures figures;
            figures.id = id;
            figures.processing = tally.result();
            if (figures.processing.completed >= kSlowestMinCompleted) {
                out.push_back(std::move(figures));
            }
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            const auto key = [](const ProcedureFigures& f) {
                return std::make_pair(f.processing.medianDays.value_or(0),
                                      f.processing.p90Days.value_or(0));
            };
            return key(a) != key(b) ? key(a) > key(b) : a.id < b.id;
        });
        if (out.size() > static_cast<std::size_t>(std::max(limit, 0))) {
            out.resize(static_cast<std::size_t>(std::max(limit, 0)));
        }
        for (auto& figures : out) {
            figures.filed = filedOf(snapshot, keys, figures.id, period);
        }
    }
    catalogue::CatalogueStore catalogue(snapshot.db());
    for (auto& figures : out) {
        if (const auto published = catalogue.published(figures.id)) {
            figures.titleEl = published->titleEl;
            figures.titleEn = published->titleEn;
        }
    }
    return out;
}

std::map<std::string, OfficeFigures> StatsQueries::offices(const ScopeKeys& offices,
                                                           const Period& period,
                                                           std::chrono::year_month_day today) {
    const auto lease = connections_->acquire();
    Snapshot snapshot(lease.db());
    const std::string keys = scopesJson(offices);
    std::map<std::string, OfficeFigures> out;
    for (const auto& code : offices) {
        out[code];
    }
    countPerScope(snapshot,
                  "SELECT scope, sum(cases) FROM stats_filed_day "
                  "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = '' "
                  "AND day BETWEEN ?2 AND ?3 GROUP BY scope",
                  keys, civilDateText(period.from), civilDateText(period.to), out,
                  &OfficeFigures::filed);
    countPerScope(snapshot,
                  "SELECT scope, sum(cases) FROM stats_status "
                  "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = '' "
                  "AND status IN (SELECT value FROM json_each(?2)) GROUP BY scope",
                  keys, backlogStatusesJson(), {}, out, &OfficeFigures::backlog);
    countPerScope(snapshot,
                  "SELECT scope, sum(cases) FROM stats_open_due "
                  "WHERE scope IN (SELECT value FROM json_each(?1)) AND due_date < ?2 "
                  "GROUP BY scope",
                  keys, civilDateText(today), {}, out, &OfficeFigures::overdue);

    const auto tallies = talliesBy(
        snapshot,
        "SELECT scope, bucket, sum(cases), sum(with_deadline), sum(on_time) FROM stats_duration "
        "WHERE scope IN (SELECT value FROM json_each(?1)) AND procedure_id = '' "
        "AND month BETWEEN ?2 AND ?3 GROUP BY scope, bucket",
        keys, period);
    for (const auto& [code, tally] : tallies) {
        if (const auto it = out.find(code); it != out.end()) {
            it->second.processing = tally.result();
        }
    }
    return out;
}

std::map<std::string, ClerkWorkload> StatsQueries::clerks(const std::string& officeCode,
                                                          const std::string& month) {
    const auto lease = connections_->acquire();
    Snapshot snapshot(lease.db());
    std::map<std::string, ClerkWorkload> out;
    auto open =
        snapshot.prepare("SELECT user_id, cases FROM stats_clerk_open WHERE office_code = ?1");
    open.bind(1, officeCode);
    while (open.step()) {
        out[open.text(0)].openCases = open.int64(1);
    }
    auto filed = snapshot.prepare(
        "SELECT user_id, cases FROM stats_clerk_filed WHERE office_code = ?1 AND month = ?2");
    filed.bind(1, officeCode).bind(2, month);
    while (filed.step()) {
        out[filed.text(0)].filedThisMonth = filed.int64(1);
    }
    return out;
}

std::map<std::string, std::int64_t> StatsQueries::desksLastSeen() {
    const auto lease = connections_->acquire();
    Snapshot snapshot(lease.db());
    auto select =
        snapshot.prepare("SELECT device_id, " +
                         storage::greaterOf(snapshot.db().dialect(), "coalesce(pushed_at_ms, 0)",
                                            "coalesce(pulled_at_ms, 0)") +
                         " FROM stats_desk_sync");
    std::map<std::string, std::int64_t> out;
    while (select.step()) {
        out[select.text(0)] = select.int64(1);
    }
    return out;
}

}  // namespace kep::server::stats
