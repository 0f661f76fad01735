// The offices screen of the central administrator: the list, and a new office added through
// the server; a new office needs at least its code and name.
#include "../../support/FakeAdminServer.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"
#include "admin/OfficesDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeAdminServer;

class tst_OfficesDialog : public QObject {
    Q_OBJECT

    LanguageManager languages_;

private slots:
    void init() { QVERIFY(languages_.setLanguage("el")); }

    void listsAndAddsOffices() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        OfficesDialog dialog(client);
        for (QLineEdit* edit : dialog.findChildren<QLineEdit*>()) {
            QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(edit->objectName()));
        }
        dialog.show();
        auto* table = dialog.findChild<QTableWidget*>("offices");
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QString::fromUtf8("ΚΕΠ Δοκιμών"));

        auto* add = dialog.findChild<QPushButton*>("addOffice");
        QTest::mouseClick(add, Qt::LeftButton);  // nothing typed
        QVERIFY(!dialog.findChild<QLabel*>("status")->text().isEmpty());
        QCOMPARE(fake.offices.size(), 2);

        dialog.findChild<QLineEdit*>("officeCode")->setText("0199");
        dialog.findChild<QLineEdit*>("officeName")->setText(QString::fromUtf8("ΚΕΠ Νέο"));
        dialog.findChild<QLineEdit*>("officeRegion")->setText("Crete");
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_COMPARE(table->rowCount(), 3);
        QCOMPARE(fake.offices.last().value("code").toString(), QString("0199"));
        QVERIFY(dialog.findChild<QLineEdit*>("officeCode")->text().isEmpty());
    }
};

QTEST_MAIN(tst_OfficesDialog)
#include "tst_officesdialog.moc"
