#include "training/TrainingDesk.h"

#include "Clock.h"

#include "DeskShell.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "Workstation.h"
#include "catalogue/DeskCatalogue.h"
#include "training/PracticeCitizensDialog.h"
#include "training/TrainingSandbox.h"
#include "training/TrainingTransport.h"
#include "training/TrainingWindowMarker.h"

#include <QCoreApplication>
#include <QMenu>

#include <chrono>

namespace kep::desk::ui {

using kep::desk::training::TrainingSandbox;

namespace {

// The catalogue is the seeded one: its pulls could only be refused, so they are as rare as
// the timer allows.
constexpr std::chrono::hours kNoPulls{24 * 365};

}  // namespace

std::unique_ptr<TrainingDesk> TrainingDesk::open(TrainingDeskSetup setup,
                                                 LanguageManager& languages, QString* error) {
    auto data = training::TrainingDataSet::shipped(error);
    if (!data) {
        return nullptr;
    }
    const QString sandbox = TrainingSandbox::folderIn(setup.dataFolder);
    // The workstation's offline sign-in keeps the clock: one that lives as long as the program.
    static const SystemClock clock;
    auto workstation = TrainingSandbox::open(sandbox, *data, clock, setup.reset, error);
    if (!workstation) {
        return nullptr;
    }
    // Training keeps its own window layout, language and scanner: nothing of the user's real
    // settings changes while they practise.
    auto settings = Settings::withFiles(
        std::move(setup.policy), TrainingSandbox::settingsFile(workstation->dataFolder().path()));
    settings->setCommandLineOverrides(setup.overrides);
    return std::unique_ptr<TrainingDesk>(
        new TrainingDesk(std::move(*data), std::move(workstation), std::move(settings), languages));
}

TrainingDesk::TrainingDesk(training::TrainingDataSet data, std::unique_ptr<Workstation> workstation,
                           std::unique_ptr<Settings> settings, LanguageManager& languages)
    : data_(std::move(data))
    , workstation_(std::move(workstation))
    , settings_(std::move(settings))
    // No credential: the sandbox has none, and the link could not enrol one anyway.
    , link_(std::make_unique<ServerLink>(training::trainingTransport()))
    // No event stream: there is no server to nudge this desk.
    , catalogue_(std::make_unique<catalogue::DeskCatalogue>(
          *link_, workstation_->database(), workstation_->dataFolder().databaseFile(),
          EventStreamFactory{}))
    , shell_(std::make_unique<DeskShell>(*settings_, languages, *link_, *workstation_,
                                         catalogue_.get()))
    , marker_(std::make_unique<TrainingWindowMarker>()) {
    shell_->enterTraining(accountLines());
    // Help → Practice citizens…: the people a trainee identifies at the practice counter.
    citizens_ = new PracticeCitizensDialog(data_.citizens, shell_->mainWindow());
    citizens_->setWindowFlag(Qt::Window);
    shell_->mainWindow()->helpMenu()->addAction(citizens_->showAction());
}

TrainingDesk::~TrainingDesk() = default;

void TrainingDesk::start() {
    // The link's health checks are refused at once, so the desk shows itself offline.
    link_->start();
    catalogue_->start(kNoPulls);
    shell_->start();
}

QString TrainingDesk::sandboxFolder() const {
    return workstation_->dataFolder().path();
}

QStringList TrainingDesk::accountLines() const {
    QStringList lines;
    for (const auto& account : data_.accounts) {
        const QString role =
            account.role == QLatin1String("manager")
                ? QCoreApplication::translate("kep::desk::ui::TrainingDesk", "office manager")
                : QCoreApplication::translate("kep::desk::ui::TrainingDesk", "clerk");
        lines << QStringLiteral("%1 / %2 (%3)").arg(account.username, account.password, role);
    }
    return lines;
}

}  // namespace kep::desk::ui
