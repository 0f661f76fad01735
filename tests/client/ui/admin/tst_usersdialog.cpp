// The users screen: a manager sees their own office only and may add clerks and managers; the
// central administrator picks any office; disable/enable and add reach the server; every input
// is named for screen readers; a refusal is shown in words.
#include "../../support/FakeAdminServer.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"
#include "admin/UsersDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeAdminServer;

class tst_UsersDialog : public QObject {
    Q_OBJECT

    LanguageManager languages_;

    static QTableWidget* table(UsersDialog& d) { return d.findChild<QTableWidget*>("users"); }
    static QStringList usernames(UsersDialog& d) {
        QStringList names;
        for (int row = 0; row < table(d)->rowCount(); ++row) {
            names.append(table(d)->item(row, 0)->text());
        }
        return names;
    }

private slots:
    void init() { QVERIFY(languages_.setLanguage("en")); }

    void everyInputIsNamed() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("central_admin"), "0101");
        for (QWidget* input : dialog.findChildren<QWidget*>()) {
            if (qobject_cast<QLineEdit*>(input) || qobject_cast<QComboBox*>(input) ||
                qobject_cast<QPushButton*>(input) || qobject_cast<QTableWidget*>(input)) {
                QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
                QVERIFY2(input->focusPolicy() & Qt::TabFocus, qPrintable(input->objectName()));
            }
        }
        QCOMPARE(dialog.findChild<QLineEdit*>("newPassword")->echoMode(), QLineEdit::Password);
    }

    void managerSeesOwnOfficeAndMayGiveOfficeRolesOnly() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("manager"), "0101");
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        QCOMPARE(usernames(dialog), (QStringList{"clerk.a", "manager.a"}));
        auto* office = dialog.findChild<QComboBox*>("office");
        QVERIFY(!office->isEnabled());
        QCOMPARE(office->count(), 1);
        auto* role = dialog.findChild<QComboBox*>("newRole");
        QCOMPARE(role->count(), 2);
        QCOMPARE(role->itemData(0).toString(), QString("clerk"));
        QCOMPARE(role->itemData(1).toString(), QString("manager"));
        QVERIFY(!fake.server.targets.contains("/api/v1/offices"));
    }

    void centralAdminPicksAnyOffice() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("central_admin"), QString());
        dialog.show();
        auto* office = dialog.findChild<QComboBox*>("office");
        QTRY_COMPARE(office->count(), 2);
        QVERIFY(office->isEnabled());
        QTRY_COMPARE(usernames(dialog), (QStringList{"clerk.a", "manager.a"}));
        office->setCurrentIndex(1);
        QTRY_COMPARE(usernames(dialog), QStringList{"clerk.b"});
        QCOMPARE(dialog.office(), QString("0102"));
    }

    void disableAndEnable() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("manager"), "0101");
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        auto* toggle = dialog.findChild<QPushButton*>("toggleDisabled");
        QVERIFY(!toggle->isEnabled());  // nothing selected
        table(dialog)->selectRow(0);
        QVERIFY(toggle->isEnabled());
        QCOMPARE(toggle->text(), QString("&Disable"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY(fake.people[0].disabled);
        QTRY_COMPARE(table(dialog)->item(0, 3)->text(), QString("Disabled"));
        table(dialog)->selectRow(0);
        QCOMPARE(toggle->text(), QString("&Enable"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY(!fake.people[0].disabled);
    }

    void addUserAndShowARefusal() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("manager"), "0101");
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        auto* status = dialog.findChild<QLabel*>("status");
        dialog.findChild<QLineEdit*>("newUsername")->setText("clerk.new");
        dialog.findChild<QLineEdit*>("newDisplayName")->setText("New Clerk");
        dialog.findChild<QLineEdit*>("newPassword")->setText("short");
        QTest::mouseClick(dialog.findChild<QPushButton*>("addUser"), Qt::LeftButton);
        QTRY_VERIFY2(status->text().contains("The password was refused"),
                     qPrintable(status->text()));
        dialog.findChild<QLineEdit*>("newPassword")->setText("a long synthetic password");
        QTest::mouseClick(dialog.findChild<QPushButton*>("addUser"), Qt::LeftButton);
        QTRY_COMPARE(usernames(dialog), (QStringList{"clerk.a", "manager.a", "clerk.new"}));
        QCOMPARE(fake.people.last().office, QString("0101"));
        QCOMPARE(fake.people.last().role, QString("clerk"));
        QVERIFY(dialog.findChild<QLineEdit*>("newPassword")->text().isEmpty());
    }

    void missingFieldsAreRefusedLocally() {
        FakeAdminServer fake;
        ServerLink link(fake.server.factory());
        admin::AdministrationClient client(link);
        UsersDialog dialog(client, admin::AdminAccess::forRole("manager"), "0101");
        QTest::mouseClick(dialog.findChild<QPushButton*>("addUser"), Qt::LeftButton);
        QVERIFY(dialog.findChild<QLabel*>("status")->text().contains("Enter the username"));
        QTest::qWait(50);
        QVERIFY(!fake.server.targets.contains("/api/v1/users"));
    }
};

QTEST_MAIN(tst_UsersDialog)
#include "tst_usersdialog.moc"
