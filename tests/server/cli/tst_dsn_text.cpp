// How a DSN is shown in messages and logs (cli/DsnText): the password hidden in both of libpq's
// forms, everything else as written.
#include <QTest>

#include "cli/DsnText.h"

class tst_DsnText : public QObject {
    Q_OBJECT

private slots:
    void hidesThePassword_data() {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("shown");
        QTest::newRow("keywords, no password") << "host=/tmp/kep port=5433 dbname=kep"
                                               << "host=/tmp/kep port=5433 dbname=kep";
        QTest::newRow("keywords") << "host=db user=kep password=Tr0ub4dor dbname=kep"
                                  << "host=db user=kep password=*** dbname=kep";
        QTest::newRow("keywords, blanks around =") << "user=kep password = Tr0ub4dor dbname=kep"
                                                   << "user=kep password=*** dbname=kep";
        QTest::newRow("keywords, quoted with blanks and quotes")
            << "password='it\\'s a secret' dbname=kep"
            << "password=*** dbname=kep";
        QTest::newRow("uri, user and password") << "postgresql://kep:Tr0ub4dor@db.example:5432/kep"
                                                << "postgresql://kep:***@db.example:5432/kep";
        QTest::newRow("uri, user only") << "postgres://kep@db.example/kep"
                                        << "postgres://kep@db.example/kep";
        QTest::newRow("uri, password parameter")
            << "postgresql://db.example/kep?user=kep&password=Tr0ub4dor&sslmode=verify-full"
            << "postgresql://db.example/kep?user=kep&password=***&sslmode=verify-full";
    }

    void hidesThePassword() {
        QFETCH(QString, dsn);
        QFETCH(QString, shown);
        const auto text = kep::server::cli::withoutPassword(dsn.toStdString());
        QCOMPARE(QString::fromStdString(text), shown);
        QVERIFY(text.find("Tr0ub4dor") == std::string::npos);
        QVERIFY(text.find("secret") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(tst_DsnText)
#include "tst_dsn_text.moc"
