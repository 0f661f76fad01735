// `kep-desk --tour` as ./scripts/demo runs it, against a real `kep-server init --demo`: the
// whole tour passes, and beside the counter's screenshots it writes those of issues 7 and 8 — the
// circular sent and read, gov.gr's application in the clerk's queue, the forwarding, the office
// and national dashboards, the authority's inbox and decision, the result at the counter.
#include "ServerProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using kep::test::ServerProcess;

class tst_DeskTourE2e : public QObject {
    Q_OBJECT

private slots:
    void theDemoTourShowsEveryRole() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const QString desk = QFileInfo(ServerProcess::binary()).dir().filePath("kep-desk");
        QVERIFY2(QFileInfo::exists(desk), "build kep-desk first");
        QTemporaryDir out;
        QProcess tour;
        tour.setProcessChannelMode(QProcess::SeparateChannels);
        tour.start(desk, {"--tour", out.path(), "--server", server.url(), "--ca", server.caFile(),
                          "--demo", server.demoJson()});
        QVERIFY(tour.waitForStarted());
        QVERIFY2(tour.waitForFinished(240000), "the tour did not end in 4 minutes");
        const QByteArray errors = tour.readAllStandardError();
        QVERIFY2(tour.exitStatus() == QProcess::NormalExit && tour.exitCode() == 0,
                 errors.constData());
        // Every part of the demo.json of this version was found: nothing was left out.
        QVERIFY2(!errors.contains("leaves out"), errors.constData());

        // The names kep-desk printed, in order, are the files it wrote.
        QStringList printed = QString::fromUtf8(tour.readAllStandardOutput()).split('\n');
        printed.removeAll(QString());
        QStringList written = QDir(out.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(printed, written);
        QStringList shown;  // without the numbers: what the screens are
        for (const QString& name : written) {
            shown << name.mid(3).chopped(4);
            const QImage image(QDir(out.path()).filePath(name));
            QVERIFY2(!image.isNull() && image.width() >= 200 && image.height() >= 100,
                     qPrintable(name));
        }
        const QStringList expected{
            "enrol-el",
            "sign-in-el",
            "circular-send-el",  // the central administrator writes to every office
            "main-el",
            "circular-el",  // the clerk reads it at sign-in
            "search-el",
            "procedure-el",
            "filing-el",
            "menu-el",
            "about-el",
            "online-application-el",  // gov.gr's, in the office's queue
            "users-el",
            "approval-el",
            "forwarded-el",
            "office-dashboard-el",
            "authority-inbox-el",
            "authority-completed-el",
            "national-dashboard-el",
            "result-el",  // completed, with its result to print
            "sign-in-en",
            "main-en",
            "search-en",
            "procedure-en",
            "filing-en",
            "menu-en",
            "about-en",
            "users-en",
            "approval-en"};
        QCOMPARE(shown, expected);
        for (const char* receipt : {"receipt-el.pdf", "receipt-en.pdf"}) {
            QFile pdf(QDir(out.path()).filePath(receipt));
            QVERIFY2(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-", receipt);
        }
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DeskTourE2e)
#include "tst_desk_tour_e2e.moc"
