// The kep-desk command line: what is accepted, and the faults that must stop the start.
#include "DeskOptions.h"

#include <QtTest>

using kep::desk::DeskOptions;

class tst_DeskOptions : public QObject {
    Q_OBJECT

private slots:
    void tourCommandLine() {
        QString error;
        const auto options = DeskOptions::parse(
            {"kep-desk", "--tour", "/tmp/out", "--server", "https://127.0.0.1:8443", "--ca",
             "/d/ca.pem", "--demo", "/d/demo.json", "--lang", "en", "--data", "/d/desk"},
            &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->tourDir, QString("/tmp/out"));
        QCOMPARE(options->serverUrl, QString("https://127.0.0.1:8443"));
        QCOMPARE(options->caFile, QString("/d/ca.pem"));
        QCOMPARE(options->demoFile, QString("/d/demo.json"));
        QCOMPARE(options->language, QString("en"));
        QCOMPARE(options->dataDir, QString("/d/desk"));
    }

    void checkStartCommandLine() {
        QString error;
        const auto options = DeskOptions::parse({"kep-desk", "--check-start"}, &error);
        QVERIFY2(options, qPrintable(error));
        QVERIFY(options->checkStart);
        QVERIFY(!DeskOptions::parse({"kep-desk"}, &error)->checkStart);
    }

    void trainingCommandLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("training");
        QTest::addColumn<bool>("reset");
        QTest::newRow("production") << QStringList{"kep-desk"} << false << false;
        QTest::newRow("training") << QStringList{"kep-desk", "--training"} << true << false;
        QTest::newRow("reset implies training")
            << QStringList{"kep-desk", "--reset-training"} << true << true;
    }
    void trainingCommandLine() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, training);
        QFETCH(bool, reset);
        QString error;
        const auto options = DeskOptions::parse(arguments, &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->training, training);
        QCOMPARE(options->resetTraining, reset);
        QVERIFY(DeskOptions::usage().contains("--training"));
    }

    void rejected_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option") << QStringList{"kep-desk", "--nope"} << "nope";
        QTest::newRow("bad language") << QStringList{"kep-desk", "--lang", "fr"} << "--lang";
        QTest::newRow("tour without demo")
            << QStringList{"kep-desk", "--tour", "/tmp/x"} << "--demo";
        QTest::newRow("data without a folder") << QStringList{"kep-desk", "--data"} << "data";
        QTest::newRow("check-start with tour")
            << QStringList{"kep-desk", "--check-start", "--tour", "/tmp/x", "--demo", "/d.json"}
            << "--check-start";
        QTest::newRow("training with tour")
            << QStringList{"kep-desk", "--training", "--tour", "/tmp/x", "--demo", "/d.json"}
            << "--training";
        QTest::newRow("stray argument") << QStringList{"kep-desk", "extra"} << "extra";
    }
    void rejected() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!DeskOptions::parse(arguments, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_DeskOptions)
#include "tst_deskoptions.moc"
