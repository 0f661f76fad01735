// Procedure feedback and citizens' satisfaction against a real kep-server over TLS: a desk sends
// a clerk's flag on a catalogue entry (once, however often it retries), the central
// administration lists it per procedure and closes it; ratings given at delivery reach the
// office's, the procedure's and the nation's figures through the satisfaction job.
#include "SyncTestKit.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::jsonOf;
using kep::test::pollJson;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr char kFlagId[] = "0190a3c2-7d1e-7000-8000-00000000f1a9";

std::string json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

class tst_FeedbackRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> athens_;
    std::optional<SyncDesk> thess_;
    std::optional<kep::cases::Actor> clerk_;
    std::string centralToken_;
    std::string managerToken_;
    std::string clerkToken_;

    kep::net::Response post(SyncDesk& desk, const std::string& token, const QString& path,
                            const QJsonObject& body) {
        return desk.client->request("POST", path.toStdString(), json(body), "application/json",
                                    token.empty() ? kep::test::Headers{} : bearer(token));
    }

    kep::net::Response get(const std::string& token, const QString& path) {
        return athens_->client->request("GET", path.toStdString(), {}, {}, bearer(token));
    }

    QJsonObject flag(const QString& kind, const QString& text, const QString& id = kFlagId) {
        return {{"id", id},
                {"kind", kind},
                {"text", text},
                {"user", QString::fromStdString(clerk_->id)},
                {"flaggedAt", "2026-03-02T10:00:00Z"}};
    }

    // Pushes one op and checks it was applied.
    bool push(kep::sync::OutboxOp op) {
        const auto pushed = athens_->transport->push(athens_->batch({std::move(op)}));
        const auto* response = std::get_if<kep::sync::PushResponse>(&pushed);
        return response && response->results.size() == 1 &&
               response->results.front().outcome == kep::sync::OpOutcome::Applied;
    }

    // A case of procedure `procedure` rated `rating` (with `comment`) at delivery: its create,
    // then the set_fields op the desk queues with the deliver step.
    std::string ratedCase(const std::string& procedure, int rating, const QString& comment) {
        auto create = athens_->newCase(*clerk_);
        create.fields["procedure_id"] = procedure;
        const auto id = create.entity.id;
        if (!push(std::move(create)) || !rate(id, 1, rating, comment)) {
            return {};
        }
        return id;
    }

    bool rate(const std::string& caseId, std::int64_t version, int rating, const QString& comment) {
        auto op = athens_->ops->setFields(
            {"case", caseId}, athens_->bucket(), *clerk_, version,
            {{"satisfaction", json(QJsonObject{{"rating", rating}, {"comment", comment}})}});
        op.deviceSeq = athens_->nextSeq++;
        return push(std::move(op));
    }

    // The office's figures once the job has counted `rated` ratings (it runs every second).
    QJsonObject officeFiguresOnceRated(int rated) {
        return pollJson(
            [this] { return jsonOf(get(managerToken_, "/api/v1/stats/satisfaction?office=0101")); },
            [rated](const QJsonObject& body) { return body.value("rated").toInt() >= rated; });
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&athens_, "0101"}, {&thess_, "0202"}}),
                 qPrintable(kit_->errorString()));
        clerk_ = kit_->actor(*athens_, "clerk");
        QVERIFY2(clerk_, qPrintable(kit_->errorString()));
        auto& identity = kit_->identity();
        const auto central =
            identity.signIn(*athens_->client, "central", identity.account("central").password);
        const auto manager =
            identity.signIn(*athens_->client, "manager", identity.account("manager").password);
        const auto clerk =
            identity.signIn(*athens_->client, "clerk", identity.account("clerk").password);
        QVERIFY2(central && manager && clerk, qPrintable(identity.errorString()));
        centralToken_ = *central;
        managerToken_ = *manager;
        clerkToken_ = *clerk;
    }

    // A flag is stored once however often the desk sends it, then closed with a note.
    void flagOpenThenClosed() {
        const QString path = "/api/v1/catalogue/procedures/900002/feedback";
        const auto body = flag("outdated_fee", QString::fromUtf8("Το παράβολο είναι πλέον 175 €."));
        const auto first = post(*athens_, {}, path, body);
        QCOMPARE(first.status, 201);
        QCOMPARE(jsonOf(first).value("flag").toObject().value("state").toString(), QString("open"));
        QCOMPARE(post(*athens_, {}, path, body).status, 201);  // a retry after a lost answer
        // The same id for another procedure is another flag's: refused, not overwritten.
        QCOMPARE(post(*athens_, {}, "/api/v1/catalogue/procedures/900003/feedback", body).status,
                 409);

        const auto listed = get(centralToken_, "/api/v1/catalogue/feedback?state=open");
        QCOMPARE(listed.status, 200);
        const auto procedures = jsonOf(listed).value("procedures").toArray();
        QCOMPARE(procedures.size(), 1);
        QCOMPARE(procedures[0].toObject().value("id").toString(), QString("900002"));
        const auto flags = procedures[0].toObject().value("flags").toArray();
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags[0].toObject().value("office").toString(), QString("0101"));
        QCOMPARE(flags[0].toObject().value("kind").toString(), QString("outdated_fee"));

        const QString close = QString("/api/v1/catalogue/feedback/") + kFlagId + "/close";
        const auto closed = post(*athens_, centralToken_, close,
                                 QJsonObject{{"note", QString::fromUtf8("Διορθώθηκε.")}});
        QCOMPARE(closed.status, 200);
        const auto shown = jsonOf(closed).value("flag").toObject();
        QCOMPARE(shown.value("state").toString(), QString("closed"));
        QCOMPARE(shown.value("note").toString(), QString::fromUtf8("Διορθώθηκε."));
        QCOMPARE(post(*athens_, centralToken_, close, QJsonObject{{"note", "again"}}).status, 409);
        QVERIFY(jsonOf(get(centralToken_, "/api/v1/catalogue/feedback?state=open"))
                    .value("procedures")
                    .toArray()
                    .isEmpty());
        QCOMPARE(jsonOf(get(centralToken_, "/api/v1/catalogue/feedback?state=closed"))
                     .value("procedures")
                     .toArray()
                     .size(),
                 1);
        // Only the central administration reviews flags.
        QCOMPARE(get(managerToken_, "/api/v1/catalogue/feedback").status, 403);
        QCOMPARE(post(*athens_, managerToken_, close, QJsonObject{{"note", "x"}}).status, 403);
    }

    void badFlagsAreRefused_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        auto other = flag("other", "   ", "0190a3c2-7d1e-7000-8000-00000000f1b0");
        auto kind = flag("typo", "x", "0190a3c2-7d1e-7000-8000-00000000f1b1");
        auto notUuid = flag("other", "x", "flag-1");
        auto stranger = flag("other", "x", "0190a3c2-7d1e-7000-8000-00000000f1b2");
        stranger["user"] = "0190a3c2-7d1e-7000-8000-0000000000aa";
        QTest::newRow("other without text") << other << 400 << "invalid_field";
        QTest::newRow("unknown kind") << kind << 400 << "invalid_field";
        QTest::newRow("id not a UUID") << notUuid << 400 << "invalid_field";
        QTest::newRow("not a user of the office") << stranger << 403 << "actor_forbidden";
    }

    void badFlagsAreRefused() {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto answer =
            post(*athens_, {}, "/api/v1/catalogue/procedures/900002/feedback", body);
        QCOMPARE(answer.status, status);
        QCOMPARE(errorCodeOf(answer), code);
    }

    // Ratings reach the figures; a rating given again replaces the first.
    void satisfactionFigures() {
        const auto first = ratedCase("sat-proc", 5, QString::fromUtf8("Άψογη εξυπηρέτηση"));
        const auto second = ratedCase("sat-proc", 3, {});
        const auto third = ratedCase("sat-other", 2, {});
        QVERIFY(!first.empty() && !second.empty() && !third.empty());
        QVERIFY(rate(first, 2, 4, QString::fromUtf8("Καλή εξυπηρέτηση")));

        auto office = officeFiguresOnceRated(3);
        // The re-rating may land a beat after the others: wait for it too.
        QElapsedTimer timer;
        timer.start();
        while (office.value("distribution").toObject().value("4").toInt() != 1 &&
               timer.elapsed() < 15'000) {
            QThread::msleep(100);
            office = officeFiguresOnceRated(3);
        }
        QCOMPARE(office.value("rated").toInt(), 3);
        QCOMPARE(office.value("average").toDouble(), 3.0);
        const auto distribution = office.value("distribution").toObject();
        QCOMPARE(distribution.value("5").toInt(), 0);
        QCOMPARE(distribution.value("4").toInt(), 1);
        QCOMPARE(distribution.value("3").toInt(), 1);
        QCOMPARE(distribution.value("2").toInt(), 1);
        const auto procedures = office.value("procedures").toArray();
        QCOMPARE(procedures.size(), 2);
        QCOMPARE(procedures[0].toObject().value("id").toString(), QString("sat-proc"));
        QCOMPARE(procedures[0].toObject().value("average").toDouble(), 3.5);
        const auto comments = office.value("comments").toArray();
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments[0].toObject().value("comment").toString(),
                 QString::fromUtf8("Καλή εξυπηρέτηση"));

        const auto procedure =
            jsonOf(get(centralToken_, "/api/v1/stats/satisfaction?procedure=sat-proc"));
        QCOMPARE(procedure.value("scope").toObject().value("kind").toString(), QString("national"));
        QCOMPARE(procedure.value("rated").toInt(), 2);
        const auto nation = jsonOf(get(centralToken_, "/api/v1/stats/satisfaction"));
        QCOMPARE(nation.value("rated").toInt(), 3);
        QVERIFY(!nation.contains("comments"));
        const auto empty = jsonOf(get(centralToken_, "/api/v1/stats/satisfaction?office=0202"));
        QCOMPARE(empty.value("rated").toInt(), 0);
        QVERIFY(empty.value("average").isNull());
    }

    void satisfactionAccess_data() {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::newRow("manager, own office") << "manager"
                                             << "?office=0101" << 200;
        QTest::newRow("manager, other office") << "manager"
                                               << "?office=0202" << 403;
        QTest::newRow("manager, the nation") << "manager"
                                             << "" << 403;
        QTest::newRow("clerk") << "clerk"
                               << "?office=0101" << 403;
        QTest::newRow("central, an office") << "central"
                                            << "?office=0202" << 200;
        QTest::newRow("bad date") << "central"
                                  << "?from=2026-02-30" << 400;
        QTest::newRow("unknown office") << "central"
                                        << "?office=9999" << 404;
    }

    void satisfactionAccess() {
        QFETCH(QString, who);
        QFETCH(QString, query);
        QFETCH(int, status);
        const auto& token = who == "manager" ? managerToken_
                            : who == "clerk" ? clerkToken_
                                             : centralToken_;
        QCOMPARE(get(token, "/api/v1/stats/satisfaction" + query).status, status);
    }
};

QTEST_GUILESS_MAIN(tst_FeedbackRoutes)
#include "tst_feedback_routes.moc"
