// The office dashboard offscreen over a real desk.db: the radar's figures, Enter or a click on a
// figure listing exactly the cases behind it (opened with Enter), the workload alphabetical, the
// server's figures "—" offline, for a clerk and on a refusal, and shown for an online manager.
#include "../../core/dashboard/OfficeCasesFixture.h"
#include "../../support/FakeServerTransport.h"
#include "../../support/ManualClock.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "cases/WorkQueuesTable.h"
#include "dashboard/CountChart.h"
#include "dashboard/DashboardEntry.h"
#include "dashboard/DrillDownPanel.h"
#include "dashboard/FigureButton.h"
#include "dashboard/MonthlyReportBar.h"
#include "dashboard/OfficeDashboard.h"
#include "dashboard/WorkloadTable.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk::ui;
using kep::desk::dashboard::Figure;
using kep::desk::dashboard::OfficeFigureQueries;
using kep::desk::test::FakeServer;
using kep::desk::test::OfficeCasesFixture;
using Kind = Figure::Kind;

namespace {

const QByteArray kOfficeOverview = "/api/v1/stats/overview?office=0101";

QJsonObject overviewJson() {
    return {{"scope", QJsonObject{{"kind", "office"}, {"office", "0101"}}},
            {"filed", 6},
            {"processing_days", QJsonObject{{"median", 4.5}, {"p90", 12.0}, {"completed", 9}}},
            {"deadline_compliance", 0.875},
            {"returned_rate", 0.1},
            {"rejected_rate", QJsonValue::Null},
            {"online_share", 0.25}};
}

kep::desk::UserSession sessionOf(const QString& role, const QString& userId, bool offline) {
    kep::desk::UserSession session;
    session.userId = userId;
    session.role = role;
    session.officeCode = QStringLiteral("0101");
    session.offline = offline;
    return session;
}

}  // namespace

class tst_OfficeDashboard : public QObject {
    Q_OBJECT

    LanguageManager languages_;
    OfficeCasesFixture office_;
    std::unique_ptr<OfficeFigureQueries> figures_;
    kep::desk::test::ManualClock clock_{OfficeCasesFixture::now()};
    FakeServer server_;
    std::atomic<bool> refuse_ = false;
    std::unique_ptr<kep::desk::ServerLink> link_;

    QStringList protocolNumbers(const DrillDownPanel* panel) {
        QStringList numbers;
        for (int row = 0; row < panel->table()->rowCount(); ++row) {
            numbers << panel->table()->item(row, WorkQueuesTable::ProtocolNumber)->text();
        }
        return numbers;
    }
    QString numberOf(const std::string& id) {
        return QString::fromStdString(office_.store().caseById(id)->protocolNumber);
    }

private slots:
    void initTestCase() {
        QVERIFY(languages_.setLanguage("en"));
        office_.build();
        figures_ = std::make_unique<OfficeFigureQueries>(office_.queries(), office_.db());
        server_.handler = [this](const QByteArray&, const QByteArray& target, const QByteArray&) {
            if (refuse_) {
                return FakeServer::error(503, "unavailable");
            }
            if (target == kOfficeOverview) {
                return FakeServer::json(200, overviewJson());
            }
            // The server's report, its header row in the language asked for.
            if (target.startsWith("/api/v1/stats/reports/0101/")) {
                if (target.contains(".csv?")) {
                    return kep::desk::HttpReply{
                        200,
                        "\xEF\xBB\xBF" +
                            (target.endsWith("lang=el") ? QString("Μέτρο,Τιμή").toUtf8()
                                                        : QByteArray("Metric,Value")) +
                            "\r\nfiled,6\r\n",
                        {}};
                }
                return kep::desk::HttpReply{200, "<html>not a report</html>", {}};
            }
            return FakeServer::error(404, "not_found");
        };
        link_ = std::make_unique<kep::desk::ServerLink>(server_.factory());
    }

    void radarShowsItsCounts() {
        OfficeDashboard page(clock_);
        page.setQueries(figures_.get());
        QCOMPARE(page.figureButton(Kind::DueToday)->value(), QString("1"));
        QCOMPARE(page.figureButton(Kind::DueThisWeek)->value(), QString("2"));
        QCOMPARE(page.figureButton(Kind::Overdue)->value(), QString("1"));
        QCOMPARE(page.figureButton(Kind::FiledToday)->value(), QString("2"));
        QCOMPARE(page.figureButton(Kind::OpenCases)->value(), QString("6"));
        QCOMPARE(page.figureButton(Kind::Overdue)->accessibleName(), QString("Overdue: 1"));
        QCOMPARE(page.filedPerDay()->table()->rowCount(), 30);
        QCOMPARE(page.filedPerDay()->table()->item(29, 1)->text(), QString("2"));
    }

