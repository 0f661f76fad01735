#include "platform/LinuxPolicySource.h"

#include <QSettings>

namespace kep::desk {

namespace {
QString systemPolicyFile() {
    // NativeFormat on Linux is INI with the .conf extension: /etc/xdg/KEP/kep-desk.conf.
    const QSettings system(QSettings::NativeFormat, QSettings::SystemScope, QStringLiteral("KEP"),
                           QStringLiteral("kep-desk"));
    return system.fileName();
}
}  // namespace

LinuxPolicySource::LinuxPolicySource() : filePath_(systemPolicyFile()) {}

LinuxPolicySource::LinuxPolicySource(QString policyFilePath)
    : filePath_(std::move(policyFilePath)) {}

MachinePolicy LinuxPolicySource::read() const {
    const QSettings file(filePath_, QSettings::IniFormat);
    MachinePolicy policy;
    policy.serverUrl = file.value(QStringLiteral("ServerUrl")).toString().trimmed();
    policy.officeCode = file.value(QStringLiteral("OfficeCode")).toString().trimmed();
    policy.caFile = file.value(QStringLiteral("CaFile")).toString().trimmed();
    policy.dataDir = file.value(QStringLiteral("DataDir")).toString().trimmed();
    policy.offlineSignInDays = file.value(QStringLiteral("OfflineSignInDays")).toInt();
    return policy;
}

}  // namespace kep::desk
