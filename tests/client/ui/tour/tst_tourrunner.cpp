// The scripted tour against a scripted server: it enrols the workstation, writes every
// screenshot in both languages (the clerk's screens and filing, then the manager's users screen
// and approval), keeps each pass's receipt PDF, and stops with a clear message when the server
// is unreachable or refuses the code or the clerk.
#include "../../support/CatalogueFeed.h"
#include "../../support/FakeAdminServer.h"
#include "../../support/FakeServerTransport.h"
#include "../../support/TestCertificateAuthority.h"
#include "Clock.h"
#include "DeskShell.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "Settings.h"
#include "Workstation.h"
#include "catalogue/DeskCatalogue.h"
#include "platform/LinuxPolicySource.h"
#include "tour/TourRunner.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::CatalogueFeed;
using kep::desk::test::FakeAdminServer;
using kep::desk::test::FakeServer;
using kep::desk::test::TestCertificateAuthority;

class tst_TourRunner : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString message;
        QStringList files;
    };

    // One desk, as main() builds it, with its server behind the fake.
    static Run runTour(FakeServer& server, const QString& outDir, const DemoAccount& account,
                       const DemoAccount& manager = {}, const QString& code = "ABCD-EFGH-JKLM") {
        QTemporaryDir settingsDir;
        SystemClock clock;
        QString error;
        auto workstation =
            Workstation::open(settingsDir.filePath("data"), clock, OfflineSignInRule{}, &error);
        if (!workstation) {
            return {-1, error, {}};
        }
        auto settings = Settings::withFiles(
            std::make_unique<LinuxPolicySource>(settingsDir.filePath("policy.conf")),
            settingsDir.filePath("user.conf"));
        LanguageManager languages;
        if (!languages.setLanguage("el")) {
            return {};
        }
        ServerLink link(server.factory(), &workstation->credential());
        catalogue::DeskCatalogue catalogue(link, workstation->database(),
                                           workstation->dataFolder().databaseFile(), {});
        DeskShell shell(*settings, languages, link, *workstation, &catalogue);
        link.start();
        catalogue.start();
        TourPlan plan;
        plan.outputDir = outDir;
        plan.account = account;
        plan.enrolmentCode = code;
        plan.manager = manager;
        plan.stepTimeout = std::chrono::seconds(10);
        TourRunner runner(shell, link, languages, plan);
        QSignalSpy finished(&runner, &TourRunner::finished);
        runner.start();
        if (!finished.wait(60000)) {
            return {};
        }
        return {finished.first().at(0).toInt(), finished.first().at(1).toString(),
                runner.screenshots()};
    }

    // A server that enrols with one code, signs in the clerk and the manager of 0101, leases
    // the office's protocol numbers in order and publishes the sample catalogue.
    struct DemoServer {
        FakeAdminServer admin;
        TestCertificateAuthority ca;
        CatalogueFeed feed = CatalogueFeed::sample();
        int nextNumber = 1;  // only touched on the link's worker thread
        DemoServer() {
            admin.server.handler = [this](const QByteArray& method, const QByteArray& target,
                                          const QByteArray& body) -> HttpReply {
                if (CatalogueFeed::isChangesRequest(target)) {
                    return feed.answer(target);
                }
                if (CatalogueFeed::isBucketRequest(target)) {
                    return feed.bucketAnswer(target);  // the enrolled desk's catalogue
                }
                if (target == "/api/v1/devices/enrol") {
                    return QJsonDocument::fromJson(body).object().value("code") == "ABCD-EFGH-JKLM"
                               ? FakeServer::json(201, ca.enrolmentAnswer(body))
                               : FakeServer::error(403, "enrolment_code_invalid");
                }
                if (target == "/api/v1/auth/login") {
                    const QJsonObject request = QJsonDocument::fromJson(body).object();
                    if (request.value("password").toString() != "synthetic demo password") {
                        return FakeServer::error(401, "invalid_credentials");
                    }
                    HttpReply reply = FakeServer::clerkSignedIn();
                    reply.body.replace("K0001", "0101");
                    if (request.value("username") == "manager.demo") {
                        reply.body.replace("\"role\":\"clerk\"", "\"role\":\"manager\"");
                        reply.body.replace("0190a6c2-0000-7000-8000-000000000001",
                                           "0190a6c2-0000-7000-8000-000000000002");
                    }
                    return reply;
                }
                if (target == "/api/v1/protocol-numbers/lease") {
                    const QJsonObject asked = QJsonDocument::fromJson(body).object();
                    const int first = nextNumber;
                    nextNumber += asked.value("count").toInt();
                    return FakeServer::json(201, {{"office", "0101"},
                                                  {"year", asked.value("year").toInt()},
                                                  {"first", first},
                                                  {"last", nextNumber - 1}});
                }
                return admin.answer(method, target, body);
            };
        }
    };

private slots:
    void writesEveryScreenInBothLanguages() {
        DemoServer demo;
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
        DemoServer demo;
        QTemporaryDir out;
        const Run run =
            runTour(demo.admin.server, out.path(), {"clerk.demo", "synthetic demo password", {}},
                    {}, "WXYZ-WXYZ-WXYZ");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.message.contains("enrolment refused"), qPrintable(run.message));
        QCOMPARE(run.files, QStringList{"01-enrol-el.png"});
    }

    void refusedSignInStopsTheTour() {
        DemoServer demo;
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
