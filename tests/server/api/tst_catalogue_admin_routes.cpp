// The central administration's catalogue routes on a real kep-server over TLS, signed in as the
// demo central administrator at an enrolled workstation: a fee changed in a draft is listed with
// its difference, bad input is refused naming the field and writes nothing, publishing some or
// all reaches the public routes and the changes feed, and the options take a procedure off the
// desks and back. Who may call them at all is tst_route_policy's.
#include "IdentityTestKit.h"
#include "SampleCatalogue.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

class tst_CatalogueAdminRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    std::unique_ptr<kep::net::HttpsClient> desk_;
    std::string central_;
    std::string clerk_;

    kep::net::Response call(const QString& method, const QString& target,
                            const QByteArray& body = {}, const std::string& token = {}) {
        return desk_->request(method.toStdString(), target.toStdString(), body.toStdString(),
                              body.isEmpty() ? std::string() : "application/json",
                              bearer(token.empty() ? central_ : token));
    }

    QJsonObject publicRecord(const QString& id) {
        return jsonOf(
            kit_->anonymousClient()->get("/api/v1/catalogue/procedures/" + id.toStdString()));
    }

    // The feed's entry for `id` after `since`, or an empty object.
    QJsonObject feedEntry(qint64 since, const QString& id) {
        const auto answer = jsonOf(kit_->anonymousClient()->get("/api/v1/catalogue/changes?since=" +
                                                                std::to_string(since)));
        for (const auto& change : answer["changes"].toArray()) {
            if (change.toObject()["id"].toString() == id) {
                return change.toObject();
            }
        }
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        const auto workstation = kit_->enrol(kit_->takeDemoCode("0101"), "catalogue-desk");
        QVERIFY2(workstation, qPrintable(kit_->errorString()));
        desk_ = kit_->clientFor(*workstation);
        const auto central = kit_->signIn(*desk_, "central", kit_->account("central").password);
        const auto clerk = kit_->signIn(*desk_, "clerk", kit_->account("clerk").password);
        QVERIFY2(central && clerk, qPrintable(kit_->errorString()));
        central_ = *central;
        clerk_ = *clerk;

        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        QCOMPARE(kit_->command({"import-mitos", changed.path() + "/el", changed.path() + "/en"}),
                 0);
    }

    void draftsShowTheFeeDifference() {
        const auto response = call("GET", "/api/v1/admin/catalogue/drafts?lang=en");
        QCOMPARE(response.status, 200);
        const auto body = jsonOf(response);
        QCOMPARE(body["total"].toInt(), 1);
        const auto draft = body["drafts"].toArray()[0].toObject();
        QCOMPARE(draft["id"].toString(), QStringLiteral("900002"));
        QCOMPARE(draft["publishedVersion"].toInt(), 1);
        QCOMPARE(draft["draftVersion"].toInt(), 2);
        QVERIFY(!draft["title"].toObject()["el"].toString().isEmpty());
        QVERIFY(draft["kep"].toObject()["offeredAtKep"].toBool());
        QVERIFY2(draft["summary"].toString().contains("evidence_cost_min 150 → 175"),
                 qPrintable(draft["summary"].toString()));
        const auto sections = draft["changes"].toArray();
        QCOMPARE(sections.size(), 1);
        QCOMPARE(sections[0].toObject()["section"].toString(), QStringLiteral("fees"));
        const auto change = sections[0].toObject()["changes"].toArray()[0].toObject();
        QCOMPARE(change["kind"].toString(), QStringLiteral("changed"));
        const auto field = change["fields"].toArray()[0].toObject();
        QCOMPARE(field["field"].toString(), QStringLiteral("evidence_cost_min"));
        QCOMPARE(field["before"].toString(), QStringLiteral("150"));
        QCOMPARE(field["after"].toString(), QStringLiteral("175"));
        // Paged: past the end is an empty page with the same total.
        const auto past = jsonOf(call("GET", "/api/v1/admin/catalogue/drafts?offset=1&limit=5"));
        QCOMPARE(past["drafts"].toArray().size(), 0);
        QCOMPARE(past["total"].toInt(), 1);
    }

    void aClerkIsRefused() {
        QCOMPARE(call("GET", "/api/v1/admin/catalogue/drafts", {}, clerk_).status, 403);
        QCOMPARE(call("POST", "/api/v1/admin/catalogue/publish", R"({"all":true})", clerk_).status,
                 403);
    }

    void badInputNamesTheFieldAndWritesNothing_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("named");
        const QString drafts = "/api/v1/admin/catalogue/drafts";
        const QString publish = "/api/v1/admin/catalogue/publish";
        const QString options = "/api/v1/admin/catalogue/procedures/900001/options";
        const QByteArray longId = "\"" + QByteArray(65, '7') + "\"";
        QTest::newRow("limit 0") << "GET" << drafts + "?limit=0" << QByteArray() << 400
                                 << "invalid_query"
                                 << "'limit'";
        QTest::newRow("limit 101")
            << "GET" << drafts + "?limit=101" << QByteArray() << 400 << "invalid_query"
            << "'limit'";
        QTest::newRow("offset negative")
            << "GET" << drafts + "?offset=-1" << QByteArray() << 400 << "invalid_query"
            << "'offset'";
        QTest::newRow("lang fr") << "GET" << drafts + "?lang=fr" << QByteArray() << 400
                                 << "invalid_query"
                                 << "'lang'";
        QTest::newRow("publish nothing")
            << "POST" << publish << QByteArray("{}") << 400 << "invalid_body"
            << "'ids'";
        QTest::newRow("publish ids and all")
            << "POST" << publish << QByteArray(R"({"ids":["900002"],"all":true})") << 400
            << "invalid_body"
            << "'all'";
        QTest::newRow("all false")
            << "POST" << publish << QByteArray(R"({"all":false})") << 400 << "invalid_field"
            << "'all'";
        QTest::newRow("ids empty")
            << "POST" << publish << QByteArray(R"({"ids":[]})") << 400 << "invalid_field"
            << "'ids'";
        QTest::newRow("ids not strings")
            << "POST" << publish << QByteArray(R"({"ids":[900002]})") << 400 << "invalid_field"
            << "'ids'";
        QTest::newRow("id too long")
            << "POST" << publish << QByteArray("{\"ids\":[" + longId + "]}") << 400
            << "invalid_field"
            << "'ids'";
        QTest::newRow("one id without a draft")
            << "POST" << publish << QByteArray(R"({"ids":["900002","900001"]})") << 400
            << "invalid_field"
            << "900001";
        QTest::newRow("not json") << "POST" << publish << QByteArray("{ids") << 400
                                  << "malformed_json"
                                  << "byte";
        QTest::newRow("no option") << "PUT" << options << QByteArray("{}") << 400 << "invalid_body"
                                   << "'offeredAtKep'";
        QTest::newRow("offered as text")
            << "PUT" << options << QByteArray(R"({"offeredAtKep":"no"})") << 400 << "invalid_field"
            << "'offeredAtKep'";
        QTest::newRow("approval as number")
            << "PUT" << options << QByteArray(R"({"requiresApproval":1})") << 400 << "invalid_field"
            << "'requiresApproval'";
        QTest::newRow("authority as number")
            << "PUT" << options << QByteArray(R"({"competentAuthorityId":42})") << 400
            << "invalid_field"
            << "'competentAuthorityId'";
        QTest::newRow("authority too long")
            << "PUT" << options << QByteArray("{\"competentAuthorityId\":" + longId + "}") << 400
            << "invalid_field"
            << "'competentAuthorityId'";
        QTest::newRow("unknown procedure")
            << "PUT"
            << "/api/v1/admin/catalogue/procedures/999999/options"
            << QByteArray(R"({"offeredAtKep":true})") << 404 << "not_found"
            << "procedure";
    }
    void badInputNamesTheFieldAndWritesNothing() {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, named);
        const auto seqBefore = publicRecord("900001")["changeSeq"].toInteger();
        const auto response = call(method, target, body);
        QCOMPARE(response.status, status);
        QCOMPARE(errorCodeOf(response), code);
        const auto message = jsonOf(response)["error"].toObject()["message"].toString();
        QVERIFY2(message.contains(named), qPrintable(message));
        QCOMPARE(publicRecord("900002")["version"].toInt(), 1);
        QCOMPARE(publicRecord("900001")["changeSeq"].toInteger(), seqBefore);
    }

    void publishingTheSelectedDraftReachesThePublicRoutes() {
        const auto seqBefore = publicRecord("900002")["changeSeq"].toInteger();
        const auto response =
            call("POST", "/api/v1/admin/catalogue/publish", R"({"ids":["900002","900002"]})");
        QCOMPARE(response.status, 200);
        const auto body = jsonOf(response);
        QCOMPARE(body["published"].toInt(), 1);
        const auto record = publicRecord("900002");
        QCOMPARE(record["version"].toInt(), 2);
        QCOMPARE(kep::test::firstFeeOf(record), 175.0);
        QCOMPARE(record["changeSeq"].toInteger(), body["catalogueSeq"].toInteger());
        QCOMPARE(feedEntry(seqBefore, "900002")["version"].toInt(), 2);
        QCOMPARE(jsonOf(call("GET", "/api/v1/admin/catalogue/drafts"))["total"].toInt(), 0);
        // Nothing left: publishing all publishes nothing and keeps the sequence.
        const auto all = jsonOf(call("POST", "/api/v1/admin/catalogue/publish", R"({"all":true})"));
        QCOMPARE(all["published"].toInt(), 0);
        QCOMPARE(all["catalogueSeq"].toInteger(), body["catalogueSeq"].toInteger());
    }

    void optionsTakeAProcedureOffTheDesksAndBack() {
        const QString target = "/api/v1/admin/catalogue/procedures/900004/options";
        const auto seqBefore = publicRecord("900004")["changeSeq"].toInteger();
        auto response =
            call("PUT", target, R"({"offeredAtKep":false,"competentAuthorityId":"AUTH-0042"})");
        QCOMPARE(response.status, 200);
        auto kep = jsonOf(response)["kep"].toObject();
        QVERIFY(!kep["offeredAtKep"].toBool());
        QVERIFY(kep["requiresApproval"].toBool());  // untouched
        QCOMPARE(kep["competentAuthorityId"].toString(), QStringLiteral("AUTH-0042"));
        const auto withdrawn = feedEntry(seqBefore, "900004");
        QVERIFY(withdrawn["removed"].toBool());
        QVERIFY(!withdrawn.contains("record"));

        response = call("PUT", target, R"({"offeredAtKep":true,"competentAuthorityId":null})");
        QCOMPARE(response.status, 200);
        kep = jsonOf(response)["kep"].toObject();
        QVERIFY(kep["offeredAtKep"].toBool());
        QVERIFY(kep["competentAuthorityId"].isNull());
        const auto back = feedEntry(withdrawn["seq"].toInteger(), "900004");
        QCOMPARE(back["record"].toObject()["kep"].toObject()["offeredAtKep"].toBool(), true);
        QCOMPARE(back["seq"].toInteger(), jsonOf(response)["catalogueSeq"].toInteger());
    }

    void cleanupTestCase() {
        desk_.reset();
        QCOMPARE(server_.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogueAdminRoutes)
#include "tst_catalogue_admin_routes.moc"