    // Enter on a figure, a click on another: each lists exactly the cases it counts.
    void drillDownByKeyboardAndMouse() {
        OfficeDashboard page(clock_);
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setQueries(figures_.get());
        FigureButton* overdue = page.figureButton(Kind::Overdue);
        overdue->setFocus();
        QTest::keyClick(overdue, Qt::Key_Return);
        QTRY_COMPARE(protocolNumbers(page.drillDownPanel()),
                     QStringList{numberOf(office_.overdue)});
        QVERIFY(page.drillDownPanel()->heading()->text().contains("Overdue"));
        QVERIFY(page.drillDownPanel()->table()->hasFocus());

        QTest::mouseClick(page.figureButton(Kind::DueThisWeek), Qt::LeftButton);
        QCOMPARE(protocolNumbers(page.drillDownPanel()),
                 (QStringList{numberOf(office_.dueThisWeek), numberOf(office_.stoppedIntoWeek)}));

        // The chart's table: Enter on "Delivered".
        QTableWidget* statuses = page.byStatus()->table();
        statuses->setFocus();
        const auto delivered = statuses->findItems("Delivered", Qt::MatchExactly);
        QCOMPARE(delivered.size(), 1);
        statuses->setCurrentItem(delivered[0]);
        QTest::keyClick(statuses, Qt::Key_Return);
        QCOMPARE(protocolNumbers(page.drillDownPanel()), QStringList{numberOf(office_.delivered)});

        // Enter on a listed case opens it.
        QSignalSpy opened(&page, &OfficeDashboard::caseOpened);
        page.drillDownPanel()->table()->setFocus();
        page.drillDownPanel()->table()->selectRow(0);
        QTest::keyClick(page.drillDownPanel()->table(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][0].toString(), QString::fromStdString(office_.delivered));
    }

    void workloadIsAlphabeticalAndDrillsDown() {
        OfficeDashboard page(clock_);
        page.setQueries(figures_.get());
        WorkloadTable* workload = page.workload();
        QCOMPARE(workload->rowCount(), 3);
        QCOMPARE(workload->item(0, WorkloadTable::Name)->text(), QString("Δήμητρα Σταύρου"));
        QCOMPARE(workload->item(1, WorkloadTable::Name)->text(), QString("Έλενα Ρήγα"));
        QCOMPARE(workload->item(2, WorkloadTable::Name)->text(), QString("Μαρία Ξενάκη"));
        QVERIFY(!workload->isSortingEnabled());
        workload->setCurrentCell(0, WorkloadTable::OpenCases);
        QTest::keyClick(workload, Qt::Key_Return);
        QCOMPARE(protocolNumbers(page.drillDownPanel()),
                 (QStringList{numberOf(office_.awaitingOverdue), numberOf(office_.dueThisWeek)}));
    }

    void serverFiguresAreDashesWithoutTheServer() {
        OfficeDashboard page(clock_);
        page.setQueries(figures_.get());
        for (QLabel* label : {page.processingMedian(), page.processingP90(),
                              page.deadlineCompliance(), page.onlineShare()}) {
            QCOMPARE(label->text(), QString("—"));
        }
        page.showServerFigures(
            kep::desk::dashboard::readOverview(QJsonDocument(overviewJson()).toJson()));
        QCOMPARE(page.processingMedian()->text(), QString("4.5 days"));
        QCOMPARE(page.deadlineCompliance()->text(), QString("88%"));
        QCOMPARE(page.rejectedRate()->text(), QString("—"));  // null: nothing to divide
        page.showServerFigures(std::nullopt);
        QCOMPARE(page.processingMedian()->text(), QString("—"));
    }

