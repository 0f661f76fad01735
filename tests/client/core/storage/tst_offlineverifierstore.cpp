// The offline verifiers in a real desk.db file: migrations, Argon2id verifiers (never the
// password, at least 19 MiB and two passes), look-up by case-folded username, replacement on
// the next online sign-in, and removal of disabled users.
#include "UserSession.h"
#include "db/Database.h"
#include "storage/DeskDatabase.h"
#include "storage/OfflineVerifierStore.h"
#include "storage/PasswordVerifier.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <sys/stat.h>

using namespace kep::desk;
using namespace kep::desk::storage;

namespace {

UserSession person(const QString& id, const QString& username) {
    UserSession s;
    s.userId = id;
    s.username = username;
    s.displayName = QString::fromUtf8("Ελένη Δοκιμαστική");
    s.role = "clerk";
    s.officeCode = "0101";
    s.officeName = QString::fromUtf8("ΚΕΠ Δοκιμών");
    return s;
}

const QDateTime kChecked(QDate(2030, 3, 4), QTime(9, 0), QTimeZone::utc());

}  // namespace

class tst_OfflineVerifierStore : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void verifierIsArgon2idWithTheServersParameters() {
        const QString password = QString::fromUtf8("σωστό άλογο μπαταρία");
        const QString verifier = makePasswordVerifier(password);
        const QRegularExpression phc(
            R"(^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$)");
        const auto match = phc.match(verifier);
        QVERIFY2(match.hasMatch(), qPrintable(verifier));
        QVERIFY(match.captured(1).toInt() >= 19456);
        QVERIFY(match.captured(2).toInt() >= 2);
        QVERIFY(!verifier.contains(password));
        QVERIFY(matchesPasswordVerifier(verifier, password));
        QVERIFY(!matchesPasswordVerifier(verifier, password + " "));
        // A fresh salt every time.
        QVERIFY(makePasswordVerifier(password) != verifier);
    }

    void damagedVerifiersNeverMatch_data() {
        QTest::addColumn<QString>("verifier");
        const QString salt = "c29tZXNhbHRzb21lc2FsdA";
        const QString tag = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        QTest::newRow("empty") << "";
        QTest::newRow("argon2i") << "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + tag;
        QTest::newRow("4 GiB of memory") << "$argon2id$v=19$m=4194304,t=2,p=1$" + salt + "$" + tag;
        QTest::newRow("a thousand passes")
            << "$argon2id$v=19$m=19456,t=999,p=1$" + salt + "$" + tag;
        QTest::newRow("no tag") << "$argon2id$v=19$m=19456,t=2,p=1$" + salt;
        QTest::newRow("plain text") << "password1234";
    }
    void damagedVerifiersNeverMatch() {
        QFETCH(QString, verifier);
        QVERIFY(!matchesPasswordVerifier(verifier, "password1234"));
    }

    void databaseIsMigratedAndShared() {
        const QString file = dir_.filePath("migrated.db");
        {
            kep::db::Database db = openDeskDatabase(file);
            QCOMPARE(db.userVersion(), int(deskMigrations().size()));
        }
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0660);
        // Opening again applies nothing and keeps the data.
        kep::db::Database again = openDeskDatabase(file);
        QCOMPARE(kep::db::migrate(again, deskMigrations()), 0);
    }

    void remembersAndFindsByFoldedUsername() {
        kep::db::Database db = openDeskDatabase(dir_.filePath("find.db"));
        OfflineVerifierStore store(db);
        const QString verifier = makePasswordVerifier("a synthetic password");
        store.remember(person("u-1", "Eleni.Test"), verifier, kChecked);
        QCOMPARE(store.count(), 1);
        for (const QString& typed :
             {QString("Eleni.Test"), QString("eleni.test"), QString("  ELENI.TEST ")}) {
            const auto found = store.find(typed);
            QVERIFY2(found, qPrintable(typed));
            QCOMPARE(found->profile.userId, QString("u-1"));
            QCOMPARE(found->profile.username, QString("Eleni.Test"));
            QCOMPARE(found->profile.displayName, QString::fromUtf8("Ελένη Δοκιμαστική"));
            QCOMPARE(found->profile.officeName, QString::fromUtf8("ΚΕΠ Δοκιμών"));
            QCOMPARE(found->verifier, verifier);
            QCOMPARE(found->lastOnlineCheck, kChecked);
        }
        QVERIFY(!store.find("someone.else"));
    }

    void nextOnlineSignInReplacesTheRow() {
        kep::db::Database db = openDeskDatabase(dir_.filePath("replace.db"));
        OfflineVerifierStore store(db);
        store.remember(person("u-1", "clerk.a"), makePasswordVerifier("old password 1"), kChecked);
        const QString fresh = makePasswordVerifier("new password 2");
        store.remember(person("u-1", "clerk.a"), fresh, kChecked.addDays(3));
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.find("clerk.a")->verifier, fresh);
        QCOMPARE(store.find("clerk.a")->lastOnlineCheck, kChecked.addDays(3));
    }

    void keptAcrossReopening() {
        const QString file = dir_.filePath("reopen.db");
        {
            kep::db::Database db = openDeskDatabase(file);
            OfflineVerifierStore(db).remember(person("u-9", "clerk.z"),
                                              makePasswordVerifier("x password 9"), kChecked);
        }
        kep::db::Database db = openDeskDatabase(file);
        QVERIFY(OfflineVerifierStore(db).find("clerk.z"));
    }

    void forgetsUsersById() {
        kep::db::Database db = openDeskDatabase(dir_.filePath("forget.db"));
        OfflineVerifierStore store(db);
        const QString verifier = makePasswordVerifier("a synthetic password");
        store.remember(person("u-1", "clerk.a"), verifier, kChecked);
        store.remember(person("u-2", "clerk.b"), verifier, kChecked);
        store.remember(person("u-3", "clerk.c"), verifier, kChecked);
        QCOMPARE(store.forgetUsers({"u-2", "u-3", "u-unknown"}), 2);
        QCOMPARE(store.count(), 1);
        QVERIFY(store.find("clerk.a"));
        QVERIFY(!store.find("clerk.b"));
        QCOMPARE(store.forgetUsers({}), 0);
    }
};

QTEST_GUILESS_MAIN(tst_OfflineVerifierStore)
#include "tst_offlineverifierstore.moc"
