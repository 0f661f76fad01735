// Enrolment codes as people read and type them: the grouped form, what typing may change
// (case, dashes, spaces) and what it may not, and the hash the database keeps.
#include "identity/EnrolmentCode.h"

#include <QRegularExpression>
#include <QTest>

#include <set>

using namespace kep::server::identity;

class tst_EnrolmentCode : public QObject {
    Q_OBJECT

private slots:
    void newCodesAreGroupedAndDistinct() {
        std::set<std::string> codes;
        const QRegularExpression shape("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$");
        for (int i = 0; i < 200; ++i) {
            const auto code = newEnrolmentCode();
            QVERIFY2(shape.match(QString::fromStdString(code)).hasMatch(), code.c_str());
            codes.insert(code);
        }
        QCOMPARE(codes.size(), std::size_t(200));
    }

    void normalisation_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalised");  // empty: refused
        QTest::newRow("as shown") << "ABCD-EFGH-JKLM"
                                  << "ABCDEFGHJKLM";
        QTest::newRow("lower case") << "abcd-efgh-jklm"
                                    << "ABCDEFGHJKLM";
        QTest::newRow("spaces, no dashes") << " ABCD EFGH JKLM "
                                           << "ABCDEFGHJKLM";
        QTest::newRow("too short") << "ABCD-EFGH-JKL"
                                   << "";
        QTest::newRow("too long") << "ABCD-EFGH-JKLMN"
                                  << "";
        QTest::newRow("letter O is not in the alphabet") << "ABCD-EFGH-JKLO"
                                                         << "";
        QTest::newRow("digit 0 is not either") << "ABCD-EFGH-JKL0"
                                               << "";
        QTest::newRow("punctuation") << "ABCD_EFGH_JKLM"
                                     << "";
        QTest::newRow("non-ASCII") << QString::fromUtf8("ΑBCD-EFGH-JKLM") << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void normalisation() {
        QFETCH(QString, typed);
        QFETCH(QString, normalised);
        const auto result = normaliseEnrolmentCode(typed.toStdString());
        if (normalised.isEmpty()) {
            QVERIFY(!result);
        } else {
            QVERIFY(result);
            QCOMPARE(QString::fromStdString(*result), normalised);
        }
    }

    void hashIsSha256OfTheNormalisedCode() {
        // echo -n ABCDEFGHJKLM | sha256sum
        QCOMPARE(enrolmentCodeHash("ABCDEFGHJKLM"),
                 std::string("3f63d25fcb898ecfd6c2e2322bfdb11f44fe17dd0dc359e70b7246224bb223e9"));
        QVERIFY(enrolmentCodeHash("ABCDEFGHJKLM") != enrolmentCodeHash("ABCDEFGHJKLN"));
    }
};

QTEST_GUILESS_MAIN(tst_EnrolmentCode)
#include "tst_enrolment_code.moc"