    void entryAsksTheServerOnlyForAnOnlineManager_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QString>("median");
        QTest::addColumn<int>("workloadRows");
        QTest::newRow("manager online") << "manager" << false << false << "4.5 days" << 3;
        QTest::newRow("manager offline") << "manager" << true << false << "—" << 3;
        QTest::newRow("server refuses") << "manager" << false << true << "—" << 3;
        QTest::newRow("clerk: their own part") << "clerk" << false << false << "—" << 1;
    }

    void entryAsksTheServerOnlyForAnOnlineManager() {
        QFETCH(QString, role);
        QFETCH(bool, offline);
        QFETCH(bool, refused);
        QFETCH(QString, median);
        QFETCH(int, workloadRows);
        refuse_ = refused;
        const int asked = server_.count(kOfficeOverview);
        QMainWindow window;
        auto* pages = new QTabWidget;
        window.setCentralWidget(pages);
        QMenu* view = window.menuBar()->addMenu("View");
        DashboardEntry entry(*link_, clock_, view, pages);
        entry.setSession(sessionOf(role, "user-c", offline), &office_.queries(), &office_.db());
        QVERIFY(entry.officeAction()->isVisible());
        QVERIFY(!entry.nationalAction()->isVisible());
        entry.officeAction()->trigger();
        QCOMPARE(pages->currentWidget(), entry.officeDashboard());
        const bool asks = role == "manager" && !offline;
        QTRY_COMPARE(server_.count(kOfficeOverview), asked + (asks ? 1 : 0));
        QTRY_COMPARE(entry.officeDashboard()->processingMedian()->text(), median);
        QCOMPARE(entry.officeDashboard()->workload()->rowCount(), workloadRows);

        entry.setSession(std::nullopt);  // sign-out: the page goes, emptied
        QCOMPARE(pages->indexOf(entry.officeDashboard()), -1);
        QVERIFY(!entry.officeAction()->isVisible());
        QCOMPARE(entry.officeDashboard()->workload()->rowCount(), 0);
        refuse_ = false;
    }

    void greekFromTheDesksTranslation() {
        QVERIFY(languages_.setLanguage("el"));
        OfficeDashboard page(clock_);
        page.setQueries(figures_.get());
        QCOMPARE(page.figureButton(Kind::Overdue)->caption(), QString("Εκπρόθεσμες"));
        QCOMPARE(page.figureButton(Kind::DueThisWeek)->accessibleName(),
                 QString("Λήγουν τις επόμενες 6 ημέρες: 2"));
        QCOMPARE(page.workload()->horizontalHeaderItem(WorkloadTable::OpenCases)->text(),
                 QString("Ανοιχτές υποθέσεις"));
        QVERIFY(languages_.setLanguage("en"));
        QTRY_COMPARE(page.figureButton(Kind::Overdue)->caption(), QString("Overdue"));
    }

    // The manager saves the month's report in the desk's language: the server is asked for that
    // language, the suggested name is the server's, the file holds the answer; an answer that is
    // not a report is not saved. A clerk has no report line.
    void managerSavesTheMonthlyReportInTheDesksLanguage_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("month");   // as listed, one month back
        QTest::addColumn<QString>("header");  // the CSV's first row
        QTest::addColumn<QString>("saved");   // the outcome's words
        QTest::newRow("el") << "el"
                            << "Φεβρουάριος 2026"
                            << "Μέτρο,Τιμή"
                            << "αποθηκεύτηκε";
        QTest::newRow("en") << "en"
                            << "February 2026"
                            << "Metric,Value"
                            << "is saved";
    }
    void managerSavesTheMonthlyReportInTheDesksLanguage() {
        QFETCH(QString, language);
        QFETCH(QString, month);
        QFETCH(QString, header);
        QFETCH(QString, saved);
        QVERIFY(languages_.setLanguage(language));
        QTemporaryDir dir;
        QMainWindow window;
        auto* pages = new QTabWidget;
        window.setCentralWidget(pages);
        DashboardEntry entry(*link_, clock_, window.menuBar()->addMenu("View"), pages);
        QStringList suggested;
        QString chosen = dir.filePath("report.csv");
        entry.setReportFileChooser([&](const QString& name) {
            suggested << name;
            return chosen;
        });
        entry.setSession(sessionOf("manager", "user-m", false), &office_.queries(), &office_.db());
        entry.officeAction()->trigger();
        MonthlyReportBar* bar = entry.officeDashboard()->reportBar();
        QVERIFY(bar->isVisibleTo(entry.officeDashboard()));
        QCOMPARE(bar->month()->count(), MonthlyReportBar::kMonths);
        bar->month()->setCurrentIndex(1);
        QCOMPARE(bar->month()->currentText(), month);
        const QString when = bar->chosenMonth().toString("yyyy-MM");

        bar->saveAction()->trigger();
        QCOMPARE(suggested, QStringList{QString("kep-0101-%1.%2.pdf").arg(when, language)});
        const QByteArray target =
            QString("/api/v1/stats/reports/0101/%1.csv?lang=%2").arg(when, language).toLatin1();
        QTRY_COMPARE(server_.count(target), 1);
        QTRY_VERIFY(bar->outcome()->text().contains(saved));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("\xEF\xBB\xBF" + header.toUtf8() + "\r\n"));

        // A PDF asked for, and an answer that is not one: nothing written, and said so.
        const QString savedOutcome = bar->outcome()->text();
        chosen = dir.filePath("report.pdf");
        bar->saveAction()->trigger();
        QTRY_VERIFY(bar->outcome()->text() != savedOutcome &&
                    !bar->outcome()->text().endsWith("…"));
        QVERIFY(!bar->outcome()->text().contains("report.pdf"));
        QVERIFY(!QFile::exists(chosen));

        entry.setSession(sessionOf("clerk", "user-c", false), &office_.queries(), &office_.db());
        QVERIFY(!bar->isVisibleTo(entry.officeDashboard()));
        QVERIFY(languages_.setLanguage("en"));
    }

    void accessibleNames() {
        OfficeDashboard page(clock_);
        page.setQueries(figures_.get());
        for (QWidget* w : page.findChildren<QWidget*>()) {
            if (w->isVisibleTo(&page) && (w->focusPolicy() & Qt::TabFocus) &&
                !qobject_cast<QAbstractScrollArea*>(w->parentWidget())) {
                QVERIFY2(!w->accessibleName().isEmpty(),
                         qPrintable(w->metaObject()->className() + QString(" ") + w->objectName()));
            }
        }
    }
};

QTEST_MAIN(tst_OfficeDashboard)
#include "tst_officedashboard.moc"
