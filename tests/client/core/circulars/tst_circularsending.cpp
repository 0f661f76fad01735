// The sender's side of circulars without a network: the POST body for each audience (English
// members only with English text), the server's 201 answer and its receipts read back, and
// answers that are not those refused.
#include "circulars/CircularSending.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using kep::desk::circulars::CircularAudience;
using kep::desk::circulars::OutgoingCircular;

Q_DECLARE_METATYPE(CircularAudience)

class tst_CircularSending : public QObject {
    Q_OBJECT

private slots:
    void bodyForEachAudience_data() {
        QTest::addColumn<CircularAudience>("audience");
        QTest::addColumn<QString>("titleEn");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("every office, Greek only")
            << CircularAudience{} << ""
            << QByteArray(R"({"audience":{"kind":"all"},"body":{"el":"Κείμενο"},)"
                          R"("kind":"outage","title":{"el":"Διακοπή"}})");
        QTest::newRow("a region, with English")
            << CircularAudience{CircularAudience::Kind::Region, QString::fromUtf8("Κρήτη"), {}}
            << "Outage"
            << QByteArray(R"({"audience":{"kind":"region","region":"Κρήτη"},)"
                          R"("body":{"el":"Κείμενο"},"kind":"outage",)"
                          R"("title":{"el":"Διακοπή","en":"Outage"}})");
        QTest::newRow("chosen offices")
            << CircularAudience{CircularAudience::Kind::Offices, {}, {"0101", "0303"}} << "  "
            << QByteArray(R"({"audience":{"kind":"offices","offices":["0101","0303"]},)"
                          R"("body":{"el":"Κείμενο"},"kind":"outage","title":{"el":"Διακοπή"}})");
    }

    void bodyForEachAudience() {
        QFETCH(CircularAudience, audience);
        QFETCH(QString, titleEn);
        QFETCH(QByteArray, expected);
        OutgoingCircular circular{"outage", QString::fromUtf8("Διακοπή"),
                                  titleEn,  QString::fromUtf8("Κείμενο"),
                                  {},       audience};
        QCOMPARE(QJsonDocument::fromJson(kep::desk::circulars::circularBody(circular)).object(),
                 QJsonDocument::fromJson(expected).object());
    }

    void sentCircularIsRead() {
        const auto sent = kep::desk::circulars::readSentCircular(
            R"({"circular":{"id":"c-1","seq":4,"kind":"new_rule",)"
            R"("title":{"el":"Νέος κανόνας","en":""},"body":{"el":"…","en":""},)"
            R"("audience":{"kind":"region","region":"Αττική"},"sender":"national",)"
            R"("sentAt":"2026-03-02T09:15:00Z"}})");
        QVERIFY(sent);
        QCOMPARE(sent->id, QString("c-1"));
        QCOMPARE(sent->kind, QString("new_rule"));
        QCOMPARE(sent->titleEl, QString::fromUtf8("Νέος κανόνας"));
        QCOMPARE(int(sent->audience.kind), int(CircularAudience::Kind::Region));
        QCOMPARE(sent->audience.region, QString::fromUtf8("Αττική"));
        QCOMPARE(sent->sentAt, QDateTime(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC));
    }

    void receiptsAreRead() {
        const auto receipts = kep::desk::circulars::readCircularReceipts(
            R"({"circular":{"id":"c-1","kind":"outage","title":{"el":"Τ"},)"
            R"("audience":{"kind":"offices","offices":["0101"]},"sentAt":"2026-03-02T09:15:00Z"},)"
            R"("users":3,"read":1,"offices":[{"code":"0101","name":"ΚΕΠ","region":"Αττική",)"
            R"("read":[{"user_id":"u1","display_name":"Α","read_at":"2026-03-02T10:00:00Z"}],)"
            R"("not_yet":[{"user_id":"u2","display_name":"Β"},{"user_id":"u3","display_name":"Γ"}]}]})");
        QVERIFY(receipts);
        QCOMPARE(receipts->users, 3);
        QCOMPARE(receipts->read, 1);
        QCOMPARE(receipts->offices.size(), 1);
        const auto& office = receipts->offices.at(0);
        QCOMPARE(office.code, QString("0101"));
        QCOMPARE(office.read.size(), 1);
        QCOMPARE(office.read.at(0).userId, QString("u1"));
        QVERIFY(office.read.at(0).readAt.isValid());
        QCOMPARE(office.notYet.size(), 2);
        QVERIFY(!office.notYet.at(1).readAt.isValid());
        QCOMPARE(receipts->circular.audience.offices, QStringList{"0101"});
    }

    void otherAnswersAreRefused_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("no circular") << QByteArray(R"({"offices":[]})");
        QTest::newRow("no id") << QByteArray(
            R"({"circular":{"audience":{"kind":"all"}},"offices":[]})");
        QTest::newRow("unknown audience")
            << QByteArray(R"({"circular":{"id":"c","audience":{"kind":"some"}},"offices":[]})");
    }

    void otherAnswersAreRefused() {
        QFETCH(QByteArray, body);
        QVERIFY(!kep::desk::circulars::readSentCircular(body));
        QVERIFY(!kep::desk::circulars::readCircularReceipts(body));
    }
};

QTEST_GUILESS_MAIN(tst_CircularSending)
#include "tst_circularsending.moc"
