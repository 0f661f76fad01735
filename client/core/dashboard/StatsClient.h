// The stats API as the dashboards call it through the server link (GET /api/v1/stats/…): the
// overview of an office, a region or the nation, its top or slowest procedures, the offices, and
// an office's monthly report (CSV or PDF) in a language.
#pragma once

#include "admin/AdminReplies.h"
#include "authority/LinkCalls.h"
#include "dashboard/MonthlyReport.h"
#include "dashboard/StatsReplies.h"

#include <QObject>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::dashboard {

// Whose figures: one office (by code), one region (by name), or the nation.
struct StatsScope {
    enum class Kind { Office, Region, National };
    Kind kind = Kind::National;
    QString name;

    static StatsScope office(const QString& code) { return {Kind::Office, code}; }
    static StatsScope region(const QString& name) { return {Kind::Region, name}; }
    friend bool operator==(const StatsScope&, const StatsScope&) = default;
};

enum class ProcedureOrder { Top, Slowest };

class StatsClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kProcedureLimit = 20;

    explicit StatsClient(ServerLink& link, QObject* parent = nullptr);

    // Each for the API's default period, the 30 days that end today.
    void overview(const StatsScope& scope);
    void procedures(const StatsScope& scope, ProcedureOrder order, int limit = kProcedureLimit);
    void offices(const QString& region = {});  // central administration only
    // The report's file as the server made it; answered by monthlyReportReceived or failed,
    // both naming monthlyReportTarget(request).
    void monthlyReport(const MonthlyReportRequest& request);

    // The target of each call, e.g. "/api/v1/stats/overview?region=%CE%91…".
    static QByteArray overviewTarget(const StatsScope& scope);
    static QByteArray proceduresTarget(const StatsScope& scope, ProcedureOrder order, int limit);
    static QByteArray officesTarget(const QString& region);

signals:
    void overviewReceived(const kep::desk::dashboard::StatsScope& scope,
                          const kep::desk::dashboard::StatsOverview& overview);
    void proceduresReceived(const kep::desk::dashboard::StatsScope& scope,
                            kep::desk::dashboard::ProcedureOrder order,
                            const QList<kep::desk::dashboard::ProcedureStats>& procedures);
    void officesReceived(const QString& region,
                         const QList<kep::desk::dashboard::OfficeStats>& offices);
    void monthlyReportReceived(const QByteArray& target, const QByteArray& body);
    // No answer, a refusal, or an answer outside the contract (status 0, code "bad_reply"), to
    // the call of `target`.
    void failed(const QByteArray& target, const kep::desk::admin::AdminFailure& failure);

private:
    template <typename Read, typename Deliver>
    void get(const QByteArray& target, Read read, Deliver deliver);

    kep::desk::authority::LinkCalls calls_;
};

}  // namespace kep::desk::dashboard

Q_DECLARE_METATYPE(kep::desk::dashboard::StatsScope)
