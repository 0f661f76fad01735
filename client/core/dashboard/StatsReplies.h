// The stats API's answers as the dashboards read them (docs/api.md, "Statistics"): an office's,
// a region's or the nation's overview, the top and slowest procedures, and every office's row.
#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace kep::desk::dashboard {

// Filing to completion, in days; null when no case was completed in the period's months.
struct ProcessingDays {
    std::optional<double> median;
    std::optional<double> p90;
    std::int64_t completed = 0;
};

struct StatsOverview {
    QString scopeKind;  // office, region, national
    QString office;
    QString name;
    QString region;
    QDate from;
    QDate to;
    std::int64_t filed = 0;
    QMap<QString, std::int64_t> byStatus;   // status code → cases now
    QMap<QString, std::int64_t> byChannel;  // counter, remote, govgr, eugo
    QList<QPair<QDate, std::int64_t>> filedPerDay;
    std::int64_t backlog = 0;
    std::int64_t dueToday = 0;
    std::int64_t dueThisWeek = 0;
    std::int64_t overdue = 0;
    ProcessingDays processingDays;
    // Shares 0..1; null when there is nothing to divide.
    std::optional<double> deadlineCompliance;
    std::optional<double> returnedRate;
    std::optional<double> rejectedRate;
    std::optional<double> onlineShare;
    QList<std::int64_t> busiestHours;  // 24 counts, hour 0 first
};

struct ProcedureStats {
    QString id;
    QString title;    // Greek; "" when not in the published catalogue
    QString titleEn;  // English; "" when none
    std::int64_t filed = 0;
    ProcessingDays processingDays;
    std::optional<double> deadlineCompliance;
};

struct OfficeStats {
    QString code;
    QString name;
    QString region;
    std::int64_t filed = 0;
    std::int64_t backlog = 0;
    std::int64_t overdue = 0;
    ProcessingDays processingDays;
    std::optional<double> deadlineCompliance;
    // Seconds since the office's slowest desk last pushed or pulled; null when none ever has.
    std::optional<std::int64_t> syncLagSeconds;
};

// nullopt: not the contract's shape (not an object, or a required list missing).
std::optional<StatsOverview> readOverview(const QByteArray& body);
std::optional<QList<ProcedureStats>> readProcedures(const QByteArray& body);
std::optional<QList<OfficeStats>> readOfficeStats(const QByteArray& body);

}  // namespace kep::desk::dashboard

Q_DECLARE_METATYPE(kep::desk::dashboard::StatsOverview)
Q_DECLARE_METATYPE(kep::desk::dashboard::ProcedureStats)
Q_DECLARE_METATYPE(kep::desk::dashboard::OfficeStats)
