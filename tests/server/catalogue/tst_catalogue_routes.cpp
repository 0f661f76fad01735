// The public catalogue routes of a real kep-server over TLS, and the catalogue commands run
// against its data folder while it serves: search, one procedure, the changes feed, bad
// parameters, exit statuses, and a fee change published by the CLI that the running server
// shows without a restart.
#include "SampleCatalogue.h"
#include "ServerProcess.h"
#include "net/HttpsClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class tst_CatalogueRoutes : public QObject {
    Q_OBJECT

private:
    kep::test::ServerProcess server_;
    std::unique_ptr<kep::net::HttpsClient> client_;

    QJsonObject getJson(const QString& target, int expectedStatus = 200) {
        const auto response = client_->get(target.toStdString());
        [&] { QCOMPARE(response.status, expectedStatus); }();
        return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
    }

    QStringList data(const QStringList& arguments) {
        return arguments + QStringList{QStringLiteral("--data"), server_.dataDir()};
    }

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(/*demo=*/true), qPrintable(server_.errorString()));
        kep::net::TlsOptions tls;
        tls.caFile = server_.caFile().toStdString();
        client_ = std::make_unique<kep::net::HttpsClient>(
            kep::net::Endpoint{"127.0.0.1", std::to_string(server_.port())}, tls);
    }

    void cleanupTestCase() {
        client_.reset();
        QCOMPARE(server_.stop(), 0);
    }

    void searchFindsResidencePermitsFirst_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("lang");
        QTest::newRow("greek without accents") << QStringLiteral("αδεια διαμονης") << "el";
        QTest::newRow("greek capitals") << QStringLiteral("ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ") << "el";
        QTest::newRow("greeklish") << QStringLiteral("adeia diamonis") << "el";
        QTest::newRow("english") << QStringLiteral("residence permit") << "en";
    }
    void searchFindsResidencePermitsFirst() {
        QFETCH(QString, query);
        QFETCH(QString, lang);
        const auto target = QStringLiteral("/api/v1/catalogue/search?q=%1&lang=%2&limit=10")
                                .arg(QString::fromLatin1(QUrl::toPercentEncoding(query)), lang);
        const auto results = getJson(target)["results"].toArray();
        QVERIFY(results.size() >= 4);
        QSet<QString> first;
        for (int i = 0; i < 4; ++i) {
            first.insert(results[i].toObject()["id"].toString());
        }
        QCOMPARE(first, (QSet<QString>{"900001", "900002", "900003", "900004"}));
        const auto top = results[0].toObject();
        QVERIFY(!top["title"].toObject()["el"].toString().isEmpty());
        QVERIFY(!top["title"].toObject()["en"].toString().isEmpty());
        QVERIFY(top["score"].toInt() > 0);
        QCOMPARE(top["field"].toString(), QStringLiteral("title"));
    }

    void badParametersNameTheParameter_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("parameter");
        const QString search = "/api/v1/catalogue/search";
        const QString changes = "/api/v1/catalogue/changes";
        QTest::newRow("no q") << search << "q";
        QTest::newRow("q too long") << search + "?q=" + QString(201, 'a') << "q";
        QTest::newRow("lang fr") << search + "?q=a&lang=fr"
                                 << "lang";
        QTest::newRow("limit 0") << search + "?q=a&limit=0"
                                 << "limit";
        QTest::newRow("limit 101") << search + "?q=a&limit=101"
                                   << "limit";
        QTest::newRow("limit text") << search + "?q=a&limit=ten"
                                    << "limit";
        QTest::newRow("since negative") << changes + "?since=-1"
                                        << "since";
        QTest::newRow("since text") << changes + "?since=x"
                                    << "since";
        QTest::newRow("since empty") << changes + "?since="
                                     << "since";
        QTest::newRow("changes limit 0") << changes + "?limit=0"
                                         << "limit";
    }
    void badParametersNameTheParameter() {
        QFETCH(QString, target);
        QFETCH(QString, parameter);
        const auto error = getJson(target, 400)["error"].toObject();
        QCOMPARE(error["code"].toString(), QStringLiteral("invalid_query"));
        QVERIFY2(error["message"].toString().contains("'" + parameter + "'"),
                 qPrintable(error["message"].toString()));
    }

    void twoHundredCharactersAreAllowed() {
        QVERIFY(getJson("/api/v1/catalogue/search?q=" + QString(200, 'a'))["results"].isArray());
    }

    void procedureIsThePublishedRecord() {
        const auto record = getJson("/api/v1/catalogue/procedures/900001");
        QCOMPARE(record["id"].toString(), QStringLiteral("900001"));
        QCOMPARE(record["version"].toInt(), 1);
        QCOMPARE(record["contentHash"].toString().size(), 64);
        QVERIFY(record["kep"].toObject()["requiresApproval"].toBool());
        QVERIFY(record["kep"].toObject()["offeredAtKep"].toBool());
        const auto mitos = record["mitos"].toObject();
        QCOMPARE(mitos["el"].toObject()["id"].toString(), QStringLiteral("900001"));
        QVERIFY(mitos["en"].toObject()["metadata"].isObject());
        getJson("/api/v1/catalogue/procedures/999999", 404);
    }

    void changesFeedPagesTheWholeCatalogue() {
        QSet<QString> ids;
        qint64 since = 0;
        for (int page = 0; page < 20; ++page) {
            const auto answer =
                getJson(QStringLiteral("/api/v1/catalogue/changes?since=%1&limit=10").arg(since));
            for (const auto& change : answer["changes"].toArray()) {
                const auto entry = change.toObject();
                QVERIFY(entry["seq"].toInteger() > since);
                QCOMPARE(entry["record"].toObject()["id"], entry["id"]);
                ids.insert(entry["id"].toString());
            }
            QVERIFY(answer["next"].toInteger() >= since);
            since = answer["next"].toInteger();
            if (!answer["hasMore"].toBool()) {
                break;
            }
        }
        QCOMPARE(ids.size(), 44);
        QCOMPARE(getJson(QStringLiteral("/api/v1/catalogue/changes?since=%1").arg(since))["changes"]
                     .toArray()
                     .size(),
                 0);
    }

    void commandExitStatuses_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withData");
        QTest::addColumn<int>("status");
        const QString invalid = kep::test::sampleCatalogueDir() + "/invalid";
        QTest::newRow("import: nothing to import") << QStringList{"import-mitos"} << true << 2;
        QTest::newRow("import: no data folder")
            << QStringList{"import-mitos", "--data", "/nonexistent/kep",
                           "--lang",       "el",     invalid + "/no-id.json"}
            << false << 3;
        QTest::newRow("import: no language")
            << QStringList{"import-mitos", invalid + "/no-id.json"} << true << 2;
        QTest::newRow("import: no such file")
            << QStringList{"import-mitos", "--lang", "el", invalid + "/absent.json"} << true << 2;
        QTest::newRow("import: rejected record")
            << QStringList{"import-mitos", "--lang", "el", invalid + "/no-id.json"} << true << 1;
        QTest::newRow("import: unchanged sample")
            << QStringList{"import-mitos", kep::test::sampleCatalogueDir() + "/el"} << true << 0;
        QTest::newRow("catalogue: no action") << QStringList{"catalogue"} << true << 2;
        QTest::newRow("catalogue: unknown action") << QStringList{"catalogue", "drop"} << true << 2;
        QTest::newRow("history: unknown id")
            << QStringList{"catalogue", "history", "--id", "999999"} << true << 1;
        QTest::newRow("history") << QStringList{"catalogue", "history", "--id", "900001"} << true
                                 << 0;
        QTest::newRow("set: no option")
            << QStringList{"catalogue", "set", "--id", "900001"} << true << 2;
        QTest::newRow("set: bad value")
            << QStringList{"catalogue", "set", "--id", "900001", "--offered", "maybe"} << true << 2;
        QTest::newRow("set: unknown id")
            << QStringList{"catalogue", "set", "--id", "999999", "--offered", "yes"} << true << 1;
        QTest::newRow("diff: nothing") << QStringList{"catalogue", "diff"} << true << 0;
        QTest::newRow("publish: a procedure without a draft")
            << QStringList{"catalogue", "publish", "--id", "900001"} << true << 1;
        QTest::newRow("publish: --id without a value")
            << QStringList{"catalogue", "publish", "--id"} << true << 2;
    }
    void commandExitStatuses() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, withData);
        QFETCH(int, status);
        const auto all = withData ? data(arguments) : arguments;
        QCOMPARE(server_.runOnce(all), status);
    }

    void publishedFeeChangeReachesTheRunningServer() {
        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        QCOMPARE(
            server_.runOnce(data({"import-mitos", changed.path() + "/el", changed.path() + "/en"})),
            0);
        QVERIFY(server_.lastOutput().contains("imported 2, unchanged 0, rejected 0"));

        QCOMPARE(server_.runOnce(data({"catalogue", "diff"})), 0);
        QVERIFY2(server_.lastOutput().contains("evidence_cost_min 150 → 175"),
                 server_.lastOutput().constData());
        // A draft is not what desks see.
        QCOMPARE(getJson("/api/v1/catalogue/procedures/900002")["version"].toInt(), 1);

        QCOMPARE(server_.runOnce(data({"catalogue", "publish"})), 0);
        QVERIFY(server_.lastOutput().contains("published 1 procedure(s)"));

        const auto record = getJson("/api/v1/catalogue/procedures/900002");
        QCOMPARE(record["version"].toInt(), 2);
        const auto fees = record["mitos"]
                              .toObject()["el"]
                              .toObject()["metadata"]
                              .toObject()["process_evidences_cost"]
                              .toArray();
        QCOMPARE(fees[0].toObject()["evidence_cost_min"].toInt(), 175);

        const auto results =
            getJson("/api/v1/catalogue/search?q=adeia%20diamonis")["results"].toArray();
        bool found = false;
        for (const auto& result : results) {
            if (result.toObject()["id"].toString() == "900002") {
                QCOMPARE(result.toObject()["version"].toInt(), 2);
                found = true;
            }
        }
        QVERIFY(found);

        const auto changes = getJson("/api/v1/catalogue/changes?since=44")["changes"].toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].toObject()["id"].toString(), QStringLiteral("900002"));
        QCOMPARE(changes[0].toObject()["version"].toInt(), 2);
    }

    // The entry of `id` in the changes feed after `since`, or an empty object.
    QJsonObject feedEntry(qint64 since, const QString& id) {
        const auto changes =
            getJson(QStringLiteral("/api/v1/catalogue/changes?since=%1").arg(since))["changes"]
                .toArray();
        for (const auto& change : changes) {
            if (change.toObject()["id"].toString() == id) {
                return change.toObject();
            }
        }
        return {};
    }

    bool searchFinds(const QString& id) {
        const auto results =
            getJson("/api/v1/catalogue/search?q=adeia%20diamonis")["results"].toArray();
        return std::any_of(results.begin(), results.end(), [&](const QJsonValue& result) {
            return result.toObject()["id"].toString() == id;
        });
    }

    // Not offered at KEPs: out of search, and the feed tells desks to delete their copy; the
    // record itself stays readable. Offered again: the feed brings the same version back.
    void withdrawnProcedureLeavesDesksAndComesBack() {
        const qint64 since =
            getJson("/api/v1/catalogue/procedures/900003")["changeSeq"].toInteger();
        QCOMPARE(server_.runOnce(data({"catalogue", "set", "--id", "900003", "--offered", "no",
                                       "--requires-approval", "no"})),
                 0);
        QVERIFY(!searchFinds("900003"));
        const auto kep = getJson("/api/v1/catalogue/procedures/900003")["kep"].toObject();
        QVERIFY(!kep["offeredAtKep"].toBool());
        QVERIFY(!kep["requiresApproval"].toBool());
        const auto removed = feedEntry(since, "900003");
        QVERIFY2(removed["removed"].toBool(), QJsonDocument(removed).toJson().constData());
        QVERIFY(!removed.contains("record"));
        QCOMPARE(removed["version"].toInt(), 1);

        const qint64 withdrawnAt = removed["seq"].toInteger();
        QCOMPARE(server_.runOnce(data({"catalogue", "set", "--id", "900003", "--offered", "yes"})),
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(searchFinds("900003"), 5000);
        const auto back = feedEntry(withdrawnAt, "900003");
        QVERIFY(!back.contains("removed"));
        QCOMPARE(back["record"].toObject()["version"].toInt(), 1);
        QVERIFY(back["record"].toObject()["kep"].toObject()["offeredAtKep"].toBool());
        QVERIFY(back["seq"].toInteger() > withdrawnAt);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogueRoutes)
#include "tst_catalogue_routes.moc"
