// kep-desk's entry point: reads the command line and the settings, opens this PC's data folder,
// then runs either the desk (enrolment, sign-in, main window), with --training the training desk
// on its sandbox, or, with --tour, the scripted screenshot tour.
#include "Clock.h"
#include "DeskDataFolder.h"
#include "DeskOptions.h"
#include "DeskShell.h"
#include "HttpsTransport.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "Settings.h"
#include "Workstation.h"
#include "catalogue/DeskCatalogue.h"
#include "platform/PolicySource.h"
#include "tour/TourRunner.h"
#include "training/TrainingDesk.h"
#include "training/TrainingRestart.h"

#include <QApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <optional>

using namespace kep::desk;

int main(int argc, char* argv[]) {
    // The command line is read before QApplication exists, so that --help and mistakes are
    // answered on a machine without a display too.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    QString error;
    const auto options = DeskOptions::parse(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "kep-desk: %s\n%s", qPrintable(error),
                     qPrintable(DeskOptions::usage()));
        return 2;
    }
    if (options->helpRequested || options->versionRequested) {
        std::fputs(
            qPrintable(options->helpRequested ? DeskOptions::usage()
                                              : QStringLiteral("kep-desk " KEP_VERSION "\n")),
            stdout);
        return 0;
    }
    const bool tour = !options->tourDir.isEmpty();
    if (tour && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");  // the tour draws off screen by design
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KEP"));
    QApplication::setApplicationName(QStringLiteral("kep-desk"));
    QApplication::setApplicationVersion(QStringLiteral(KEP_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    // The tour keeps its per-user choices in a throw-away file: it must not change the
    // preferences of whoever runs it.
    QTemporaryDir tourSettingsDir;
    auto settings =
        tour ? Settings::withFiles(systemPolicySource(),
                                   tourSettingsDir.filePath(QStringLiteral("kep-desk.conf")))
             : Settings::forCurrentUser();
    settings->setCommandLineOverrides({options->serverUrl, options->caFile, options->dataDir});
    // Training needs no server: it never contacts one.
    if (!options->training && (settings->serverUrl().isEmpty() || settings->caFile().isEmpty())) {
        err << "kep-desk: no server configured: install the machine policy (ServerUrl, CaFile) "
               "or pass --server URL --ca FILE\n";
        return 2;
    }

    ui::LanguageManager languages;
    if (!languages.setLanguage(options->language.isEmpty() ? settings->language()
                                                           : options->language)) {
        err << "kep-desk: the translations are missing from this build\n";
        return 1;
    }
    // "Training mode" on the sign-in dialog, or "Reset training data" in training: this desk
    // closes and a new one starts with the same command line, in training.
    std::optional<bool> restartInTraining;
    const auto restartIfAsked = [&] {
        if (restartInTraining) {
            QProcess::startDetached(
                QCoreApplication::applicationFilePath(),
                training::trainingRestartArguments(arguments.mid(1), *restartInTraining));
        }
    };
    if (options->training) {
        // Issue 11: the sandbox desk, composed without any of the network parts below.
        restrictNewFiles();
        auto desk = ui::TrainingDesk::open(
            {chooseDataFolder(settings->dataDir(), platformDataFolders(), isWritableFolder).path,
             systemPolicySource(),
             {options->serverUrl, options->caFile, options->dataDir},
             options->resetTraining},
            languages, &error);
        if (!desk) {
            err << "kep-desk: training mode: " << error << "\n";
            return 1;
        }
        QObject::connect(&desk->shell(), &ui::DeskShell::quitRequested, &app, &QApplication::quit);
        QObject::connect(&desk->shell(), &ui::DeskShell::trainingRestartRequested, &app,
                         [&](bool reset) {
                             restartInTraining = reset;
                             QApplication::quit();
                         });
        desk->shell().setExitAtSignIn(options->checkStart);
        desk->start();
        const int code = QApplication::exec();
        desk.reset();  // the sandbox's desk.db is closed before a reset may delete it
        restartIfAsked();
        return code;
    }

    // The tour enrols afresh in a throw-away data folder unless --data names one.
    QTemporaryDir tourDataDir;
    const QString dataDir =
        tour && settings->dataDir().isEmpty()
            ? tourDataDir.filePath(QStringLiteral("data"))
            : chooseDataFolder(settings->dataDir(), platformDataFolders(), isWritableFolder).path;
    SystemClock clock;
    restrictNewFiles();  // everything the desk writes stays with the counter's clerks
    const auto workstation = Workstation::open(
        dataDir, clock, OfflineSignInRule::fromPolicyDays(settings->offlineSignInDays()), &error);
    if (!workstation) {
        err << "kep-desk: " << error << "\n";
        return 1;
    }
    const ServerAddress server{
        settings->serverUrl(), settings->caFile(), workstation->dataFolder().certificateFile(),
        workstation->credential().tlsKeyFile(), workstation->credential().tlsKeySource()};
    ServerLink link(httpsTransport(server), &workstation->credential());
    // The catalogue copy in desk.db, searched at once and kept current by pulls on the link's
    // worker, nudged by the server's event WebSocket.
    catalogue::DeskCatalogue catalogue(link, workstation->database(),
                                       workstation->dataFolder().databaseFile(),
                                       httpsEventStream(server));
    ui::DeskShell shell(*settings, languages, link, *workstation, &catalogue);
    QObject::connect(&shell, &ui::DeskShell::quitRequested, &app, &QApplication::quit);
    QObject::connect(&shell, &ui::DeskShell::trainingRestartRequested, &app, [&](bool reset) {
        restartInTraining = reset;
        QApplication::quit();
    });
    link.start();
    catalogue.start();

    if (!tour) {
        shell.setExitAtSignIn(options->checkStart);
        shell.start();
        const int code = QApplication::exec();
        restartIfAsked();
        return code;
    }

    const auto clerk =
        ui::DemoAccounts::firstWithRole(options->demoFile, QStringLiteral("clerk"), &error);
    if (!clerk) {
        err << "kep-desk: " << error << "\n";
        return 1;
    }
    // The manager and the code are of the clerk's office: a workstation serves one office.
    const auto manager = ui::DemoAccounts::firstWithRole(
        options->demoFile, QStringLiteral("manager"), &error, clerk->office);
    if (!manager) {
        err << "kep-desk: " << error << "\n";
        return 1;
    }
    const auto enrolmentCode =
        ui::DemoAccounts::enrolmentCode(options->demoFile, clerk->office, &error);
    if (!enrolmentCode && !workstation->credential().isEnrolled()) {
        err << "kep-desk: " << error << "\n";
        return 1;
    }
    ui::TourPlan plan;
    plan.outputDir = options->tourDir;
    plan.account = *clerk;
    plan.enrolmentCode = enrolmentCode.value_or(QString());
    plan.manager = *manager;
    // Issues 7 and 8 (the circular, gov.gr, the authority, the dashboards) need a demo.json of
    // this version; an older demo folder still gets the counter's tour.
    if (const auto beyond = ui::TourBeyondCounter::fromDemo(
            options->demoFile, settings->serverUrl(), settings->caFile(), &error)) {
        plan.beyond = *beyond;
    } else {
        err << "kep-desk: " << error << "; the tour leaves out issues 7 and 8\n";
    }
    plan.firstLanguage = languages.language();
    ui::TourRunner runner(shell, link, languages, plan);
    QObject::connect(&runner, &ui::TourRunner::screenshotWritten, [&out](const QString& name) {
        out << name << "\n";
        out.flush();
    });
    QObject::connect(&runner, &ui::TourRunner::finished, [&err](int code, const QString& message) {
        if (code != 0) {
            err << "kep-desk: " << message << "\n";
        }
        QApplication::exit(code);
    });
    runner.start();
    return QApplication::exec();
}
