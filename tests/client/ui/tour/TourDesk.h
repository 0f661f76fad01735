// A desk built as main() builds it, behind a scripted server that enrols with one code, signs in
// the clerk and the manager of office 0101 and publishes the sample catalogue: the tour test and
// the accessibility walk (which audits every screen the tour opens) run the tour on it.
#pragma once

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

#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>

namespace kep::desk::test {

struct TourRun {
    int exitCode = -1;
    QString message;
    QStringList files;
};

// Runs the tour on a fresh desk against `server`; `onScreenshot` sees the shell after each
// screenshot is written, while the screen it shows is still open.
inline TourRun runTour(
    FakeServer& server, const QString& outDir, const kep::desk::ui::DemoAccount& account,
    const kep::desk::ui::DemoAccount& manager = {},
    const QString& code = QStringLiteral("ABCD-EFGH-JKLM"),
    const std::function<void(kep::desk::ui::DeskShell&, const QString&)>& onScreenshot = {}) {
    using namespace kep::desk;
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
    ui::LanguageManager languages;
    if (!languages.setLanguage("el")) {
        return {};
    }
    ServerLink link(server.factory(), &workstation->credential());
    catalogue::DeskCatalogue catalogue(link, workstation->database(),
                                       workstation->dataFolder().databaseFile(), {});
    ui::DeskShell shell(*settings, languages, link, *workstation, &catalogue);
    link.start();
    catalogue.start();
    ui::TourPlan plan;
    plan.outputDir = outDir;
    plan.account = account;
    plan.enrolmentCode = code;
    plan.manager = manager;
    plan.stepTimeout = std::chrono::seconds(10);
    ui::TourRunner runner(shell, link, languages, plan);
    if (onScreenshot) {
        QObject::connect(&runner, &ui::TourRunner::screenshotWritten,
                         [&](const QString& name) { onScreenshot(shell, name); });
    }
    QSignalSpy finished(&runner, &ui::TourRunner::finished);
    runner.start();
    if (!finished.wait(60000)) {
        return {};
    }
    return {finished.first().at(0).toInt(), finished.first().at(1).toString(),
            runner.screenshots()};
}

// A server that enrols with one code, signs in the clerk and the manager of 0101, leases the
// office's protocol numbers in order and publishes the sample catalogue.
struct TourDemoServer {
    FakeAdminServer admin;
    TestCertificateAuthority ca;
    CatalogueFeed feed = CatalogueFeed::sample();
    int nextNumber = 1;  // only touched on the link's worker thread
    TourDemoServer() {
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

}  // namespace kep::desk::test
