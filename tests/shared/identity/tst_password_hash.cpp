// Argon2id password storage: round trip, parameters in the PHC string, malformed input refused,
// and the re-hash signal for hashes weaker than today's parameters.
#include "shared/identity/PasswordHash.h"

#include <argon2.h>

#include <QtTest>

#include <string>

using namespace kep::identity;

class tst_PasswordHash : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wrongPasswordIsRefused();
    void phcCarriesCurrentParameters();
    void saltIsFreshEachTime();
    void malformedIsRefused_data();
    void malformedIsRefused();
    void rehashSignal_data();
    void rehashSignal();
    void agreesWithLibargon2Encoding();
};

void tst_PasswordHash::roundTrip_data() {
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("ascii") << QByteArray("correct horse battery staple");
    QTest::newRow("greek") << QString::fromUtf8("Καλημέρα σας κύριε").toUtf8();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("embedded nul") << QByteArray("abc\0def", 7);
}

void tst_PasswordHash::roundTrip() {
    QFETCH(QByteArray, password);
    const std::string pw(password.constData(), static_cast<std::size_t>(password.size()));
    const std::string phc = hashPassword(pw);
    QVERIFY(verifyPassword(phc, pw));
    QVERIFY(!needsRehash(phc));
}

void tst_PasswordHash::wrongPasswordIsRefused() {
    const std::string phc = hashPassword("correct horse battery staple");
    QVERIFY(!verifyPassword(phc, "correct horse battery stapl"));
    QVERIFY(!verifyPassword(phc, "Correct horse battery staple"));
    QVERIFY(!verifyPassword(phc, ""));
    // A password that differs only after a NUL must not collapse to its prefix.
    const std::string withNul("abc\0def", 7);
    QVERIFY(!verifyPassword(hashPassword(withNul), "abc"));
}

void tst_PasswordHash::phcCarriesCurrentParameters() {
    const std::string phc = hashPassword("correct horse battery staple");
    QVERIFY2(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), phc.c_str());
    // 16-byte salt = 22 base64 characters, 32-byte tag = 43, no padding.
    const auto lastDollar = phc.rfind('$');
    const auto saltStart = phc.rfind('$', lastDollar - 1) + 1;
    QCOMPARE(lastDollar - saltStart, std::size_t{22});
    QCOMPARE(phc.size() - lastDollar - 1, std::size_t{43});
    QVERIFY(phc.find('=', lastDollar) == std::string::npos);
}

void tst_PasswordHash::saltIsFreshEachTime() {
    QVERIFY(hashPassword("same password twice") != hashPassword("same password twice"));
}

