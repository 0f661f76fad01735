// The scripted tour against a scripted server: it enrols the workstation, writes every
// screenshot in both languages (the clerk's screens and filing, then the manager's users screen
// and approval), keeps each pass's receipt PDF, and stops with a clear message when the server
// is unreachable or refuses the code or the clerk.
#include "TourDesk.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeServer;
using kep::desk::test::runTour;
using kep::desk::test::TourDemoServer;
using Run = kep::desk::test::TourRun;

class tst_TourRunner : public QObject {
    Q_OBJECT

private slots:
    void writesEveryScreenInBothLanguages() {
        TourDemoServer demo;
        QTemporaryDir out;
        const Run run =
            runTour(demo.admin.server, out.path(), {"clerk.demo", "synthetic demo password", {}},
                    {"manager.demo", "synthetic demo password", "0101"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.message));
        const QStringList expected{
            "01-enrol-el.png",     "02-sign-in-el.png",   "03-main-el.png",    "04-search-el.png",
            "05-procedure-el.png", "06-filing-el.png",    "07-menu-el.png",    "08-about-el.png",
            "09-users-el.png",     "10-approval-el.png",  "11-sign-in-en.png", "12-main-en.png",
            "13-search-en.png",    "14-procedure-en.png", "15-filing-en.png",  "16-menu-en.png",
            "17-about-en.png",     "18-users-en.png",     "19-approval-en.png"};
        QCOMPARE(run.files, expected);
        for (const QString& name : expected) {
            const QImage image(QDir(out.path()).filePath(name));
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY2(image.width() >= 200 && image.height() >= 100, qPrintable(name));
        }
        // The menu shot is the main window with the open menu drawn on it.
        QCOMPARE(QImage(QDir(out.path()).filePath("07-menu-el.png")).size(),
                 QImage(QDir(out.path()).filePath("03-main-el.png")).size());
        // Enrolled once; signed in as clerk and manager in each language; signed out each time.
        QCOMPARE(demo.admin.server.count("/api/v1/devices/enrol"), 1);
        QCOMPARE(demo.admin.server.count("/api/v1/auth/login"), 4);
        QTRY_COMPARE(demo.admin.server.count("/api/v1/auth/logout"), 4);
        QVERIFY(demo.admin.server.count("/api/v1/users?office=0101") >= 2);
        // One block leased at the first sign-in was enough for both cases; a receipt per pass.
        QCOMPARE(demo.admin.server.count("/api/v1/protocol-numbers/lease"), 1);
        for (const char* receipt : {"receipt-el.pdf", "receipt-en.pdf"}) {
            QFile pdf(QDir(out.path()).filePath(receipt));
            QVERIFY2(pdf.open(QIODevice::ReadOnly), receipt);
            QVERIFY2(pdf.read(5) == "%PDF-" && pdf.size() > 1000, receipt);
        }
    }

    void refusedCodeStopsTheTour() {
        TourDemoServer demo;
        QTemporaryDir out;
        const Run run =
            runTour(demo.admin.server, out.path(), {"clerk.demo", "synthetic demo password", {}},
                    {}, "WXYZ-WXYZ-WXYZ");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.message.contains("enrolment refused"), qPrintable(run.message));
        QCOMPARE(run.files, QStringList{"01-enrol-el.png"});
    }

    void refusedSignInStopsTheTour() {
        TourDemoServer demo;
        QTemporaryDir out;
        const Run run =
            runTour(demo.admin.server, out.path(), {"clerk.demo", "a wrong password", {}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.message.contains("sign-in refused for clerk.demo"), qPrintable(run.message));
        QCOMPARE(run.files, (QStringList{"01-enrol-el.png", "02-sign-in-el.png"}));
    }

    void unreachableServerStopsTheTour() {
        FakeServer server;
        server.handler = [](auto&&...) -> HttpReply {
            throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
        };
        QTemporaryDir out;
        const Run run = runTour(server, out.path(), {"clerk.demo", "any password here", {}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.message.contains("server unreachable"), qPrintable(run.message));
        QVERIFY2(run.message.contains("Connection refused"), qPrintable(run.message));
        QVERIFY(run.files.isEmpty());
    }
};

QTEST_MAIN(tst_TourRunner)
#include "tst_tourrunner.moc"
