// ΑΦΜ and ΑΜΚΑ validation with reason codes, ΑΜΚΑ birth dates (century and 29 February),
// and the synthetic generators. All numbers here are synthetic, built for these tests.
#include <QTest>

#include "shared/domain/TaxId.h"

using namespace kep::domain;
using namespace std::chrono;

Q_DECLARE_METATYPE(TaxIdError)

class tst_TaxId : public QObject {
    Q_OBJECT
private slots:
    void afm_data();
    void afm();
    void amka_data();
    void amka();
    void messagesNameTheIdentifier();
    void amkaBirthDateResolvesCentury_data();
    void amkaBirthDateResolvesCentury();
    void syntheticIdsAreValid();
    void syntheticIdsAreDeterministicPerSeed();
};

void tst_TaxId::afm_data() {
    QTest::addColumn<QString>("afm");
    QTest::addColumn<TaxIdError>("error");
    const auto row = [](const char* name, const char* afm, TaxIdError e) {
        QTest::newRow(name) << QString::fromUtf8(afm) << e;
    };
    row("valid 1", "123456783", TaxIdError::None);
    row("valid 2", "090000045", TaxIdError::None);
    row("valid 3", "800000002", TaxIdError::None);
    row("valid 4", "555555559", TaxIdError::None);
    row("valid 5", "314159263", TaxIdError::None);
    row("valid 6 (sum mod 11 = 10 -> 0)", "271828187", TaxIdError::None);
    row("check digit off by one", "123456784", TaxIdError::CheckDigitMismatch);
    row("transposed digits", "213456783", TaxIdError::CheckDigitMismatch);
    row("all zeros", "000000000", TaxIdError::AllZeros);
    row("8 digits", "12345678", TaxIdError::WrongLength);
    row("10 digits", "1234567830", TaxIdError::WrongLength);
    row("empty", "", TaxIdError::WrongLength);
    row("VAT prefix", "EL123456783", TaxIdError::WrongLength);
    row("letter", "12345678A", TaxIdError::NotDigits);
    row("space inside", "1234 5678", TaxIdError::NotDigits);
    row("greek digits lookalike", "12345678Ο", TaxIdError::WrongLength);  // Ο is 2 bytes
}

void tst_TaxId::afm() {
    QFETCH(QString, afm);
    QFETCH(TaxIdError, error);
    const TaxIdCheck check = validateAfm(afm.toStdString());
    QCOMPARE(check.error, error);
    QCOMPARE(check.ok(), error == TaxIdError::None);
    QCOMPARE(check.kind, TaxIdKind::Afm);
}

void tst_TaxId::amka_data() {
    QTest::addColumn<QString>("amka");
    QTest::addColumn<TaxIdError>("error");
    const auto row = [](const char* name, const char* amka, TaxIdError e) {
        QTest::newRow(name) << QString::fromUtf8(amka) << e;
    };
    row("valid 1990", "01019012341", TaxIdError::None);
    row("valid 1985", "15128500426", TaxIdError::None);
    row("valid end of year", "31129911116", TaxIdError::None);
    row("valid 2005", "06070501231", TaxIdError::None);
    row("29 Feb 96", "29029600011", TaxIdError::None);
    row("29 Feb 00 (2000 leap)", "29020000021", TaxIdError::None);
    row("29 Feb 97", "29029700011", TaxIdError::InvalidBirthDate);
    row("29 Feb 01", "29020100011", TaxIdError::InvalidBirthDate);
    row("day 32", "32019012341", TaxIdError::InvalidBirthDate);
    row("day 00", "00019012341", TaxIdError::InvalidBirthDate);
    row("month 13", "01139012341", TaxIdError::InvalidBirthDate);
    row("month 00", "01009012341", TaxIdError::InvalidBirthDate);
    row("31 April", "31049012341", TaxIdError::InvalidBirthDate);
    row("luhn mismatch", "01019012342", TaxIdError::CheckDigitMismatch);
    row("swapped serial digits", "01019021341", TaxIdError::CheckDigitMismatch);
    row("10 digits", "0101901234", TaxIdError::WrongLength);
    row("12 digits", "010190123410", TaxIdError::WrongLength);
    row("letters", "0101901234X", TaxIdError::NotDigits);
    row("dashes", "010190-1234", TaxIdError::NotDigits);
}