void tst_PasswordHash::malformedIsRefused_data() {
    const std::string good = hashPassword("correct horse battery staple");
    const auto lastDollar = good.rfind('$');
    const auto saltStart = good.rfind('$', lastDollar - 1) + 1;
    const std::string salt = good.substr(saltStart, lastDollar - saltStart);
    const std::string tag = good.substr(lastDollar + 1);
    const std::string tail = "$" + salt + "$" + tag;

    QTest::addColumn<QByteArray>("phc");
    auto row = [](const char* name, const std::string& s) {
        QTest::newRow(name) << QByteArray::fromStdString(s);
    };
    row("empty", "");
    row("plain text", "correct horse battery staple");
    row("argon2i", "$argon2i$v=19$m=19456,t=2,p=1" + tail);
    row("argon2d", "$argon2d$v=19$m=19456,t=2,p=1" + tail);
    row("bcrypt", "$2b$12$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZa");
    row("old version 16", "$argon2id$v=16$m=19456,t=2,p=1" + tail);
    row("no version", "$argon2id$m=19456,t=2,p=1" + tail);
    row("params reordered", "$argon2id$v=19$t=2,m=19456,p=1" + tail);
    row("negative memory", "$argon2id$v=19$m=-1,t=2,p=1" + tail);
    row("leading zero", "$argon2id$v=19$m=019456,t=2,p=1" + tail);
    row("memory 4 GiB", "$argon2id$v=19$m=4194304,t=2,p=1" + tail);
    row("memory overflow", "$argon2id$v=19$m=99999999999,t=2,p=1" + tail);
    row("t zero", "$argon2id$v=19$m=19456,t=0,p=1" + tail);
    row("p zero", "$argon2id$v=19$m=19456,t=2,p=0" + tail);
    row("missing tag", "$argon2id$v=19$m=19456,t=2,p=1$" + salt);
    row("empty tag", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$");
    row("trailing field", good + "$x");
    row("padded tag", good + "=");
    row("bad base64", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + tag.substr(0, 42) + "!");
    row("short salt", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + tag);
    row("short tag", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$c2hvcnR0YWc");
    row("trailing space", good + " ");
}

void tst_PasswordHash::malformedIsRefused() {
    QFETCH(QByteArray, phc);
    QVERIFY(!verifyPassword(phc.toStdString(), "correct horse battery staple"));
    QVERIFY(needsRehash(phc.toStdString()));
}

void tst_PasswordHash::rehashSignal_data() {
    QTest::addColumn<QByteArray>("phc");
    QTest::addColumn<bool>("expected");
    // needsRehash reads only the parameters and lengths, so one salt and tag serve every row.
    QTest::newRow("current") << QByteArray(
                                    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                    "KyH8cZyZ1M1vdFzQ2kB+6Y0b7mNvXfDSLQ3WZyjrlyE")
                             << false;
    QTest::newRow("less memory") << QByteArray(
                                        "$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                        "KyH8cZyZ1M1vdFzQ2kB+6Y0b7mNvXfDSLQ3WZyjrlyE")
                                 << true;
    QTest::newRow("one pass") << QByteArray(
                                     "$argon2id$v=19$m=19456,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                     "KyH8cZyZ1M1vdFzQ2kB+6Y0b7mNvXfDSLQ3WZyjrlyE")
                              << true;
    QTest::newRow("more memory and passes")
        << QByteArray(
               "$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$"
               "KyH8cZyZ1M1vdFzQ2kB+6Y0b7mNvXfDSLQ3WZyjrlyE")
        << false;
    QTest::newRow("8-byte salt") << QByteArray(
                                        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$"
                                        "KyH8cZyZ1M1vdFzQ2kB+6Y0b7mNvXfDSLQ3WZyjrlyE")
                                 << true;
    QTest::newRow("16-byte tag") << QByteArray(
                                        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                        "KyH8cZyZ1M1vdFzQ2kB+6Q")
                                 << true;
}

void tst_PasswordHash::rehashSignal() {
    QFETCH(QByteArray, phc);
    QFETCH(bool, expected);
    QCOMPARE(needsRehash(phc.toStdString()), expected);
}

void tst_PasswordHash::agreesWithLibargon2Encoding() {
    // libargon2's own encoder and verifier are the reference for the PHC format: what it
    // writes we must read, and what we write it must accept.
    const std::string salt = "somesaltsomesalt";
    const std::string password = "password";
    std::string encoded(128, '\0');
    QCOMPARE(argon2id_hash_encoded(2, 4096, 1, password.data(), password.size(), salt.data(),
                                   salt.size(), 32, encoded.data(), encoded.size()),
             int{ARGON2_OK});
    encoded.resize(encoded.find('\0'));
    QVERIFY(verifyPassword(encoded, "password"));
    QVERIFY(!verifyPassword(encoded, "Password"));
    QVERIFY(needsRehash(encoded));

    const std::string ours = hashPassword("correct horse battery staple");
    const std::string pw = "correct horse battery staple";
    QCOMPARE(argon2id_verify(ours.c_str(), pw.data(), pw.size()), int{ARGON2_OK});
}

QTEST_APPLESS_MAIN(tst_PasswordHash)
#include "tst_password_hash.moc"
