// The statistics routes against a real kep-server over TLS: cases pushed through sync reach the
// aggregates by the stats job, and the figures are answered to whom the policy lets see them —
// the office's manager, the central administration nationally — and refused (403) to a clerk
// and to another office's manager; bad parameters are answered 400 naming the parameter.
#include "SyncTestKit.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::jsonOf;
using kep::test::pollJson;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr char kManagerThessPassword[] = "Stats routes test passphrase";

QString greekToday() {
    // Athens is UTC+2, or UTC+3 in summer: the date there is what the server keys days by.
    const auto utc = QDateTime::currentDateTimeUtc();
    const auto local = utc.toTimeZone(QTimeZone("Europe/Athens"));
    return local.date().toString(Qt::ISODate);
}

}  // namespace

class tst_StatsRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> athens_;  // a desk of office 0101
    std::optional<SyncDesk> thess_;   // a desk of office 0202
    std::string managerToken_;        // 0101's manager, at an Athens desk
    std::string managerThessToken_;   // 0202's manager, at a Thessaloniki desk
    std::string clerkToken_;
    std::string centralToken_;

    kep::net::Response get(SyncDesk& desk, const std::string& token, const QString& path) {
        return desk.client->request("GET", path.toStdString(), {}, {}, bearer(token));
    }

    std::optional<std::string> signIn(SyncDesk& desk, const QString& username,
                                      const QString& password) {
        return kit_->identity().signIn(*desk.client, username, password);
    }

    // Files a case at the Athens desk, as the desk files it: submitted, with its due date and
    // channel.
    kep::sync::OutboxOp filing(const kep::cases::Actor& clerk, const std::string& channel,
                               const std::string& due) {
        auto op = athens_->newCase(clerk);
        op.fields["status"] = "submitted";
        op.fields["requires_approval"] = "false";
        op.fields["procedure_id"] = "stats-test-procedure";
        op.fields["channel"] = channel;
        op.fields["due_date"] = due;
        return op;
    }

    // The 0101 overview, once the stats job has counted `filed` cases (it runs every second).
    QJsonObject overviewOnceFiled(int filed) {
        return pollJson(
            [this] {
                return jsonOf(get(*athens_, managerToken_, "/api/v1/stats/overview?office=0101"));
            },
            [filed](const QJsonObject& body) { return body.value("filed").toInt() >= filed; });
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&athens_, "0101"}, {&thess_, "0202"}}),
                 qPrintable(kit_->errorString()));

        // A manager for 0202, made by the central administration through the admin tool.
        auto admin = kit_->identity().adminToolClient();
        const auto adminToken =
            kit_->identity().signIn(*admin, "admin", ServerProcess::kAdminPassword);
        QVERIFY2(adminToken, qPrintable(kit_->errorString()));
        const QJsonObject manager{{"username", "manager.thess"},
                                  {"displayName", QString::fromUtf8("Μαρία Παπαδοπούλου")},
                                  {"role", "manager"},
                                  {"office", "0202"},
                                  {"password", kManagerThessPassword}};
        QCOMPARE(admin
                     ->request("POST", "/api/v1/users",
                               QJsonDocument(manager).toJson(QJsonDocument::Compact).toStdString(),
                               "application/json", bearer(*adminToken))
                     .status,
                 201);

        const auto& identity = kit_->identity();
        const auto managerToken = signIn(*athens_, "manager", identity.account("manager").password);
        const auto clerkToken = signIn(*athens_, "clerk", identity.account("clerk").password);
        const auto centralToken = signIn(*athens_, "central", identity.account("central").password);
        const auto managerThessToken = signIn(*thess_, "manager.thess", kManagerThessPassword);
        QVERIFY2(managerToken && clerkToken && centralToken && managerThessToken,
                 qPrintable(kit_->errorString()));
        managerToken_ = *managerToken;
        clerkToken_ = *clerkToken;
        centralToken_ = *centralToken;
        managerThessToken_ = *managerThessToken;
    }

    // Cases pushed through sync are counted by the stats job within seconds, for the office's
    // manager and for the nation.
    void pushedCasesReachTheFigures() {
        auto clerk = kit_->actor(*athens_, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        const auto today = greekToday().toStdString();
        const auto pushed = athens_->transport->push(athens_->batch(
            {filing(*clerk, "counter", today), filing(*clerk, "counter", "2020-01-02"),
             filing(*clerk, "remote", "2099-12-31")}));
        QVERIFY(std::holds_alternative<kep::sync::PushResponse>(pushed));
        for (const auto& result : std::get<kep::sync::PushResponse>(pushed).results) {
            QCOMPARE(int(result.outcome), int(kep::sync::OpOutcome::Applied));
        }

        const auto office = overviewOnceFiled(3);
        QCOMPARE(office.value("filed").toInt(), 3);
        QCOMPARE(office.value("scope").toObject().value("kind").toString(), QString("office"));
        QCOMPARE(office.value("scope").toObject().value("to").toString(), greekToday());
        QCOMPARE(office.value("by_channel").toObject().value("counter").toInt(), 2);
        QCOMPARE(office.value("by_channel").toObject().value("remote").toInt(), 1);
        QCOMPARE(office.value("by_status").toObject().value("submitted").toInt(), 3);
        QCOMPARE(office.value("backlog").toInt(), 3);
        const auto deadline = office.value("deadline").toObject();
        QCOMPARE(deadline.value("due_today").toInt(), 1);
        QCOMPARE(deadline.value("overdue").toInt(), 1);
        QCOMPARE(deadline.value("due_this_week").toInt(), 0);
        const auto perDay = office.value("filed_per_day").toArray();
        QCOMPARE(perDay.size(), 30);
        QCOMPARE(perDay.last().toObject().value("count").toInt(), 3);
        QCOMPARE(office.value("busiest_hours").toArray().size(), 24);
        QCOMPARE(office.value("online_share").toDouble(), 0.0);
        QVERIFY(office.value("processing_days").toObject().value("median").isNull());

        const auto nation = jsonOf(get(*athens_, centralToken_, "/api/v1/stats/overview"));
        QCOMPARE(nation.value("scope").toObject().value("kind").toString(), QString("national"));
        QCOMPARE(nation.value("filed").toInt(), 3);

        const auto region = QString::fromUtf8(QUrl::toPercentEncoding(QString::fromUtf8("Αττική")));
        const auto attica =
            jsonOf(get(*athens_, centralToken_, "/api/v1/stats/overview?region=" + region));
        QCOMPARE(attica.value("scope").toObject().value("kind").toString(), QString("region"));
        QCOMPARE(attica.value("filed").toInt(), 3);

        const auto top = jsonOf(
            get(*athens_, managerToken_, "/api/v1/stats/procedures?office=0101&order=top&limit=5"));
        const auto procedures = top.value("procedures").toArray();
        QCOMPARE(procedures.size(), 1);
        QCOMPARE(procedures[0].toObject().value("id").toString(), QString("stats-test-procedure"));
        QCOMPARE(procedures[0].toObject().value("filed").toInt(), 3);
    }

    // The offices side by side with their desks' sync lag (the Athens desk pushed; no desk of
    // Crete ever synced), and the clerks' workload for their own manager.
    void officesAndClerks() {
        const auto listed = jsonOf(get(*athens_, centralToken_, "/api/v1/stats/offices"));
        std::map<QString, QJsonObject> offices;
        for (const auto& each : listed.value("offices").toArray()) {
            offices[each.toObject().value("code").toString()] = each.toObject();
        }
        QCOMPARE(offices.size(), std::size_t{3});
        QCOMPARE(offices.at("0101").value("filed").toInt(), 3);
        QCOMPARE(offices.at("0101").value("overdue").toInt(), 1);
        QVERIFY(offices.at("0101").value("sync_lag_seconds").isDouble());
        QVERIFY(offices.at("0101").value("sync_lag_seconds").toDouble() < 60);
        QVERIFY(offices.at("0303").value("sync_lag_seconds").isNull());
        QCOMPARE(offices.at("0202").value("name").toString(),
                 QString::fromUtf8("ΚΕΠ Δήμου Θεσσαλονίκης"));

        const auto clerks =
            jsonOf(get(*athens_, managerToken_, "/api/v1/stats/clerks?office=0101"));
        const auto people = clerks.value("clerks").toArray();
        QCOMPARE(people.size(), 2);  // the clerk and the manager, alphabetically
        QCOMPARE(people[0].toObject().value("display_name").toString(),
                 QString::fromUtf8("Ελένη Δημητρίου"));
        QCOMPARE(people[0].toObject().value("open_cases").toInt(), 3);
        QCOMPARE(people[0].toObject().value("filed_this_month").toInt(), 3);
        QCOMPARE(people[1].toObject().value("open_cases").toInt(), 0);
    }

    void whoMaySee_data() {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("manager, own office") << "manager"
                                             << "/api/v1/stats/overview?office=0101" << 200;
        QTest::newRow("manager, the nation") << "manager"
                                             << "/api/v1/stats/overview" << 403;
        QTest::newRow("manager, offices") << "manager"
                                          << "/api/v1/stats/offices" << 403;
        QTest::newRow("another office's manager") << "manager.thess"
                                                  << "/api/v1/stats/overview?office=0101" << 403;
        QTest::newRow("another office's manager, procedures")
            << "manager.thess"
            << "/api/v1/stats/procedures?office=0101" << 403;
        QTest::newRow("another office's manager, clerks")
            << "manager.thess"
            << "/api/v1/stats/clerks?office=0101" << 403;
        QTest::newRow("own office's clerks") << "manager.thess"
                                             << "/api/v1/stats/clerks?office=0202" << 200;
        QTest::newRow("clerk") << "clerk"
                               << "/api/v1/stats/overview?office=0101" << 403;
        QTest::newRow("clerk, clerks") << "clerk"
                                       << "/api/v1/stats/clerks?office=0101" << 403;
        QTest::newRow("central, an office") << "central"
                                            << "/api/v1/stats/overview?office=0202" << 200;
        QTest::newRow("central, clerks: not for ranking from afar")
            << "central"
            << "/api/v1/stats/clerks?office=0101" << 403;
        QTest::newRow("central, unknown office") << "central"
                                                 << "/api/v1/stats/overview?office=9999" << 404;
    }
    void whoMaySee() {
        QFETCH(QString, who);
        QFETCH(QString, path);
        QFETCH(int, status);
        const bool thess = who == "manager.thess";
        const auto& token = who == "manager" ? managerToken_
                            : thess          ? managerThessToken_
                            : who == "clerk" ? clerkToken_
                                             : centralToken_;
        const auto answer = get(thess ? *thess_ : *athens_, token, path);
        QCOMPARE(answer.status, status);
        if (status == 403) {
            QCOMPARE(errorCodeOf(answer), QString("forbidden"));
        }
    }

    void badParametersAreNamed_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("not a date") << "overview?from=2026-13-01"
                                    << "'from'";
        QTest::newRow("from after to") << "overview?from=2026-03-02&to=2026-03-01"
                                       << "'from'";
        QTest::newRow("over a year") << "overview?from=2024-01-01&to=2026-01-01"
                                     << "'from'";
        QTest::newRow("office and region") << "overview?office=0101&region=x"
                                           << "'region'";
        QTest::newRow("order") << "procedures?order=fastest"
                               << "'order'";
        QTest::newRow("limit") << "procedures?limit=0"
                               << "'limit'";
        QTest::newRow("offices: to") << "offices?to=yesterday"
                                     << "'to'";
    }
    void badParametersAreNamed() {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const auto answer = get(*athens_, centralToken_, "/api/v1/stats/" + query);
        QCOMPARE(answer.status, 400);
        QCOMPARE(errorCodeOf(answer), QString("invalid_query"));
        const auto message = jsonOf(answer).value("error").toObject().value("message").toString();
        QVERIFY2(message.contains(parameter), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(tst_StatsRoutes)
#include "tst_stats_routes.moc"
