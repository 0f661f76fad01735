#include "dashboard/StatsClient.h"

#include <QUrl>
#include <QUrlQuery>

namespace kep::desk::dashboard {

namespace {

QByteArray withQuery(const char* path, const QUrlQuery& query) {
    QUrl url(QString::fromLatin1(path));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded).toLatin1();
}

QUrlQuery scopeQuery(const StatsScope& scope) {
    QUrlQuery query;
    if (scope.kind == StatsScope::Kind::Office) {
        query.addQueryItem(QStringLiteral("office"), scope.name);
    } else if (scope.kind == StatsScope::Kind::Region) {
        query.addQueryItem(QStringLiteral("region"), scope.name);
    }
    return query;
}

}  // namespace

StatsClient::StatsClient(ServerLink& link, QObject* parent) : QObject(parent), calls_(link) {}

QByteArray StatsClient::overviewTarget(const StatsScope& scope) {
    return withQuery("/api/v1/stats/overview", scopeQuery(scope));
}

QByteArray StatsClient::proceduresTarget(const StatsScope& scope, ProcedureOrder order, int limit) {
    QUrlQuery query = scopeQuery(scope);
    query.addQueryItem(QStringLiteral("order"), order == ProcedureOrder::Top
                                                    ? QStringLiteral("top")
                                                    : QStringLiteral("slowest"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return withQuery("/api/v1/stats/procedures", query);
}

QByteArray StatsClient::officesTarget(const QString& region) {
    QUrlQuery query;
    if (!region.isEmpty()) {
        query.addQueryItem(QStringLiteral("region"), region);
    }
    return withQuery("/api/v1/stats/offices", query);
}

template <typename Read, typename Deliver>
void StatsClient::get(const QByteArray& target, Read read, Deliver deliver) {
    calls_.send("GET", target, {}, [this, target, read, deliver](const ApiReply& reply) {
        if (const auto failure = kep::desk::authority::failureOf(reply)) {
            emit failed(target, *failure);
            return;
        }
        if (auto answer = read(reply.body)) {
            deliver(std::move(*answer));
            return;
        }
        emit failed(target, {0, QStringLiteral("bad_reply"),
                             QStringLiteral("The server's statistics could not be read.")});
    });
}

void StatsClient::overview(const StatsScope& scope) {
    get(overviewTarget(scope), readOverview,
        [this, scope](const StatsOverview& answer) { emit overviewReceived(scope, answer); });
}

void StatsClient::procedures(const StatsScope& scope, ProcedureOrder order, int limit) {
    get(proceduresTarget(scope, order, limit), readProcedures,
        [this, scope, order](const QList<ProcedureStats>& answer) {
            emit proceduresReceived(scope, order, answer);
        });
}

void StatsClient::offices(const QString& region) {
    get(officesTarget(region), readOfficeStats,
        [this, region](const QList<OfficeStats>& answer) { emit officesReceived(region, answer); });
}

void StatsClient::monthlyReport(const MonthlyReportRequest& request) {
    const QByteArray target = monthlyReportTarget(request);
    const ReportFormat format = request.format;
    calls_.send("GET", target, {}, [this, target, format](const ApiReply& reply) {
        if (const auto failure = kep::desk::authority::failureOf(reply)) {
            emit failed(target, *failure);
        } else if (!isReportBody(reply.body, format)) {
            emit failed(target, {0, QStringLiteral("bad_reply"),
                                 QStringLiteral("The server's report could not be read.")});
        } else {
            emit monthlyReportReceived(target, reply.body);
        }
    });
}

}  // namespace kep::desk::dashboard
