#include "dashboard/StatsReplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::dashboard {

namespace {

QString textOf(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

std::int64_t countOf(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toInteger();
}

std::optional<double> shareOf(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QDate dateOf(const QJsonValue& v) {
    return QDate::fromString(v.toString(), Qt::ISODate);
}

ProcessingDays processingDaysOf(const QJsonValue& v) {
    const QJsonObject o = v.toObject();
    return {shareOf(o, "median"), shareOf(o, "p90"), countOf(o, "completed")};
}

QMap<QString, std::int64_t> countsOf(const QJsonValue& v) {
    QMap<QString, std::int64_t> counts;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        counts.insert(it.key(), it.value().toInteger());
    }
    return counts;
}

std::optional<QJsonArray> listIn(const QByteArray& body, const char* key) {
    const QJsonValue list = QJsonDocument::fromJson(body).object().value(QLatin1String(key));
    return list.isArray() ? std::optional<QJsonArray>(list.toArray()) : std::nullopt;
}

}  // namespace

std::optional<StatsOverview> readOverview(const QByteArray& body) {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QLatin1String("filed")).isDouble()) {
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    StatsOverview overview;
    const QJsonObject scope = o.value(QLatin1String("scope")).toObject();
    overview.scopeKind = textOf(scope, "kind");
    overview.office = textOf(scope, "office");
    overview.name = textOf(scope, "name");
    overview.region = textOf(scope, "region");
    overview.from = dateOf(scope.value(QLatin1String("from")));
    overview.to = dateOf(scope.value(QLatin1String("to")));
    overview.filed = countOf(o, "filed");
    overview.byStatus = countsOf(o.value(QLatin1String("by_status")));
    overview.byChannel = countsOf(o.value(QLatin1String("by_channel")));
    for (const QJsonValue& d : o.value(QLatin1String("filed_per_day")).toArray()) {
        const QJsonObject day = d.toObject();
        overview.filedPerDay.append(
            {dateOf(day.value(QLatin1String("date"))), countOf(day, "count")});
    }
    overview.backlog = countOf(o, "backlog");
    const QJsonObject deadline = o.value(QLatin1String("deadline")).toObject();
    overview.dueToday = countOf(deadline, "due_today");
    overview.dueThisWeek = countOf(deadline, "due_this_week");
    overview.overdue = countOf(deadline, "overdue");
    overview.processingDays = processingDaysOf(o.value(QLatin1String("processing_days")));
    overview.deadlineCompliance = shareOf(o, "deadline_compliance");
    overview.returnedRate = shareOf(o, "returned_rate");
    overview.rejectedRate = shareOf(o, "rejected_rate");
    overview.onlineShare = shareOf(o, "online_share");
    for (const QJsonValue& hour : o.value(QLatin1String("busiest_hours")).toArray()) {
        overview.busiestHours.append(hour.toInteger());
    }
    return overview;
}

std::optional<QList<ProcedureStats>> readProcedures(const QByteArray& body) {
    const auto list = listIn(body, "procedures");
    if (!list) {
        return std::nullopt;
    }
    QList<ProcedureStats> procedures;
    for (const QJsonValue& v : *list) {
        const QJsonObject p = v.toObject();
        procedures.append({textOf(p, "id"), textOf(p, "title"), textOf(p, "title_en"),
                           countOf(p, "filed"),
                           processingDaysOf(p.value(QLatin1String("processing_days"))),
                           shareOf(p, "deadline_compliance")});
    }
    return procedures;
}

std::optional<QList<OfficeStats>> readOfficeStats(const QByteArray& body) {
    const auto list = listIn(body, "offices");
    if (!list) {
        return std::nullopt;
    }
    QList<OfficeStats> offices;
    for (const QJsonValue& v : *list) {
        const QJsonObject o = v.toObject();
        const QJsonValue lag = o.value(QLatin1String("sync_lag_seconds"));
        offices.append(
            {textOf(o, "code"), textOf(o, "name"), textOf(o, "region"), countOf(o, "filed"),
             countOf(o, "backlog"), countOf(o, "overdue"),
             processingDaysOf(o.value(QLatin1String("processing_days"))),
             shareOf(o, "deadline_compliance"),
             lag.isDouble() ? std::optional<std::int64_t>(lag.toInteger()) : std::nullopt});
    }
    return offices;
}

}  // namespace kep::desk::dashboard
