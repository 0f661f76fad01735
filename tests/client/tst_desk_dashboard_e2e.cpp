// The dashboards against a real kep-server (offscreen): the office manager's dashboard gets its
// office's overview from the stats API, and the central administrator's national dashboard
// lists every demo office and region, the nation's figures, and the desks' sync lag. The manager
// saves the office's monthly report from the dashboard in the desk's language: the server's CSV
// and PDF, their headings in Greek or in English.
#include "Clock.h"
#include "HttpsTransport.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "dashboard/DashboardEntry.h"
#include "dashboard/MonthlyReportBar.h"
#include "dashboard/NationalDashboard.h"
#include "dashboard/OfficeDashboard.h"
#include "dashboard/RegionOfficeTables.h"
#include "shared/domain/WorkingCalendar.h"
#include "tour/DemoAccounts.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using kep::test::ServerProcess;

namespace {

// Every office the demo server made (demo.json's "offices").
int demoOffices(const ServerProcess& server) {
    QFile demo(server.demoJson());
    return demo.open(QIODevice::ReadOnly)
               ? int(QJsonDocument::fromJson(demo.readAll())["offices"].toArray().size())
               : 0;
}

}  // namespace

class tst_DeskDashboardE2e : public QObject {
    Q_OBJECT

private slots:
    void managerAndCentralAdministrator() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        QTemporaryDir dir;
        QString error;
        SystemClock clock;
        auto workstation = Workstation::open(dir.filePath("data"), clock, {}, &error);
        QVERIFY2(workstation, qPrintable(error));
        ServerLink link(httpsTransport({server.url(), server.caFile(),
                                        workstation->dataFolder().certificateFile(),
                                        workstation->credential().tlsKeyFile()}),
                        &workstation->credential());
        const auto code = ui::DemoAccounts::enrolmentCode(server.demoJson(), "0101", &error);
        const auto managerAccount =
            ui::DemoAccounts::firstWithRole(server.demoJson(), "manager", &error, "0101");
        const auto centralAccount =
            ui::DemoAccounts::firstWithRole(server.demoJson(), "central_admin", &error);
        QVERIFY2(code && managerAccount && centralAccount, qPrintable(error));
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        link.enrol(*code, "e2e-dashboard");
        QTRY_VERIFY_WITH_TIMEOUT(!enrolled.isEmpty(), 20000);

        QMainWindow window;
        auto* pages = new QTabWidget;
        window.setCentralWidget(pages);
        ui::DashboardEntry entry(link, clock, window.menuBar()->addMenu("View"), pages);
        QSignalSpy signedIn(&link, &ServerLink::signedIn);

        // 1. The office manager: the desk's figures, and the office's overview from the server.
        link.signIn(managerAccount->username, managerAccount->password);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);
        const auto manager = signedIn.takeFirst()[0].value<UserSession>();
        QCOMPARE(manager.officeCode, QString("0101"));
        cases::CaseStore store(workstation->database(), "0101", "e2e-dashboard");
        kep::domain::WorkingCalendar calendar;
        cases::CaseQueries queries(store, workstation->database(), calendar, "0101");
        entry.setSession(manager, &queries, &workstation->database());
        QSignalSpy overview(&entry.stats(), &dashboard::StatsClient::overviewReceived);
        QSignalSpy failed(&entry.stats(), &dashboard::StatsClient::failed);
        entry.officeAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!overview.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.value(0).value(1).value<admin::AdminFailure>().message));
        QCOMPARE(overview[0][0].value<dashboard::StatsScope>(),
                 dashboard::StatsScope::office("0101"));
        const auto office = overview[0][1].value<dashboard::StatsOverview>();
        QCOMPARE(office.scopeKind, QString("office"));
        QCOMPARE(office.filedPerDay.size(), 30);  // the default period, every day of it
        QCOMPARE(office.busiestHours.size(), 24);

        // The month's report, saved from the dashboard in the language of the screen.
        ui::LanguageManager languages;
        ui::MonthlyReportBar* bar = entry.officeDashboard()->reportBar();
        QVERIFY(bar->isVisibleTo(entry.officeDashboard()));
        QString chosen;
        entry.setReportFileChooser([&chosen](const QString&) { return chosen; });
        const bool pdfText = !QStandardPaths::findExecutable("pdftotext").isEmpty();
        for (const auto& [language, header, title] :
             {std::tuple{"el", "Μέτρο,Τιμή", "Μηνιαία αναφορά ΚΕΠ 0101"},
              std::tuple{"en", "Metric,Value", "Monthly report, KEP 0101"}}) {
            QVERIFY(languages.setLanguage(language));
            for (const char* suffix : {".csv", ".pdf"}) {
                chosen = dir.filePath(QString("report-") + language + suffix);
                bar->saveAction()->trigger();
                QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(chosen), 20000);
            }
            QFile csv(dir.filePath(QString("report-") + language + ".csv"));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QByteArray firstRow = csv.readLine();
            QVERIFY2(firstRow == "\xEF\xBB\xBF" + QByteArray(header) + "\r\n",
                     firstRow.constData());
            if (pdfText) {
                QProcess text;
                text.start(
                    "pdftotext",
                    {"-enc", "UTF-8", dir.filePath(QString("report-") + language + ".pdf"), "-"});
                QVERIFY(text.waitForFinished(30000));
                const QString words = QString::fromUtf8(text.readAllStandardOutput()).simplified();
                QVERIFY2(words.contains(QString::fromUtf8(title)), qPrintable(words));
            }
        }
        link.signOut();
        entry.setSession(std::nullopt);

        // 2. The central administrator: every demo office and region, the nation's figures.
        link.signIn(centralAccount->username, centralAccount->password);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);
        entry.setSession(signedIn.takeFirst()[0].value<UserSession>());
        QVERIFY(entry.nationalAction()->isVisible());
        entry.nationalAction()->trigger();
        ui::NationalDashboard* national = entry.nationalDashboard();
        const int offices = demoOffices(server);
        QTRY_COMPARE_WITH_TIMEOUT(national->officeTables()->offices()->rowCount(), offices, 10000);
        QCOMPARE(national->officeTables()->regions()->rowCount(), offices);  // one each
        QTRY_COMPARE_WITH_TIMEOUT(national->figure(ui::NationalDashboard::Filed)->text(),
                                  QString("0"), 10000);
        QVERIFY2(national->notice()->isHidden(), qPrintable(national->notice()->text()));
        QTableWidget* table = national->officeTables()->offices();
        const auto athens = table->findItems("0101", Qt::MatchExactly);
        QCOMPARE(athens.size(), 1);
        // The desk enrolled but neither pushed nor pulled: no lag to measure.
        QCOMPARE(table->item(athens[0]->row(), ui::RegionOfficeTables::OfficeSyncLag)->text(),
                 QString("never synced"));

        // A region chosen: its overview comes back for that scope.
        overview.clear();
        national->chooseRegion("Κρήτη");
        QTRY_VERIFY_WITH_TIMEOUT(!overview.isEmpty(), 10000);
        QCOMPARE(overview.last()[0].value<dashboard::StatsScope>(),
                 dashboard::StatsScope::region("Κρήτη"));
        QCOMPARE(overview.last()[1].value<dashboard::StatsOverview>().scopeKind, QString("region"));
    }
};

QTEST_MAIN(tst_DeskDashboardE2e)
#include "tst_desk_dashboard_e2e.moc"
