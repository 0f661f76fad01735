// Reading what kep-server sends for a published procedure and a page of the changes feed: both
// languages merged, KEP options, removals, and a clear refusal of anything malformed.
#include "../../support/CatalogueFeed.h"
#include "catalogue/PublishedRecord.h"

#include <QtTest>

using namespace kep::desk::catalogue;
using kep::catalogue::Language;
using kep::desk::test::CatalogueFeed;

class tst_PublishedRecord : public QObject {
    Q_OBJECT

    static kep::catalogue::Procedure sample(const std::string& id) {
        for (auto& procedure : CatalogueFeed::sampleProcedures()) {
            if (procedure.id == id) {
                return procedure;
            }
        }
        return {};
    }

private slots:
    void readsBothLanguagesAndTheKepOptions() {
        const auto procedure = sample("900001");
        const PublishedRecord record =
            readPublishedRecord(CatalogueFeed::recordJson(procedure, 3, 17, false));
        QCOMPARE(record.id, std::string("900001"));
        QCOMPARE(record.version, 3);
        QCOMPARE(record.changeSeq, 17);
        QVERIFY(!record.kep.offeredAtKep);
        QVERIFY(record.kep.requiresApproval);
        QVERIFY(record.kep.competentAuthorityId.empty());
        QCOMPARE(record.contentHash.size(), std::size_t(64));
        // Greek and English texts both present, as the desk shows either.
        QVERIFY(record.procedure.title.el.find("άδειας διαμονής") != std::string::npos);
        QVERIFY(!record.procedure.title.en.empty());
        QCOMPARE(record.procedure.fees.size(), procedure.fees.size());
        QCOMPARE(record.procedure.evidences.size(), procedure.evidences.size());
        QVERIFY(!record.procedure.evidences.front().description.en.empty());
    }

    void refusesMalformedRecords_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "{\"id\":"
                                  << "not JSON";
        QTest::newRow("no id") << R"({"version":1,"changeSeq":1,"mitos":{}})"
                               << "no id";
        QTest::newRow("no mitos") << R"({"id":"9","version":1,"changeSeq":1})"
                                  << "mitos";
        QTest::newRow("version text") << R"({"id":"9","version":"1","changeSeq":1,"mitos":{}})"
                                      << "version";
        QTest::newRow("no document") << R"({"id":"9","version":1,"changeSeq":1,"mitos":{}})"
                                     << "neither";
        QTest::newRow("untitled document")
            << R"({"id":"9","version":1,"changeSeq":1,"mitos":{"el":{"id":"9"}}})"
            << "9";
    }

    void refusesMalformedRecords() {
        QFETCH(QString, json);
        QFETCH(QString, reason);
        try {
            readPublishedRecord(json.toStdString());
            QFAIL("accepted");
        } catch (const RecordFormatError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
        }
    }

    void refusesARecordFiledUnderAnotherId() {
        std::string json = CatalogueFeed::recordJson(sample("900005"), 1, 1);
        json.replace(json.find("\"id\":\"900005\""), 13, "\"id\":\"900006\"");
        QVERIFY_THROWS_EXCEPTION(RecordFormatError, readPublishedRecord(json));
    }

    void readsAPageWithARemoval() {
        CatalogueFeed feed;
        feed.publish(sample("900005"));
        feed.publish(sample("900006"));
        feed.remove("900005");
        const auto reply = feed.answer("/api/v1/catalogue/changes?since=0&limit=10");
        const ChangesPage page =
            readChangesPage(std::string_view(reply.body.constData(), reply.body.size()));
        QCOMPARE(page.changes.size(), std::size_t(2));
        QCOMPARE(page.changes[0].id, std::string("900006"));
        QVERIFY(page.changes[0].record.has_value());
        QVERIFY(!page.changes[0].recordJson.empty());
        QCOMPARE(page.changes[1].id, std::string("900005"));
        QVERIFY(!page.changes[1].record.has_value());
        QCOMPARE(page.next, 3);
        QVERIFY(!page.hasMore);
    }

    void refusesAMalformedPage_data() {
        QTest::addColumn<QString>("body");
        QTest::newRow("html") << "<html>proxy error</html>";
        QTest::newRow("no changes") << R"({"next":1,"hasMore":false})";
        QTest::newRow("no next") << R"({"changes":[],"hasMore":false})";
        QTest::newRow("negative next") << R"({"changes":[],"next":-1,"hasMore":false})";
        QTest::newRow("entry without record")
            << R"({"changes":[{"seq":1,"id":"9","version":1}],"next":1,"hasMore":false})";
    }

    void refusesAMalformedPage() {
        QFETCH(QString, body);
        QVERIFY_THROWS_EXCEPTION(RecordFormatError, readChangesPage(body.toStdString()));
    }
};

QTEST_APPLESS_MAIN(tst_PublishedRecord)
#include "tst_publishedrecord.moc"
