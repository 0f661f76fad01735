// The Administration menu's "Catalogue publishing" entry: shown to a central administrator
// online only, opening the window for them alone, and dropping the window at sign-out.
#include "../../support/FakeServerTransport.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"
#include "admin/CataloguePublishEntry.h"
#include "admin/CataloguePublishWindow.h"

#include <QAction>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QtTest>

using namespace kep::desk;

class tst_CataloguePublishEntry : public QObject {
    Q_OBJECT

private slots:
    void shownToTheCentralAdministratorOnline_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<bool>("shown");
        QTest::newRow("central admin") << "central_admin" << false << true;
        QTest::newRow("central admin offline") << "central_admin" << true << false;
        QTest::newRow("manager") << "manager" << false << false;
        QTest::newRow("clerk") << "clerk" << false << false;
        QTest::newRow("it") << "it" << false << false;
    }
    void shownToTheCentralAdministratorOnline() {
        QFETCH(QString, role);
        QFETCH(bool, offline);
        QFETCH(bool, shown);
        test::FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray&, const QByteArray&) {
            return test::FakeServer::json(200, {{"drafts", QJsonArray{}}, {"total", 0}});
        };
        ServerLink link(server.factory());
        admin::AdministrationClient client(link);
        QMainWindow window;
        QMenu* menu = window.menuBar()->addMenu(QStringLiteral("Administration"));
        ui::CataloguePublishEntry entry(client, menu, &window);
        QVERIFY(menu->actions().contains(entry.action()));
        QVERIFY(!entry.action()->isVisible());
        QVERIFY(!entry.action()->text().isEmpty());

        UserSession session;
        session.role = role;
        session.offline = offline;
        entry.setSession(session);
        QCOMPARE(entry.action()->isVisible(), shown);
        entry.action()->trigger();
        QCOMPARE(entry.window() != nullptr, shown);
        if (!shown) {
            return;
        }
        QVERIFY(entry.window()->isVisible());
        QCOMPARE(entry.window()->parentWidget(), &window);
        const QPointer<ui::CataloguePublishWindow> opened = entry.window();
        entry.setSession(std::nullopt);
        QVERIFY(!entry.action()->isVisible());
        QVERIFY(opened.isNull());
    }
};

QTEST_MAIN(tst_CataloguePublishEntry)
#include "tst_cataloguepublishentry.moc"
