// The senders' circulars window against a real kep-server over TLS (offscreen): the central
// administrator, signed in at an enrolled desk, writes a circular to one region's offices and
// sends it with the keyboard; the window lists it with the region's offices and their staff not
// yet read; once a clerk's desk reports the reading, F5 shows it read. The Administration
// menu's entry is there for the senders only.
#include "HttpsTransport.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "admin/AdministrationClient.h"
#include "circulars/CircularComposer.h"
#include "circulars/CircularSending.h"
#include "circulars/CircularSendingEntry.h"
#include "circulars/CircularsWindow.h"
#include "support/FakeServerTransport.h"
#include "tour/DemoAccounts.h"

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kep::desk;
using kep::test::ServerProcess;

namespace {

const QString kAttica = QString::fromUtf8("Αττική");

// The office's staff line in the receipts: "<name>" → "read …" or "not yet".
QMap<QString, QString> staffOf(const QTreeWidgetItem* office) {
    QMap<QString, QString> staff;
    for (int i = 0; i < office->childCount(); ++i) {
        staff.insert(office->child(i)->text(0), office->child(i)->text(1));
    }
    return staff;
}

}  // namespace

class tst_DeskCircularsE2e : public QObject {
    Q_OBJECT

private slots:
    void centralAdministratorWritesToARegionAndSeesWhoRead() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));

        // A desk of office 0101 (Αττική) where the central administrator signs in.
        QTemporaryDir dir;
        QString error;
        SystemClock clock;
        auto workstation = Workstation::open(dir.filePath("data"), clock, {}, &error);
        QVERIFY2(workstation, qPrintable(error));
        const ServerAddress address{server.url(), server.caFile(),
                                    workstation->dataFolder().certificateFile(),
                                    workstation->credential().tlsKeyFile()};
        ServerLink link(httpsTransport(address), &workstation->credential());
        const auto code = ui::DemoAccounts::enrolmentCode(server.demoJson(), "0101", &error);
        const auto central =
            ui::DemoAccounts::firstWithRole(server.demoJson(), "central_admin", &error);
        QVERIFY2(code && central, qPrintable(error));
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        link.enrol(*code, "e2e-circulars");
        QTRY_VERIFY_WITH_TIMEOUT(!enrolled.isEmpty(), 20000);
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        link.signIn(central->username, central->password);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);

        circulars::CircularSendingClient circulars(link);
        admin::AdministrationClient administration(link);
        ui::CircularsWindow window(circulars, administration);
        window.setNationalAudience(true);
        window.loadOffices();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::CircularComposer* composer = window.composer();
        QTRY_COMPARE_WITH_TIMEOUT(composer->region()->count(), 3, 10000);  // the demo's regions
        QCOMPARE(composer->offices()->count(), 3);

        // 1. Written to the offices of Αττική, sent with Ctrl+Enter.
        composer->kind()->setCurrentIndex(composer->kind()->findData("outage"));
        composer->titleEl()->setText(QString::fromUtf8("Διακοπή ρεύματος την Πέμπτη"));
        composer->bodyEl()->setPlainText(
            QString::fromUtf8("Το κτίριο μένει χωρίς ρεύμα από τις 08:00 ως τις 10:00."));
        composer->toRegion()->setChecked(true);
        composer->region()->setCurrentIndex(composer->region()->findText(kAttica));
        composer->titleEn()->setFocus();
        QTest::keyClick(composer->titleEn(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.sent()->rowCount(), 1, 10000);
        QCOMPARE(window.sent()->item(0, 3)->text(), QString("Region: ") + kAttica);
        QCOMPARE(window.sent()->item(0, 1)->text(), QString("Outage"));
        QVERIFY(composer->titleEl()->text().isEmpty());  // ready for the next one

        // 2. Its receipts: Αττική's one office, whose two members of staff have not read it.
        QTRY_COMPARE_WITH_TIMEOUT(window.receipts()->topLevelItemCount(), 1, 10000);
        const QTreeWidgetItem* athens = window.receipts()->topLevelItem(0);
        QVERIFY2(athens->text(0).startsWith("0101 "), qPrintable(athens->text(0)));
        QCOMPARE(athens->text(1), QString("0 of 2 read"));
        QCOMPARE(staffOf(athens).values(), (QStringList{"not yet", "not yet"}));
        QTRY_COMPARE(window.sent()->item(0, 4)->text(), QString("0 of 2"));

        // 3. The clerk reads it at their desk, which reports it by its certificate.
        QString circularId;
        QString clerkId;
        {
            // The window's own answer names the circular and the clerk who has not read it.
            QSignalSpy fetched(&circulars, &circulars::CircularSendingClient::receiptsFetched);
            window.refreshReceipts();
            QTRY_VERIFY_WITH_TIMEOUT(!fetched.isEmpty(), 10000);
            const auto answer = fetched.last().at(0).value<circulars::CircularReceipts>();
            circularId = answer.circular.id;
            for (const auto& person : answer.offices.at(0).notYet) {
                if (person.displayName == QString::fromUtf8("Ελένη Δημητρίου")) {
                    clerkId = person.userId;
                }
            }
        }
        QVERIFY(!circularId.isEmpty());
        QVERIFY(!clerkId.isEmpty());
        const auto desk = httpsTransport(address)();
        const HttpReply read = desk->send(
            "POST", "/api/v1/circulars/" + circularId.toUtf8() + "/read",
            QJsonDocument(QJsonObject{{"user", clerkId}}).toJson(QJsonDocument::Compact), {});
        QCOMPARE(read.status, 200);

        // 4. F5: the window asks again and shows her reading.
        window.sent()->setFocus();
        QTest::keyClick(window.sent(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(window.sent()->item(0, 4)->text(), QString("1 of 2"), 10000);
        QTRY_COMPARE(window.receipts()->topLevelItem(0)->text(1), QString("1 of 2 read"));
        const auto staff = staffOf(window.receipts()->topLevelItem(0));
        QVERIFY2(staff.value(QString::fromUtf8("Ελένη Δημητρίου")).startsWith("read "),
                 qPrintable(staff.value(QString::fromUtf8("Ελένη Δημητρίου"))));
        QCOMPARE(staff.value(QString::fromUtf8("Νίκος Αντωνίου")), QString("not yet"));

        window.close();
        QCOMPARE(server.stop(), 0);
    }

    // The Administration menu offers the window to the senders, online: the central
    // administration and a region's IT staff; not to an office's staff, nor offline.
    void entryForTheSendersOnly_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<bool>("offered");
        QTest::newRow("central administration") << "central_admin" << false << true;
        QTest::newRow("IT staff") << "it" << false << true;
        QTest::newRow("central administration, offline") << "central_admin" << true << false;
        QTest::newRow("manager") << "manager" << false << false;
        QTest::newRow("clerk") << "clerk" << false << false;
    }

    void entryForTheSendersOnly() {
        QFETCH(QString, role);
        QFETCH(bool, offline);
        QFETCH(bool, offered);
        kep::desk::test::FakeServer server;
        ServerLink link(server.factory());
        QWidget window;
        QMenu menu;
        menu.menuAction()->setVisible(false);
        ui::CircularSendingEntry entry(link, &menu, &window);
        UserSession session;
        session.userId = "user-1";
        session.role = role;
        session.offline = offline;
        entry.setSession(session);
        QCOMPARE(entry.action()->isVisible(), offered);
        QCOMPARE(menu.menuAction()->isVisible(), offered);
        entry.show();
        QCOMPARE(entry.window() != nullptr, offered);
        entry.setSession(std::nullopt);  // sign-out drops the window
        QVERIFY(!entry.action()->isVisible());
        QVERIFY(entry.window() == nullptr);
    }
};

QTEST_MAIN(tst_DeskCircularsE2e)
#include "tst_desk_circulars_e2e.moc"
