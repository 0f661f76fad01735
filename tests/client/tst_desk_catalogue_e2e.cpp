// The desk's catalogue against a real kep-server (`init --demo` publishes the sample catalogue):
// a fresh desk, enrolled (the `catalogue` sync bucket and the event WebSocket are workstation
// routes) but with nobody signed in, pulls all of it through the bucket into desk.db, its cursor
// at the bucket's end, and finds the residence permits; then a fee changed in a draft and
// published with the command line reaches the RUNNING desk within seconds, carried by the
// server's nudge on the event WebSocket (the periodic pull is set to 10 minutes); last, a
// procedure the centre stops offering at KEPs leaves the desk's copy and its search.
#include "HttpsTransport.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "catalogue/DeskCatalogue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using kep::catalogue::Language;
using kep::test::ServerProcess;

namespace {

// The first enrolment code of demo.json, or an empty string.
QString demoEnrolmentCode(const QString& file) {
    QFile demo(file);
    if (!demo.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
    return root.value("enrolmentCodes").toArray().at(0).toObject().value("code").toString();
}

// resources/catalogue/<language>/<id>.json with the first fee set to `euros`, written to
// dir/<language>/<id>.json (the folder name tells import-mitos the language).
bool writeWithFirstFee(const QString& dir, const QString& language, const QString& id,
                       double euros) {
    QFile source(
        QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue/%1/%2.json").arg(language, id));
    if (!source.open(QIODevice::ReadOnly)) {
        return false;
    }
    QJsonObject root = QJsonDocument::fromJson(source.readAll()).object();
    QJsonObject data = root.value("data").toObject();
    QJsonObject metadata = data.value("metadata").toObject();
    QJsonArray fees = metadata.value("process_evidences_cost").toArray();
    QJsonObject fee = fees.at(0).toObject();
    fee["evidence_cost_min"] = euros;
    fee["evidence_cost_max"] = euros;
    fees[0] = fee;
    metadata["process_evidences_cost"] = fees;
    data["metadata"] = metadata;
    root["data"] = data;
    QDir().mkpath(dir + "/" + language);
    QFile out(dir + "/" + language + "/" + id + ".json");
    return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(root).toJson()) > 0;
}

}  // namespace

class tst_DeskCatalogueE2e : public QObject {
    Q_OBJECT

private slots:
    void freshDeskPullsThenSeesAPublishedFeeChange() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));

        QTemporaryDir dir;
        QString error;
        SystemClock clock;
        auto workstation = Workstation::open(dir.filePath("data"), clock, {}, &error);
        QVERIFY2(workstation, qPrintable(error));
        const ServerAddress address{server.url(), server.caFile(),
                                    workstation->dataFolder().certificateFile(),
                                    workstation->credential().tlsKeyFile()};
        ServerLink link(httpsTransport(address), &workstation->credential());
        // The catalogue itself is public, but nudges come only to enrolled workstations.
        const QString code = demoEnrolmentCode(server.demoJson());
        QVERIFY2(!code.isEmpty(), "demo.json has no enrolment code");
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        QSignalSpy enrolmentFailed(&link, &ServerLink::enrolmentFailed);
        link.enrol(code, "e2e-catalogue");
        QTRY_VERIFY_WITH_TIMEOUT(enrolled.count() + enrolmentFailed.count() > 0, 20000);
        QVERIFY2(enrolmentFailed.isEmpty(), "enrolment with the demo code failed");
        catalogue::DeskCatalogue desk(link, workstation->database(),
                                      workstation->dataFolder().databaseFile(),
                                      httpsEventStream(address));
        QSignalSpy updated(&desk, &catalogue::DeskCatalogue::updated);
        QSignalSpy failed(&desk, &catalogue::DeskCatalogue::pullFailed);
        QSignalSpy live(&desk, &catalogue::DeskCatalogue::liveUpdatesChanged);

        // 1. A fresh desk (enrolled, nobody signed in) pulls it all.
        desk.start(std::chrono::minutes(10));
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(updated.first().at(0).toInt(), 44);
        QCOMPARE(desk.store().count(), std::size_t(44));
        QCOMPARE(desk.index().size(), std::size_t(44));
        const auto found = desk.index().search("adeia diamonis", Language::El, 5);
        QVERIFY(found.size() >= 4);
        QVERIFY(found.front().id >= "900001" && found.front().id <= "900004");
        const auto before = desk.store().current("900001");
        QVERIFY(before);
        QCOMPARE(before->procedure.fees.front().min, std::optional<double>(150));
        const std::int64_t cursorBefore = desk.cursor();
        // Through the bucket, not the public feed (the server logs each request's route).
        QVERIFY(server.log().contains(R"("route":"/api/v1/sync/pull")"));
        QVERIFY(!server.log().contains("/api/v1/catalogue/changes"));
        // The desk's cursor is the bucket's: asked from there, the bucket has nothing more.
        auto bucket = httpsTransport(address)();
        const HttpReply rest =
            bucket->send("GET",
                         "/api/v1/sync/pull?protocol=1&bucket=catalogue&cursor=" +
                             QByteArray::number(qint64(cursorBefore)),
                         {}, {});
        QCOMPARE(rest.status, 200);
        const QJsonObject restPage = QJsonDocument::fromJson(rest.body).object();
        QVERIFY(restPage.value("changes").toArray().isEmpty());
        QCOMPARE(qint64(restPage.value("cursor").toInteger()), qint64(cursorBefore));
        // The event WebSocket is up, so a nudge can reach this desk.
        QTRY_VERIFY_WITH_TIMEOUT(!live.isEmpty(), 10000);
        QVERIFY2(live.last().at(0).toBool(), "the desk cannot connect to /api/v1/events");

        // 2. The central administration changes a fee and publishes (another process).
        QTemporaryDir drafts;
        QVERIFY(writeWithFirstFee(drafts.path(), "el", "900001", 175));
        QVERIFY(writeWithFirstFee(drafts.path(), "en", "900001", 175));
        updated.clear();
        QCOMPARE(server.runOnce({"import-mitos", "--data", server.dataDir(), drafts.path() + "/el",
                                 drafts.path() + "/en"}),
                 0);
        QElapsedTimer sincePublish;
        sincePublish.start();
        QCOMPARE(server.runOnce({"catalogue", "publish", "--data", server.dataDir()}), 0);

        // 3. The running desk has it within seconds, without a restart.
        if (!QTest::qWaitFor([&] { return !updated.isEmpty(); }, 10000)) {
            // Tell a missing nudge from a publication that never reached the feed.
            desk.pullNow();
            const bool pulled = QTest::qWaitFor([&] { return !updated.isEmpty(); }, 10000);
            QFAIL(pulled ? "no catalogue nudge came from the server in 10 s (a pull then found "
                           "the change)"
                         : "the publication is not in the changes feed");
        }
        qInfo("published fee reached the desk in %lld ms", qint64(sincePublish.elapsed()));
        QCOMPARE(updated.first().at(1).toStringList(), QStringList{"900001"});
        const auto after = desk.store().current("900001");
        QCOMPARE(after->procedure.fees.front().min, std::optional<double>(175));
        QCOMPARE(after->version, before->version + 1);
        QCOMPARE(desk.store().previous("900001")->procedure.fees.front().min,
                 std::optional<double>(150));
        QVERIFY(desk.cursor() > cursorBefore);
        QCOMPARE(desk.store().count(), std::size_t(44));

        // 4. Withdrawn from KEPs: the bucket sends it as deleted, and it leaves the desk.
        updated.clear();
        QCOMPARE(server.runOnce({"catalogue", "set", "--data", server.dataDir(), "--id", "900002",
                                 "--offered", "no"}),
                 0);
        if (!QTest::qWaitFor([&] { return !updated.isEmpty(); }, 10000)) {
            desk.pullNow();
            QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 10000);
        }
        QCOMPARE(updated.first().at(1).toStringList(), QStringList{"900002"});
        QVERIFY(!desk.store().current("900002"));
        QVERIFY(!desk.index().contains("900002"));
        QCOMPARE(desk.store().count(), std::size_t(43));
    }
};

QTEST_GUILESS_MAIN(tst_DeskCatalogueE2e)
#include "tst_desk_catalogue_e2e.moc"
