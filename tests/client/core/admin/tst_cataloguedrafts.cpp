// The catalogue administration records as the desk reads and writes them: a drafts page with a
// structured difference, answers that are not that shape refused, the publish and options bodies.
#include "admin/CatalogueDrafts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kep::desk::admin;
using kep::catalogue::ChangeKind;
using kep::catalogue::DiffSection;

namespace {

// One changed fee, as GET /api/v1/admin/catalogue/drafts answers it.
const QByteArray kPage = R"({"drafts":[
  {"id":"900002","title":{"el":"Άδεια διαμονής","en":"Residence permit"},"draftVersion":2,
   "publishedVersion":1,"importedAt":"2025-03-03T09:00:00Z",
   "kep":{"requiresApproval":false,"competentAuthorityId":"AUTH-7","offeredAtKep":true},
   "changes":[{"section":"fees","changes":[{"kind":"changed","key":"k1",
     "label":{"el":"Παράβολο","en":"Fee"},
     "fields":[{"field":"evidence_cost_min","before":"150","after":"175"}]}]}],
   "summary":"Fees\n  ~ Fee: evidence_cost_min 150 → 175\n"},
  {"id":"900099","title":{"el":"Νέα","en":""},"draftVersion":1,"publishedVersion":null,
   "importedAt":"2025-03-03T09:00:00Z","kep":{"requiresApproval":true,
   "competentAuthorityId":null,"offeredAtKep":true},"changes":[],"summary":""}],
 "total":7,"offset":5,"limit":2,"catalogueSeq":45})";

}  // namespace

class tst_CatalogueDrafts : public QObject {
    Q_OBJECT

private slots:
    void readsAPageWithItsDifference() {
        const auto page = readDraftPage(kPage);
        QVERIFY(page);
        QCOMPARE(page->total, 7);
        QCOMPARE(page->offset, 5);
        QCOMPARE(page->drafts.size(), 2);
        const CatalogueDraft& changed = page->drafts[0];
        QCOMPARE(changed.id, QStringLiteral("900002"));
        QCOMPARE(changed.titleEn, QStringLiteral("Residence permit"));
        QCOMPARE(changed.publishedVersion, std::optional<qint64>(1));
        QCOMPARE(changed.draftVersion, 2);
        QCOMPARE(changed.options, (ProcedureOptions{false, "AUTH-7", true}));
        QCOMPARE(changed.difference.sections.size(), std::size_t(1));
        const auto& fees = changed.difference.sections[0];
        QCOMPARE(int(fees.section), int(DiffSection::Fees));
        QCOMPARE(int(fees.changes[0].kind), int(ChangeKind::Changed));
        QCOMPARE(fees.changes[0].label.en, std::string("Fee"));
        QCOMPARE(fees.changes[0].fields[0],
                 (kep::catalogue::FieldChange{"evidence_cost_min", "150", "175"}));
        const CatalogueDraft& fresh = page->drafts[1];
        QVERIFY(!fresh.publishedVersion);
        QVERIFY(fresh.difference.empty());
        QCOMPARE(fresh.options, ProcedureOptions{});
    }

    void refusesWhatIsNotADraftsPage_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("no drafts") << QByteArray(R"({"total":1})");
        QTest::newRow("draft without id") << QByteArray(R"({"drafts":[{"changes":[]}]})");
        QTest::newRow("unknown section")
            << QByteArray(R"({"drafts":[{"id":"1","changes":[{"section":"fax","changes":[]}]}]})");
        QTest::newRow("unknown kind") << QByteArray(
            R"({"drafts":[{"id":"1","changes":[{"section":"fees","changes":[{"kind":"moved"}]}]}]})");
    }
    void refusesWhatIsNotADraftsPage() {
        QFETCH(QByteArray, body);
        QVERIFY(!readDraftPage(body));
    }

    void readsAPublicationAndOptions() {
        const auto publication = readPublication(R"({"published":3,"catalogueSeq":48})");
        QVERIFY(publication);
        QCOMPARE(publication->published, 3);
        QCOMPARE(publication->catalogueSeq, 48);
        QVERIFY(!readPublication(R"({"error":{"code":"forbidden"}})"));
        const auto options = readProcedureOptions(
            R"({"id":"900003","kep":{"requiresApproval":true,"competentAuthorityId":null,)"
            R"("offeredAtKep":false}})");
        QCOMPARE(options, std::optional(ProcedureOptions{true, {}, false}));
        QVERIFY(!readProcedureOptions(R"({"id":"900003"})"));
    }

    void writesThePublishAndOptionsBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ticked") << publishBody({"900001", "900002"})
                                << QByteArray(R"({"ids":["900001","900002"]})");
        QTest::newRow("all") << publishBody({}) << QByteArray(R"({"all":true})");
        QTest::newRow("options") << optionsBody({false, "AUTH-7", true})
                                 << QByteArray(R"({"competentAuthorityId":"AUTH-7",)"
                                               R"("offeredAtKep":true,"requiresApproval":false})");
        QTest::newRow("register's authority")
            << optionsBody({true, {}, false})
            << QByteArray(R"({"competentAuthorityId":null,"offeredAtKep":false,)"
                          R"("requiresApproval":true})");
    }
    void writesThePublishAndOptionsBodies() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(body, expected);
    }
};

QTEST_APPLESS_MAIN(tst_CatalogueDrafts)
#include "tst_cataloguedrafts.moc"
