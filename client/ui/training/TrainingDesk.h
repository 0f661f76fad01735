// The training desk's composition root (issue 11): the sandbox's workstation and settings, a
// server link with no server behind it, the catalogue without pulls, the shell, and the
// watermark on every window. No HTTPS transport, event stream or sync connector is ever made.
#pragma once

#include "Settings.h"
#include "training/TrainingDataSet.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace kep::desk {
class ServerLink;
class Workstation;
namespace catalogue {
class DeskCatalogue;
}
}  // namespace kep::desk

namespace kep::desk::ui {

class DeskShell;
class LanguageManager;
class PracticeCitizensDialog;
class TrainingWindowMarker;

struct TrainingDeskSetup {
    QString dataFolder;  // the production data folder: the sandbox is its "training" subfolder
    std::unique_ptr<kep::desk::PolicySource> policy;
    kep::desk::CommandLineOverrides overrides;
    bool reset = false;  // seed the sandbox afresh first
};

class TrainingDesk {
public:
    // nullptr with *error when the data set or the sandbox cannot be opened.
    static std::unique_ptr<TrainingDesk> open(TrainingDeskSetup setup, LanguageManager& languages,
                                              QString* error);
    ~TrainingDesk();

    // The sign-in dialog, with the training accounts on it.
    void start();

    DeskShell& shell() { return *shell_; }
    kep::desk::Workstation& workstation() { return *workstation_; }
    kep::desk::Settings& settings() { return *settings_; }
    const kep::desk::training::TrainingDataSet& dataSet() const { return data_; }
    PracticeCitizensDialog* practiceCitizens() const { return citizens_; }
    QString sandboxFolder() const;
    // "training.clerk / training-clerk (clerk)": what the sign-in dialog lists.
    QStringList accountLines() const;

private:
    TrainingDesk(kep::desk::training::TrainingDataSet data,
                 std::unique_ptr<kep::desk::Workstation> workstation,
                 std::unique_ptr<kep::desk::Settings> settings, LanguageManager& languages);

    kep::desk::training::TrainingDataSet data_;
    std::unique_ptr<kep::desk::Workstation> workstation_;
    std::unique_ptr<kep::desk::Settings> settings_;
    std::unique_ptr<kep::desk::ServerLink> link_;
    std::unique_ptr<kep::desk::catalogue::DeskCatalogue> catalogue_;
    std::unique_ptr<DeskShell> shell_;
    std::unique_ptr<TrainingWindowMarker> marker_;
    PracticeCitizensDialog* citizens_ = nullptr;  // owned by the main window
};

}  // namespace kep::desk::ui
