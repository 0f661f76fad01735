// The national dashboard offscreen, fed the stats API's answers: regions summed from their
// offices, both tables sorted by a figure (not its text), offices whose desks lag in sync listed
// and highlighted in words too, a region chosen from its row, the procedures in the desk's
// language, and the entry shown to the central administration alone.
#include "../../support/FakeServerTransport.h"
#include "../../support/ManualClock.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "dashboard/DashboardEntry.h"
#include "dashboard/NationalDashboard.h"
#include "dashboard/RegionOfficeTables.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace kep::desk::ui;
using namespace kep::desk::dashboard;
using kep::desk::test::FakeServer;

namespace {

const QByteArray kOffices = R"({"offices":[
  {"code":"0101","name":"ΚΕΠ Αθηνών","region":"Αττική","filed":900,"backlog":40,"overdue":3,
   "processing_days":{"median":3.5,"p90":9,"completed":700},"deadline_compliance":0.97,
   "sync_lag_seconds":12},
  {"code":"0102","name":"ΚΕΠ Πειραιά","region":"Αττική","filed":1200,"backlog":55,"overdue":9,
   "processing_days":{"median":12.5,"p90":30,"completed":800},"deadline_compliance":0.8,
   "sync_lag_seconds":7200},
  {"code":"0701","name":"ΚΕΠ Πάτρας","region":"Δυτική Ελλάδα","filed":80,"backlog":7,"overdue":0,
   "processing_days":{"median":null,"p90":null,"completed":0},"deadline_compliance":null,
   "sync_lag_seconds":null}]})";

const QByteArray kProcedures = R"({"procedures":[
  {"id":"900012","title":"Έκδοση πιστοποιητικού","title_en":"Certificate issue","filed":640,
   "processing_days":{"median":2.5,"p90":6,"completed":500},"deadline_compliance":0.99},
  {"id":"900003","title":"Άδεια διαμονής","title_en":"","filed":70,
   "processing_days":{"median":20,"p90":41,"completed":30},"deadline_compliance":0.6}]})";

const QByteArray kOverview = R"({"scope":{"kind":"national"},"filed":2180,"backlog":102,
  "deadline":{"due_today":4,"due_this_week":20,"overdue":12},
  "processing_days":{"median":6.5,"p90":21,"completed":1500},"deadline_compliance":0.9,
  "online_share":0.31})";

QStringList column(const QTableWidget* table, int column) {
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (!table->isRowHidden(row)) {
            texts << table->item(row, column)->text();
        }
    }
    return texts;
}

}  // namespace

class tst_NationalDashboard : public QObject {
    Q_OBJECT

    LanguageManager languages_;

private slots:
    void initTestCase() { QVERIFY(languages_.setLanguage("en")); }

    void regionsAndOfficesSortByTheirFigures() {
        NationalDashboard page;
        page.showOffices(*readOfficeStats(kOffices));
        QTableWidget* regions = page.officeTables()->regions();
        regions->sortItems(RegionOfficeTables::RegionFiled, Qt::DescendingOrder);
        QCOMPARE(column(regions, RegionOfficeTables::RegionName),
                 (QStringList{"Αττική", "Δυτική Ελλάδα"}));
        QCOMPARE(regions->item(0, RegionOfficeTables::RegionFiled)->text(), QString("2,100"));
        QCOMPARE(regions->item(0, RegionOfficeTables::RegionOverdue)->text(), QString("12"));
        QCOMPARE(regions->item(0, RegionOfficeTables::RegionLagging)->text(), QString("1"));

        QTableWidget* offices = page.officeTables()->offices();
        QVERIFY(offices->isSortingEnabled());
        // By the number, not the text: "12.5 days" above "3.5 days", the unknown last.
        offices->sortItems(RegionOfficeTables::OfficeMedian, Qt::DescendingOrder);
        QCOMPARE(column(offices, RegionOfficeTables::OfficeCode),
                 (QStringList{"0102", "0101", "0701"}));
        QCOMPARE(offices->item(2, RegionOfficeTables::OfficeMedian)->text(), QString("—"));
        offices->sortItems(RegionOfficeTables::OfficeFiled, Qt::AscendingOrder);
        QCOMPARE(column(offices, RegionOfficeTables::OfficeCode),
                 (QStringList{"0701", "0101", "0102"}));
    }

    void laggingOfficesAreListedAndHighlighted() {
        NationalDashboard page;
        page.showOffices(*readOfficeStats(kOffices));
        QListWidget* lagging = page.officeTables()->lagging();
        QCOMPARE(lagging->count(), 1);
        QVERIFY2(lagging->item(0)->text().startsWith("0102 ΚΕΠ Πειραιά"),
                 qPrintable(lagging->item(0)->text()));
        QVERIFY(lagging->item(0)->text().contains("2 hours"));
        QTableWidget* offices = page.officeTables()->offices();
        for (int row = 0; row < offices->rowCount(); ++row) {
            const QString code = offices->item(row, RegionOfficeTables::OfficeCode)->text();
            const QString lag = offices->item(row, RegionOfficeTables::OfficeSyncLag)->text();
            const bool highlighted =
                offices->item(row, RegionOfficeTables::OfficeName)->background().style() !=
                Qt::NoBrush;
            QCOMPARE(highlighted, code == "0102");
            QCOMPARE(lag.contains("lagging"), code == "0102");
            if (code == "0701") {
                QCOMPARE(lag, QString("never synced"));
            }
        }
    }

