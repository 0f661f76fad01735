// The scripted tour against a scripted server: it writes every screenshot in both languages
// and stops with a clear message when the server is unreachable or refuses the clerk.
#include "../../support/FakeServerTransport.h"
#include "DeskShell.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "Settings.h"
#include "platform/LinuxPolicySource.h"
#include "tour/TourRunner.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeServer;

class tst_TourRunner : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString message;
        QStringList files;
    };

    // One desk, as main() builds it, with its server behind the fake.
    static Run runTour(FakeServer& server, const QString& outDir, const DemoAccount& account) {
        QTemporaryDir settingsDir;
        auto settings = Settings::withFiles(
            std::make_unique<LinuxPolicySource>(settingsDir.filePath("policy.conf")),
            settingsDir.filePath("user.conf"));
        LanguageManager languages;
        if (!languages.setLanguage("el")) {
            return {};
        }
        ServerLink link(server.factory());
        DeskShell shell(*settings, languages, link);
        link.start();
        TourRunner runner(shell, link, languages,
                          {outDir, account, "el", std::chrono::seconds(10)});
        QSignalSpy finished(&runner, &TourRunner::finished);
        runner.start();
        if (!finished.wait(60000)) {
            return {};
        }
        return {finished.first().at(0).toInt(), finished.first().at(1).toString(),
                runner.screenshots()};
    }

private slots:
    void writesEveryScreenInBothLanguages() {
        FakeServer server;
        server.acceptOnly("clerk.demo", "synthetic demo password");
        QTemporaryDir out;
        const Run run = runTour(server, out.path(), {"clerk.demo", "synthetic demo password", {}});
        QVERIFY2(run.exitCode == 0, qPrintable(run.message));
        const QStringList expected{"01-sign-in-el.png", "02-main-el.png",    "03-menu-el.png",
                                   "04-about-el.png",   "05-sign-in-en.png", "06-main-en.png",
                                   "07-menu-en.png",    "08-about-en.png"};
        QCOMPARE(run.files, expected);
        for (const QString& name : expected) {
            const QImage image(QDir(out.path()).filePath(name));
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY2(image.width() >= 200 && image.height() >= 100, qPrintable(name));
        }
        // The menu shot is the main window with the open menu drawn on it.
        QCOMPARE(QImage(QDir(out.path()).filePath("03-menu-el.png")).size(),
                 QImage(QDir(out.path()).filePath("02-main-el.png")).size());
        // Signed in twice (once per language); the password went only to the login route.
        QCOMPARE(server.targets.count("/api/v1/auth/login"), 2);
    }

    void refusedSignInStopsTheTour() {
        FakeServer server;
        server.acceptOnly("clerk.demo", "the right password");
        QTemporaryDir out;
        const Run run = runTour(server, out.path(), {"clerk.demo", "a wrong password", {}});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.message.contains("sign-in refused for clerk.demo"), qPrintable(run.message));
        QCOMPARE(run.files, QStringList{"01-sign-in-el.png"});
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
