// AdminAccess: which administration screens each role gets, and which roles it may give.
#include "admin/AdminAccess.h"

#include <QtTest>

using namespace kep::desk::admin;

class tst_AdminAccess : public QObject {
    Q_OBJECT

private slots:
    void byRole_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<bool>("offices");
        QTest::addColumn<bool>("users");
        QTest::addColumn<bool>("anyOffice");
        QTest::addColumn<bool>("workstations");
        QTest::addColumn<QStringList>("roles");
        const QStringList all{"clerk", "manager", "central_admin", "authority", "it"};
        QTest::newRow("central admin")
            << "central_admin" << false << true << true << true << false << all;
        QTest::newRow("manager") << "manager" << false << false << true << false << true
                                 << QStringList{"clerk", "manager"};
        QTest::newRow("clerk") << "clerk" << false << false << false << false << false
                               << QStringList{};
        QTest::newRow("authority")
            << "authority" << false << false << false << false << false << QStringList{};
        QTest::newRow("it") << "it" << false << false << false << false << false << QStringList{};
        QTest::newRow("manager offline")
            << "manager" << true << false << false << false << false << QStringList{};
        QTest::newRow("central admin offline")
            << "central_admin" << true << false << false << false << false << QStringList{};
    }
    void byRole() {
        QFETCH(QString, role);
        QFETCH(bool, offline);
        QFETCH(bool, offices);
        QFETCH(bool, users);
        QFETCH(bool, anyOffice);
        QFETCH(bool, workstations);
        QFETCH(QStringList, roles);
        const AdminAccess access = AdminAccess::forRole(role, offline);
        QCOMPARE(access.offices, offices);
        QCOMPARE(access.users, users);
        QCOMPARE(access.anyOffice, anyOffice);
        QCOMPARE(access.workstations, workstations);
        QCOMPARE(access.assignableRoles, roles);
        // Catalogue publishing is the central administrator's, online, as offices are.
        QCOMPARE(access.catalogue, offices);
        QCOMPARE(access.any(), offices || users || workstations || access.catalogue);
    }
};

QTEST_APPLESS_MAIN(tst_AdminAccess)
#include "tst_adminaccess.moc"