    void aRegionRowChoosesTheRegion() {
        NationalDashboard page;
        page.showOffices(*readOfficeStats(kOffices));
        QSignalSpy chosen(&page, &NationalDashboard::scopeChosen);
        QTableWidget* regions = page.officeTables()->regions();
        regions->sortItems(RegionOfficeTables::RegionName, Qt::AscendingOrder);
        regions->setFocus();
        regions->setCurrentCell(1, 0);  // Δυτική Ελλάδα
        QTest::keyClick(regions, Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0][0].value<StatsScope>(), StatsScope::region("Δυτική Ελλάδα"));
        QCOMPARE(page.scope(), StatsScope::region("Δυτική Ελλάδα"));
        QCOMPARE(column(page.officeTables()->offices(), RegionOfficeTables::OfficeCode),
                 QStringList{"0701"});
        page.chooseRegion({});
        QCOMPARE(page.scope(), StatsScope{});
        QCOMPARE(column(page.officeTables()->offices(), RegionOfficeTables::OfficeCode).size(), 3);
    }

    void overviewAndProceduresInTheDesksLanguage() {
        NationalDashboard page;
        page.showOverview(*readOverview(kOverview));
        QCOMPARE(page.figure(NationalDashboard::Filed)->text(), QString("2,180"));
        QCOMPARE(page.figure(NationalDashboard::Overdue)->text(), QString("12"));
        QCOMPARE(page.figure(NationalDashboard::Median)->text(), QString("6.5 days"));
        QCOMPARE(page.figure(NationalDashboard::Online)->text(), QString("31%"));
        page.showProcedures(ProcedureOrder::Top, *readProcedures(kProcedures));
        QTableWidget* top = page.topProcedures();
        QCOMPARE(top->item(0, NationalDashboard::ProcedureTitle)->text(),
                 QString("Certificate issue"));
        // No English title: the Greek one rather than nothing.
        QCOMPARE(top->item(1, NationalDashboard::ProcedureTitle)->text(),
                 QString("Άδεια διαμονής"));
        QCOMPARE(top->item(1, NationalDashboard::ProcedureMedian)->text(), QString("20.0 days"));
    }

    void entryIsForTheCentralAdministrationOnline() {
        FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray& target, const QByteArray&) {
            if (target.startsWith("/api/v1/stats/offices")) {
                return kep::desk::HttpReply{200, kOffices, {}};
            }
            if (target.startsWith("/api/v1/stats/procedures")) {
                return kep::desk::HttpReply{200, kProcedures, {}};
            }
            if (target.startsWith("/api/v1/stats/overview")) {
                return kep::desk::HttpReply{200, kOverview, {}};
            }
            return FakeServer::error(404, "not_found");
        };
        kep::desk::ServerLink link(server.factory());
        kep::desk::test::ManualClock clock;
        QMainWindow window;
        auto* pages = new QTabWidget;
        window.setCentralWidget(pages);
        DashboardEntry entry(link, clock, window.menuBar()->addMenu("View"), pages);

        kep::desk::UserSession central;
        central.userId = "central-1";
        central.role = "central_admin";
        entry.setSession(central);
        QVERIFY(entry.nationalAction()->isVisible());
        QVERIFY(!entry.officeAction()->isVisible());  // no office: no office dashboard
        entry.nationalAction()->trigger();
        NationalDashboard* page = entry.nationalDashboard();
        QCOMPARE(pages->currentWidget(), page);
        QTRY_COMPARE(page->officeTables()->offices()->rowCount(), 3);
        QTRY_COMPARE(page->topProcedures()->rowCount(), 2);
        QTRY_COMPARE(page->slowestProcedures()->rowCount(), 2);
        QTRY_COMPARE(page->figure(NationalDashboard::Filed)->text(), QString("2,180"));
        QVERIFY(server.count("/api/v1/stats/procedures?order=slowest&limit=20") == 1);

        // A region chosen asks for that region's figures.
        page->chooseRegion("Αττική");
        QTRY_COMPARE(server.count(StatsClient::overviewTarget(StatsScope::region("Αττική"))), 1);

        // Offline: a notice instead of figures, no call made.
        central.offline = true;
        entry.setSession(central);
        const int calls = int(server.targets.size());
        entry.showNational();
        QVERIFY(!page->notice()->isHidden());
        QVERIFY(page->notice()->text().contains("online"));
        QCOMPARE(int(server.targets.size()), calls);

        kep::desk::UserSession manager;
        manager.role = "manager";
        manager.officeCode = "0101";
        entry.setSession(manager);  // no desk store given: neither dashboard
        QVERIFY(!entry.nationalAction()->isVisible());
        QCOMPARE(pages->indexOf(page), -1);
    }
};

QTEST_MAIN(tst_NationalDashboard)
#include "tst_nationaldashboard.moc"
