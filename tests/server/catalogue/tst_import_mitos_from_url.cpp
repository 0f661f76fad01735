// `kep-server import-mitos --from-url` against a fake MITOS register on loopback (fake_mitos.py,
// HTTPS with a throw-away CA): pages through the list, fetches each record in Greek and English,
// reports the record the register does not give (once per language), and a second run changes
// nothing.
#include "ServerProcess.h"
#include "TestPki.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class tst_ImportMitosFromUrl : public QObject {
    Q_OBJECT

private:
    kep::test::TestPki pki_;
    kep::test::ServerProcess server_;
    QProcess register_;
    QString baseUrl_;

    int importFromUrl(const QString& url) {
        return server_.runOnce({"import-mitos", "--data", server_.dataDir(), "--from-url", url,
                                "--ca", pki_.caCertFile(), "--page-size", "10"});
    }

private slots:
    void initTestCase() {
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
        QVERIFY2(server_.init(), qPrintable(server_.errorString()));
        const auto python = QStandardPaths::findExecutable("python3");
        QVERIFY2(!python.isEmpty(), "python3 is needed for the fake register");
        register_.start(python, {QStringLiteral(KEP_TEST_DIR "/fake_mitos.py"), "--root",
                                 QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue"), "--cert",
                                 pki_.server().certFile, "--key", pki_.server().keyFile, "--prefix",
                                 "/api", "--missing", "900998"});
        QVERIFY(register_.waitForStarted());
        while (!register_.canReadLine() && register_.waitForReadyRead(10000)) {
        }
        const auto line = QString::fromUtf8(register_.readLine()).trimmed();
        QVERIFY2(line.startsWith("listening "), qPrintable(line));
        baseUrl_ = "https://127.0.0.1:" + line.mid(10) + "/api";
    }

    void cleanupTestCase() {
        register_.kill();
        register_.waitForFinished();
    }

    void importsEveryRecordAndReportsTheMissingOne() {
        QCOMPARE(importFromUrl(baseUrl_), 1);
        const auto output = server_.lastOutput();
        QVERIFY2(output.contains("imported 88, unchanged 0, rejected 2"), output.constData());
        QVERIFY2(output.contains("record 900998: the API answered HTTP 404"), output.constData());

        QCOMPARE(server_.runOnce({"catalogue", "publish", "--data", server_.dataDir()}), 0);
        QVERIFY(server_.lastOutput().contains("published 44 procedure(s)"));
        // Both languages arrived: the history shows the Greek title, the record its English.
        QCOMPARE(server_.runOnce(
                     {"catalogue", "history", "--data", server_.dataDir(), "--id", "900001"}),
                 0);
        QVERIFY(server_.lastOutput().contains("v1  published"));
    }

    void secondRunChangesNothing() {
        QCOMPARE(importFromUrl(baseUrl_), 1);
        QVERIFY2(server_.lastOutput().contains("imported 0, unchanged 88, rejected 2"),
                 server_.lastOutput().constData());
    }

    void unreachableRegisterFails() { QCOMPARE(importFromUrl("https://127.0.0.1:1/api"), 3); }

    void untrustedRegisterFails() {
        const auto other = pki_.makeUnrelatedCa("other");
        QCOMPARE(server_.runOnce({"import-mitos", "--data", server_.dataDir(), "--from-url",
                                  baseUrl_, "--ca", other.certFile}),
                 3);
    }
};

QTEST_GUILESS_MAIN(tst_ImportMitosFromUrl)
#include "tst_import_mitos_from_url.moc"
