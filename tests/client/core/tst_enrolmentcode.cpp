// EnrolmentCode: twelve ASCII letters or digits, any case, dashes and spaces optional; the
// canonical form is ABCD-EFGH-JKLM.
#include "EnrolmentCode.h"

#include <QtTest>

using namespace kep::desk;

class tst_EnrolmentCode : public QObject {
    Q_OBJECT

private slots:
    void normalise_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");  // empty = refused
        QTest::newRow("canonical") << "ABCD-EFGH-JKLM"
                                   << "ABCD-EFGH-JKLM";
        QTest::newRow("lower case") << "abcd-efgh-jklm"
                                    << "ABCD-EFGH-JKLM";
        QTest::newRow("no dashes") << "abcdefghjklm"
                                   << "ABCD-EFGH-JKLM";
        QTest::newRow("spaces") << " abcd efgh jklm "
                                << "ABCD-EFGH-JKLM";
        QTest::newRow("digits") << "2345-6789-ab2c"
                                << "2345-6789-AB2C";
        QTest::newRow("odd dashes") << "AB-CDEF-GHJK-LM"
                                    << "ABCD-EFGH-JKLM";
        QTest::newRow("too short") << "ABCD-EFGH-JKL"
                                   << "";
        QTest::newRow("too long") << "ABCD-EFGH-JKLMN"
                                  << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("punctuation") << "ABCD.EFGH.JKLM"
                                     << "";
        QTest::newRow("Greek capitals that look Latin")
            << QString::fromUtf8("ΑΒCD-EFGH-JKLM") << "";
        QTest::newRow("accented") << QString::fromUtf8("ÄBCD-EFGH-JKLM") << "";
    }
    void normalise() {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto code = EnrolmentCode::normalise(typed);
        QCOMPARE(code.value_or(QString()), expected);
    }
};

QTEST_APPLESS_MAIN(tst_EnrolmentCode)
#include "tst_enrolmentcode.moc"
