// The rules for a new password: length in code points (not bytes), strict UTF-8, the bundled
// breached list (case-insensitive), the username, and one character repeated.
#include "auth/BreachedPasswords.h"
#include "auth/PasswordPolicy.h"

#include <QtTest>

#include <string>

using namespace kep::auth;

Q_DECLARE_METATYPE(kep::auth::PasswordRefusal)

class tst_PasswordPolicy : public QObject {
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void everyRefusalHasAMessage();
    void embeddedListArrivedWhole();
};

namespace {

std::string repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) {
        out += unit;
    }
    return out;
}

}  // namespace

void tst_PasswordPolicy::check_data() {
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("username");
    QTest::addColumn<PasswordRefusal>("expected");
    auto row = [](const char* name, const std::string& password, const char* username,
                  PasswordRefusal expected) {
        QTest::newRow(name) << QByteArray::fromStdString(password) << QByteArray(username)
                            << expected;
    };
    using R = PasswordRefusal;
    row("12 ascii", "tram-42-orbit", "eleni.k", R::None);
    row("11 ascii", "tram42orbit", "eleni.k", R::TooShort);
    row("exactly 12", "Tr4m0rbitZ9x", "eleni.k", R::None);
    row("empty", "", "eleni.k", R::TooShort);
    row("128 code points", repeat("ab", 64), "eleni.k", R::None);
    row("129 code points", repeat("ab", 64) + "c", "eleni.k", R::TooLong);
    // Greek letters take two bytes each: 11 of them are 22 bytes but still too short.
    row("11 greek letters", "αβγδεζηθικλ", "eleni.k", R::TooShort);
    row("12 greek letters", "αβγδεζηθικλμ", "eleni.k", R::None);
    // 128 Greek letters are 256 bytes and allowed; 129 are not.
    row("128 greek letters", repeat("αβ", 64), "eleni.k", R::None);
    row("129 greek letters", repeat("αβ", 64) + "γ", "eleni.k", R::TooLong);
    row("emoji count once", repeat("🔑🚪", 6), "eleni.k", R::None);
    row("greek sentence", "Η πόρτα είναι ανοιχτή", "eleni.k", R::None);
    // No composition rules: a long lowercase passphrase is fine.
    row("lowercase passphrase", "purple elephants dance quietly", "eleni.k", R::None);
    row("invalid lead byte", std::string("correct horse \xff battery"), "eleni.k", R::InvalidUtf8);
    row("truncated sequence", std::string("correct horse battery \xce"), "eleni.k", R::InvalidUtf8);
    row("overlong slash", std::string("correct horse \xc0\xaf battery"), "eleni.k", R::InvalidUtf8);
    row("surrogate", std::string("correct horse \xed\xa0\x80 battery"), "eleni.k", R::InvalidUtf8);
    row("above U+10FFFF", std::string("correct horse \xf4\x90\x80\x80 battery"), "eleni.k",
        R::InvalidUtf8);
    row("one char repeated", "aaaaaaaaaaaaaaaa", "eleni.k", R::OneRepeatedCharacter);
    row("one greek char repeated", repeat("ω", 14), "eleni.k", R::OneRepeatedCharacter);
    row("two chars alternating", repeat("ab", 8), "eleni.k", R::None);
    row("username", "papadopoulou.maria", "papadopoulou.maria", R::SameAsUsername);
    row("username other case", "Papadopoulou.Maria", "papadopoulou.maria", R::SameAsUsername);
    row("greek username other case", "ΓΙΏΡΓΟΣ.ΠΑΠΑΣ", "γιώργος.παπασ", R::SameAsUsername);
    row("final sigma folds", "ΓΙΏΡΓΟΣ.ΠΑΠΑΣ", "γιώργος.παπας", R::SameAsUsername);
    row("username without its accents", "γιωργοσ.παπασ", "Γιώργος.Παπάς", R::SameAsUsername);
    row("username plus suffix", "papadopoulou.maria!", "papadopoulou.maria", R::None);
    row("breached", "password1234", "eleni.k", R::Breached);
    row("breached upper case", "PASSWORD1234", "eleni.k", R::Breached);
    row("breached mixed case", "QwertyUiop123", "eleni.k", R::Breached);
    row("breached digits", "123456789012", "eleni.k", R::Breached);
    row("breached greek club", "panathinaikos13", "eleni.k", R::Breached);
    row("breached with trailing space is another password", "password1234 ", "eleni.k", R::None);
    // No normalisation: precomposed and decomposed é are different strings, both accepted.
    // A real U+FFFD is text like any other (only an ill-formed byte is refused).
    row("replacement character", "correct horse \xef\xbf\xbd battery", "eleni.k", R::None);
    row("precomposed", "caf\xc3\xa9 au lait noir", "eleni.k", R::None);
    row("decomposed", "cafe\xcc\x81 au lait noir", "eleni.k", R::None);
}

void tst_PasswordPolicy::check() {
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, username);
    QFETCH(PasswordRefusal, expected);
    const PasswordCheck result = checkNewPassword(password.toStdString(), username.toStdString());
    QCOMPARE(result.refusal, expected);
    QCOMPARE(result.accepted(), expected == PasswordRefusal::None);
}

void tst_PasswordPolicy::everyRefusalHasAMessage() {
    const std::string refused[] = {"short", std::string("bad \xff utf-8 text"), repeat("x", 200),
                                   repeat("z", 20), "password123456"};
    for (const auto& pw : refused) {
        const PasswordCheck result = checkNewPassword(pw, "eleni.k");
        QVERIFY(!result.accepted());
        QVERIFY2(!result.message.empty(), pw.c_str());
    }
    QVERIFY(checkNewPassword("long enough passphrase", "eleni.k").message.empty());
}

void tst_PasswordPolicy::embeddedListArrivedWhole() {
    // The file has 885 distinct lowercase lines; the first and last must both be present.
    QVERIFY(breachedPasswordCount() >= 500);
    QVERIFY(isBreachedPassword("123456"));
    QVERIFY(isBreachedPassword("heslo"));
    QVERIFY(isBreachedPassword("contraseña"));
    QVERIFY(isBreachedPassword("CONTRASEÑA"));
    QVERIFY(isBreachedPassword("contrasena"));  // accents ignored too
    QVERIFY(!isBreachedPassword("purple elephants dance quietly"));
}

QTEST_APPLESS_MAIN(tst_PasswordPolicy)
#include "tst_password_policy.moc"
