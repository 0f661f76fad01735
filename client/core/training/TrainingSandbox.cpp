#include "training/TrainingSandbox.h"

#include "Workstation.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CatalogueStore.h"
#include "shared/cases/GreekCivilTime.h"
#include "storage/PasswordVerifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kep::desk::training {

namespace {

const QString kSandboxName = QStringLiteral("training");

int greekYear(const kep::desk::Clock& clock) {
    const auto now = std::chrono::sys_seconds{std::chrono::seconds{clock.now().toSecsSinceEpoch()}};
    return int(kep::cases::greekLocalDate(now).year());
}

UserSession profileOf(const TrainingAccount& account, const TrainingDataSet& data) {
    UserSession profile;
    profile.userId = account.userId;
    profile.username = account.username;
    profile.displayName = account.displayNameEl;
    profile.role = account.role;
    profile.officeCode = data.officeCode;
    profile.officeName = data.officeNameEl;
    return profile;
}

// The year's training numbers, once: a sandbox kept over New Year gets the new year's range.
void stockProtocolNumbers(Workstation& workstation, const TrainingDataSet& data, int year) {
    cases::ProtocolLeaseStore leases(workstation.database(), data.officeCode.toStdString());
    if (leases.load().remaining(year) > 0) {
        return;
    }
    leases.addBlock({data.officeCode.toStdString(), year, data.firstNumber, data.lastNumber});
}

void seed(Workstation& workstation, const TrainingDataSet& data, const kep::desk::Clock& clock) {
    catalogue::CatalogueStore(workstation.database()).applyPage(data.catalogue);
    for (const TrainingAccount& account : data.accounts) {
        workstation.verifiers().remember(
            profileOf(account, data), storage::makePasswordVerifier(account.password), clock.now());
    }
}

// The accounts' last "online check" is now: training has no server to check them, and a
// sandbox left for a month must still let its trainees in.
void renew(Workstation& workstation, const TrainingDataSet& data, const kep::desk::Clock& clock) {
    for (const TrainingAccount& account : data.accounts) {
        if (const auto stored = workstation.verifiers().find(account.username)) {
            workstation.verifiers().remember(profileOf(account, data), stored->verifier,
                                             clock.now());
        }
    }
    stockProtocolNumbers(workstation, data, greekYear(clock));
}

bool wipe(const QString& folder, QString* error) {
    if (QFileInfo(folder).fileName() != kSandboxName) {
        *error = QStringLiteral("%1 is not a training folder: it is not wiped").arg(folder);
        return false;
    }
    if (QFileInfo::exists(folder) && !QDir(folder).removeRecursively()) {
        *error = QStringLiteral("cannot empty the training folder %1").arg(folder);
        return false;
    }
    return true;
}

}  // namespace

QString TrainingSandbox::folderIn(const QString& dataFolder) {
    return QDir(dataFolder).filePath(kSandboxName);
}

QString TrainingSandbox::seedMarkerFile(const QString& sandboxFolder) {
    return QDir(sandboxFolder).filePath(QStringLiteral("training-seeded"));
}

QString TrainingSandbox::settingsFile(const QString& sandboxFolder) {
    return QDir(sandboxFolder).filePath(QStringLiteral("kep-desk.conf"));
}

std::unique_ptr<Workstation> TrainingSandbox::open(const QString& sandboxFolder,
                                                   const TrainingDataSet& data,
                                                   const kep::desk::Clock& clock, bool reset,
                                                   QString* error) {
    const QString folder = QFileInfo(sandboxFolder).absoluteFilePath();
    const bool fresh = reset || !QFileInfo::exists(seedMarkerFile(folder));
    if (fresh && !wipe(folder, error)) {
        return nullptr;
    }
    // The sandbox never has a workstation certificate, so nothing in it can authenticate to
    // a server; the offline rule only bounds how long a renewed account stays valid.
    auto workstation = Workstation::open(folder, clock, OfflineSignInRule{}, error);
    if (!workstation) {
        return nullptr;
    }
    try {
        if (fresh) {
            seed(*workstation, data, clock);
            QFile marker(seedMarkerFile(folder));
            if (!marker.open(QIODevice::WriteOnly) ||
                marker.write(QByteArray::number(data.format)) < 0) {
                *error = QStringLiteral("cannot mark the training folder %1 as seeded").arg(folder);
                return nullptr;
            }
        }
        renew(*workstation, data, clock);
    } catch (const std::exception& e) {
        *error =
            QStringLiteral("cannot seed the training data: %1").arg(QString::fromUtf8(e.what()));
        return nullptr;
    }
    return workstation;
}

}  // namespace kep::desk::training
