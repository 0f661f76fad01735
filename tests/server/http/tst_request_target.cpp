// Request targets: decoded path and query, refusal of what is not origin-form or badly escaped.
#include "http/RequestTarget.h"

#include <QTest>

class tst_RequestTarget : public QObject {
    Q_OBJECT

private slots:
    void decode_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");  // name=value;… in map order
        QTest::newRow("plain") << "/healthz" << true << "/healthz"
                               << "";
        QTest::newRow("query") << "/cases?office=0101&status=open" << true << "/cases"
                               << "office=0101;status=open;";
        QTest::newRow("escaped path") << "/a%20b/%CE%91" << true << "/a b/Α"
                                      << "";
        QTest::newRow("plus in path stays") << "/a+b?q=c+d" << true << "/a+b"
                                            << "q=c d;";
        QTest::newRow("first value wins") << "/x?a=1&a=2" << true << "/x"
                                          << "a=1;";
        QTest::newRow("name without value") << "/x?flag&&b=" << true << "/x"
                                            << "b=;flag=;";
        QTest::newRow("absolute form") << "http://host/x" << false << ""
                                       << "";
        QTest::newRow("empty") << "" << false << ""
                               << "";
        QTest::newRow("bad escape") << "/a%zz" << false << ""
                                    << "";
        QTest::newRow("short escape") << "/a%2" << false << ""
                                      << "";
        QTest::newRow("NUL in path") << "/a%00b" << false << ""
                                     << "";
        QTest::newRow("bad escape in query") << "/a?x=%G1" << false << ""
                                             << "";
        // Found by fuzz_api_bodies: a handler quoted such a value and its answer was not JSON.
        QTest::newRow("not UTF-8 in query") << "/a?protocol=1%9E%8A" << false << ""
                                            << "";
        QTest::newRow("not UTF-8 in path") << "/a/%C3" << false << ""
                                           << "";
    }
    void decode() {
        QFETCH(QString, target);
        QFETCH(bool, valid);
        QFETCH(QString, path);
        QFETCH(QString, query);
        kep::http::DecodedTarget decoded;
        QCOMPARE(kep::http::decodeTarget(target.toStdString(), decoded), valid);
        if (!valid) {
            return;
        }
        QCOMPARE(QString::fromStdString(decoded.path), path);
        QString pairs;
        for (const auto& [name, value] : decoded.query) {
            pairs += QString::fromStdString(name) + "=" + QString::fromStdString(value) + ";";
        }
        QCOMPARE(pairs, query);
    }
};

QTEST_GUILESS_MAIN(tst_RequestTarget)
#include "tst_request_target.moc"