void tst_TaxId::amka() {
    QFETCH(QString, amka);
    QFETCH(TaxIdError, error);
    const TaxIdCheck check = validateAmka(amka.toStdString());
    QCOMPARE(check.error, error);
    QCOMPARE(check.kind, TaxIdKind::Amka);
}

void tst_TaxId::messagesNameTheIdentifier() {
    QCOMPARE(QString::fromUtf8(validateAfm("1").message().data()),
             QString::fromUtf8("ΑΦΜ must be 9 digits"));
    QCOMPARE(QString::fromUtf8(validateAmka("1").message().data()),
             QString::fromUtf8("ΑΜΚΑ must be 11 digits"));
    QCOMPARE(QString::fromUtf8(validateAfm("123456784").message().data()),
             QStringLiteral("check digit mismatch"));
    // The message never echoes the number back (it may be logged).
    QVERIFY(validateAfm("123456784").message().find("123456784") == std::string_view::npos);
}

void tst_TaxId::amkaBirthDateResolvesCentury_data() {
    QTest::addColumn<QString>("amka");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("born");
    QTest::newRow("1990") << "01019012341" << QDate(2026, 3, 1) << QDate(1990, 1, 1);
    QTest::newRow("2005") << "06070501231" << QDate(2026, 3, 1) << QDate(2005, 7, 6);
    QTest::newRow("30 is 1930 in 2026") << "01013000003" << QDate(2026, 3, 1) << QDate(1930, 1, 1);
    QTest::newRow("20 is 2020 in 2026") << "01012000004" << QDate(2026, 3, 1) << QDate(2020, 1, 1);
    QTest::newRow("20 is 1920 in 2019") << "01012000004" << QDate(2019, 3, 1) << QDate(1920, 1, 1);
    QTest::newRow("29 Feb 2000") << "29020000021" << QDate(2026, 3, 1) << QDate(2000, 2, 29);
}

void tst_TaxId::amkaBirthDateResolvesCentury() {
    QFETCH(QString, amka);
    QFETCH(QDate, today);
    QFETCH(QDate, born);
    const year_month_day t{year{today.year()}, month{unsigned(today.month())},
                           day{unsigned(today.day())}};
    const auto birth = amkaBirthDate(amka.toStdString(), t);
    QVERIFY(birth);
    QCOMPARE(QDate(int(birth->year()), int(unsigned(birth->month())), int(unsigned(birth->day()))),
             born);
    QVERIFY(!amkaBirthDate("01019012342", t));  // invalid ΑΜΚΑ: no date
}

void tst_TaxId::syntheticIdsAreValid() {
    SyntheticTaxIds ids(20260301);
    const year_month_day born = 1987y / March / 14d;
    for (int i = 0; i < 2000; ++i) {
        QVERIFY(validateAfm(ids.afm()).ok());
        const std::string amka = ids.amka(born);
        QVERIFY(validateAmka(amka).ok());
        QCOMPARE(amkaBirthDate(amka, 2026y / 1 / 1d), std::optional(born));
    }
}

void tst_TaxId::syntheticIdsAreDeterministicPerSeed() {
    SyntheticTaxIds a(7);
    SyntheticTaxIds b(7);
    SyntheticTaxIds c(8);
    std::vector<std::string> fromA, fromB, fromC;
    for (int i = 0; i < 10; ++i) {
        fromA.push_back(a.afm());
        fromB.push_back(b.afm());
        fromC.push_back(c.afm());
    }
    QVERIFY(fromA == fromB);
    QVERIFY(fromA != fromC);
}

QTEST_APPLESS_MAIN(tst_TaxId)
#include "tst_taxid.moc"
