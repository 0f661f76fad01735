// OfflineSignIn: a user who signed in online here may sign in offline with the same password
// for N days, not after (the injected clock moves 8 days), not with another password, and not
// once the directory reports them disabled.
#include "../support/ManualClock.h"
#include "OfflineSignIn.h"
#include "db/Database.h"
#include "storage/DeskDatabase.h"
#include "storage/OfflineVerifierStore.h"
#include "storage/PasswordVerifier.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using kep::desk::test::ManualClock;

namespace {
const QString kPassword = QString::fromUtf8("ένας συνθετικός κωδικός");

UserSession clerk() {
    UserSession s;
    s.userId = "0190a6c2-0000-7000-8000-000000000001";
    s.username = "clerk.demo";
    s.displayName = QString::fromUtf8("Μαρία Δοκιμαστική");
    s.role = "clerk";
    s.officeCode = "0101";
    s.officeName = QString::fromUtf8("ΚΕΠ Δοκιμών");
    s.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return s;
}
}  // namespace

class tst_OfflineSignIn : public QObject {
    Q_OBJECT

    struct Desk {
        QTemporaryDir dir;
        kep::db::Database db = storage::openDeskDatabase(dir.filePath("desk.db"));
        storage::OfflineVerifierStore store{db};
        ManualClock clock;
        OfflineSignIn offline{store, clock, OfflineSignInRule{}};
        Desk() { offline.rememberOnlineSignIn(clerk(), storage::makePasswordVerifier(kPassword)); }
    };

private slots:
    void afterOnlineSignInTheSamePasswordWorksOffline() {
        Desk desk;
        desk.clock.advanceDays(6);
        const auto outcome = desk.offline.signIn("clerk.demo", kPassword);
        QVERIFY(std::holds_alternative<UserSession>(outcome));
        const auto& session = std::get<UserSession>(outcome);
        QVERIFY(session.offline);
        QCOMPARE(session.role, QString("clerk"));
        QCOMPARE(session.officeCode, QString("0101"));
        // The offline session ends where the window does: 7 days after the online check.
        QCOMPARE(session.expiresAt, desk.clock.now().addDays(1));
    }

    void refusals_data() {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("reason");
        using R = OfflineRefusal::Reason;
        QTest::newRow("wrong password") << "clerk.demo"
                                        << "another password" << 0 << int(R::InvalidCredentials);
        QTest::newRow("never signed in here")
            << "clerk.other" << kPassword << 0 << int(R::InvalidCredentials);
        QTest::newRow("8 days later") << "clerk.demo" << kPassword << 8 << int(R::Expired);
        QTest::newRow("8 days later, wrong password")
            << "clerk.demo"
            << "another password" << 8 << int(R::InvalidCredentials);
        QTest::newRow("clock set back") << "clerk.demo" << kPassword << -2 << int(R::ClockWentBack);
    }
    void refusals() {
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(int, days);
        QFETCH(int, reason);
        Desk desk;
        desk.clock.advanceDays(days);
        const auto outcome = desk.offline.signIn(username, password);
        QVERIFY(std::holds_alternative<OfflineRefusal>(outcome));
        const auto& refusal = std::get<OfflineRefusal>(outcome);
        QCOMPARE(int(refusal.reason), reason);
        QCOMPARE(refusal.maxDays, 7);
    }

    void onlineSignInRestartsTheWindow() {
        Desk desk;
        desk.clock.advanceDays(8);
        desk.offline.rememberOnlineSignIn(clerk(), storage::makePasswordVerifier(kPassword));
        desk.clock.advanceDays(6);
        QVERIFY(std::holds_alternative<UserSession>(desk.offline.signIn("clerk.demo", kPassword)));
    }

    void disabledUserLosesTheVerifier() {
        Desk desk;
        const QList<DirectoryUser> directory{{clerk().userId, "clerk.demo", true},
                                             {"0190a6c2-0000-7000-8000-000000000002", "x", false}};
        QCOMPARE(desk.offline.applyDirectory(directory), 1);
        QCOMPARE(desk.store.count(), 0);
        const auto outcome = desk.offline.signIn("clerk.demo", kPassword);
        QVERIFY(std::holds_alternative<OfflineRefusal>(outcome));
    }

    void enabledUsersKeepTheirVerifier() {
        Desk desk;
        QCOMPARE(desk.offline.applyDirectory({{clerk().userId, "clerk.demo", false}}), 0);
        QVERIFY(std::holds_alternative<UserSession>(desk.offline.signIn("clerk.demo", kPassword)));
    }
};

QTEST_GUILESS_MAIN(tst_OfflineSignIn)
#include "tst_offlinesignin.moc"
