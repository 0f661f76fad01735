// The administration API's bodies as the desk reads and writes them: offices, users (office as
// a code or an object), devices (revoked or not), enrolment codes, errors and request bodies.
#include "admin/AdminReplies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kep::desk::admin;

class tst_AdminReplies : public QObject {
    Q_OBJECT

private slots:
    void offices() {
        const auto offices = readOffices(
            R"({"offices":[{"code":"0101","name":"ΚΕΠ Α","region":"Attica"},{"code":"0102"}]})");
        QVERIFY(offices);
        QCOMPARE(offices->size(), 2);
        QCOMPARE(offices->at(0).name, QString::fromUtf8("ΚΕΠ Α"));
        QCOMPARE(offices->at(0).region, QString("Attica"));
        QVERIFY(offices->at(1).region.isEmpty());
        QVERIFY(!readOffices(R"({"error":{"code":"forbidden"}})"));
        QVERIFY(!readOffices("not json"));
    }

    void users_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("office");
        QTest::addColumn<bool>("disabled");
        QTest::newRow("office code")
            << QByteArray(R"({"users":[{"id":"u1","username":"a","displayName":"A","role":"clerk",)"
                          R"("office":"0101","disabled":true}]})")
            << "0101" << true;
        QTest::newRow("office object")
            << QByteArray(R"({"users":[{"id":"u1","username":"a","displayName":"A","role":"clerk",)"
                          R"("office":{"code":"0102","name":"B"}}]})")
            << "0102" << false;
        QTest::newRow("no office")
            << QByteArray(R"({"users":[{"id":"u1","username":"a","displayName":"A","role":"it",)"
                          R"("office":null,"disabled":false}]})")
            << "" << false;
    }
    void users() {
        QFETCH(QByteArray, body);
        QFETCH(QString, office);
        QFETCH(bool, disabled);
        const auto users = readUsers(body);
        QVERIFY(users);
        QCOMPARE(users->size(), 1);
        QCOMPARE(users->first().id, QString("u1"));
        QCOMPARE(users->first().officeCode, office);
        QCOMPARE(users->first().disabled, disabled);
    }

    void devices() {
        const auto devices = readDevices(
            R"({"devices":[{"id":"d1","office":"0101","hostname":"counter-1",)"
            R"("enrolledAt":"2030-01-02T08:00:00Z","revokedAt":null},)"
            R"({"id":"d2","office":"0101","hostname":"counter-2",)"
            R"("enrolledAt":"2030-01-02T08:00:00Z","revokedAt":"2030-02-01T10:00:00Z"}]})");
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2);
        QCOMPARE(devices->at(0).hostname, QString("counter-1"));
        QVERIFY(devices->at(0).enrolledAt.isValid());
        QVERIFY(!devices->at(0).revokedAt.isValid());
        QVERIFY(devices->at(1).revokedAt.isValid());
    }

    void enrolmentCode() {
        const auto code =
            readEnrolmentCode(R"({"code":"ABCD-EFGH-JKLM","expiresAt":"2030-01-05T08:00:00Z"})");
        QVERIFY(code);
        QCOMPARE(code->code, QString("ABCD-EFGH-JKLM"));
        QCOMPARE(code->expiresAt.date(), QDate(2030, 1, 5));
        QVERIFY(!readEnrolmentCode(R"({"expiresAt":"2030-01-05T08:00:00Z"})"));
    }

    void failure() {
        const AdminFailure f =
            readFailure(400, R"({"error":{"code":"weak_password","message":"too short"}})");
        QCOMPARE(f.status, 400);
        QCOMPARE(f.code, QString("weak_password"));
        QCOMPARE(f.message, QString("too short"));
        QVERIFY(readFailure(502, "<html>").code.isEmpty());
    }

    void newUserBodyGivesCentralRolesNoOffice_data() {
        QTest::addColumn<QString>("office");
        QTest::addColumn<bool>("null");
        QTest::newRow("clerk of an office") << "0101" << false;
        QTest::newRow("central") << "" << true;
    }
    void newUserBodyGivesCentralRolesNoOffice() {
        QFETCH(QString, office);
        QFETCH(bool, null);
        const QJsonObject body =
            QJsonDocument::fromJson(newUserBody({"new.clerk", QString::fromUtf8("Νέος Υπάλληλος"),
                                                 "clerk", office, "long enough password"}))
                .object();
        QCOMPARE(body.value("username").toString(), QString("new.clerk"));
        QCOMPARE(body.value("displayName").toString(), QString::fromUtf8("Νέος Υπάλληλος"));
        QCOMPARE(body.value("role").toString(), QString("clerk"));
        QCOMPARE(body.value("password").toString(), QString("long enough password"));
        QCOMPARE(body.value("office").isNull(), null);
        if (!null) {
            QCOMPARE(body.value("office").toString(), office);
        }
    }

    void officeBody() {
        const QJsonObject body =
            QJsonDocument::fromJson(kep::desk::admin::officeBody({"0199", "KEP", "Crete"}))
                .object();
        QCOMPARE(body.value("code").toString(), QString("0199"));
        QCOMPARE(body.value("region").toString(), QString("Crete"));
    }
};

QTEST_APPLESS_MAIN(tst_AdminReplies)
#include "tst_adminreplies.moc"
