// OfflineSignInRule: offline sign-in within N days of the last online check, never after, and
// never when the clock stands before that check; policy values outside 1..90 mean the default.
#include "OfflineSignInRule.h"

#include <QTimeZone>
#include <QtTest>

using namespace kep::desk;

class tst_OfflineSignInRule : public QObject {
    Q_OBJECT

private slots:
    void judge_data() {
        QTest::addColumn<int>("maxDays");
        QTest::addColumn<qint64>("secondsSinceCheck");
        QTest::addColumn<int>("verdict");
        const qint64 day = 24 * 3600;
        const int allowed = int(OfflineVerdict::Allowed);
        const int expired = int(OfflineVerdict::Expired);
        const int back = int(OfflineVerdict::ClockWentBack);
        QTest::newRow("just checked") << 7 << qint64(0) << allowed;
        QTest::newRow("six days") << 7 << 6 * day << allowed;
        QTest::newRow("a second before 7 days") << 7 << 7 * day - 1 << allowed;
        QTest::newRow("exactly 7 days") << 7 << 7 * day << expired;
        QTest::newRow("8 days") << 7 << 8 * day << expired;
        QTest::newRow("policy 1 day, 2 days on") << 1 << 2 * day << expired;
        QTest::newRow("policy 30 days, 20 days on") << 30 << 20 * day << allowed;
        QTest::newRow("clock drift of a minute back") << 7 << qint64(-60) << allowed;
        QTest::newRow("clock set back a day") << 7 << -day << back;
    }
    void judge() {
        QFETCH(int, maxDays);
        QFETCH(qint64, secondsSinceCheck);
        QFETCH(int, verdict);
        const QDateTime check(QDate(2030, 3, 4), QTime(9, 0), QTimeZone::utc());
        OfflineSignInRule rule;
        rule.maxDays = maxDays;
        QCOMPARE(int(rule.judge(check, check.addSecs(secondsSinceCheck))), verdict);
    }

    void neverCheckedIsExpired() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(OfflineSignInRule{}.judge(QDateTime(), now), OfflineVerdict::Expired);
    }

    void validUntilIsTheCheckPlusTheDays() {
        const QDateTime check(QDate(2030, 3, 4), QTime(9, 0), QTimeZone::utc());
        QCOMPARE(OfflineSignInRule{}.validUntil(check),
                 QDateTime(QDate(2030, 3, 11), QTime(9, 0), QTimeZone::utc()));
    }

    void fromPolicyDays_data() {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("days");
        QTest::newRow("unset") << 0 << 7;
        QTest::newRow("negative") << -3 << 7;
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("fourteen") << 14 << 14;
        QTest::newRow("ninety") << 90 << 90;
        QTest::newRow("a year") << 365 << 7;
    }
    void fromPolicyDays() {
        QFETCH(int, policy);
        QFETCH(int, days);
        QCOMPARE(OfflineSignInRule::fromPolicyDays(policy).maxDays, days);
    }
};

QTEST_APPLESS_MAIN(tst_OfflineSignInRule)
#include "tst_offlinesigninrule.moc"
