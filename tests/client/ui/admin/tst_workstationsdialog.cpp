// The workstations screen of a manager: a one-time code issued and shown, the office's devices
// listed, and a revocation only after the manager confirms it.
#include "../../support/FakeAdminServer.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"
#include "admin/WorkstationsDialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeAdminServer;

class tst_WorkstationsDialog : public QObject {
    Q_OBJECT

    LanguageManager languages_;

private slots:
    void init() { QVERIFY(languages_.setLanguage("en")); }

    void issuesAndShowsAnEnrolmentCode() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        WorkstationsDialog dialog(client, "0101");
        dialog.show();
        auto* code = dialog.findChild<QLabel*>("enrolmentCode");
        QVERIFY(!code->accessibleName().isEmpty());
        QTest::mouseClick(dialog.findChild<QPushButton*>("issueCode"), Qt::LeftButton);
        QTRY_COMPARE(code->text(), QString("WXYZ-2345-ABCD"));
        QVERIFY(fake.server.targets.contains("/api/v1/offices/0101/enrolment-codes"));
        QVERIFY(dialog.findChild<QLabel*>("codeCaption")->text().contains("It works once"));
    }

    void revokesOnlyAfterConfirmation_data() {
        QTest::addColumn<bool>("confirmed");
        QTest::newRow("confirmed") << true;
        QTest::newRow("cancelled") << false;
    }
    void revokesOnlyAfterConfirmation() {
        QFETCH(bool, confirmed);
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        WorkstationsDialog dialog(client, "0101");
        QString asked;
        dialog.setConfirmation([&](const QString& question) {
            asked = question;
            return confirmed;
        });
        dialog.show();
        auto* table = dialog.findChild<QTableWidget*>("devices");
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), QString("counter-2"));
        QCOMPARE(table->item(1, 2)->text(), QString("In service"));
        auto* revoke = dialog.findChild<QPushButton*>("revoke");
        QVERIFY(!revoke->isEnabled());
        table->selectRow(1);
        QVERIFY(revoke->isEnabled());
        QTest::mouseClick(revoke, Qt::LeftButton);
        QVERIFY(asked.contains("counter-2"));
        if (confirmed) {
            QTRY_VERIFY(fake.machines[1].revoked);
            QTRY_VERIFY(table->item(1, 2)->text().startsWith("Revoked"));
            table->selectRow(1);
            QVERIFY(!revoke->isEnabled());  // already revoked
        } else {
            QTest::qWait(100);
            QVERIFY(!fake.machines[1].revoked);
            QVERIFY(!fake.server.targets.contains("/api/v1/devices/d2/revoke"));
        }
    }
};

QTEST_MAIN(tst_WorkstationsDialog)
#include "tst_workstationsdialog.moc"
