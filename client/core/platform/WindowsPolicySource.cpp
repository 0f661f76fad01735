#include "platform/WindowsPolicySource.h"

#ifdef Q_OS_WIN

#include <QSettings>

namespace kep::desk {

MachinePolicy WindowsPolicySource::read() const {
    // Policies live under HKLM so that a user cannot point their desk at another server.
    const QSettings registry(
        QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\KEP\\kep-desk"),
        QSettings::NativeFormat);
    MachinePolicy policy;
    policy.serverUrl = registry.value(QStringLiteral("ServerUrl")).toString().trimmed();
    policy.officeCode = registry.value(QStringLiteral("OfficeCode")).toString().trimmed();
    policy.caFile = registry.value(QStringLiteral("CaFile")).toString().trimmed();
    policy.dataDir = registry.value(QStringLiteral("DataDir")).toString().trimmed();
    policy.offlineSignInDays = registry.value(QStringLiteral("OfflineSignInDays")).toInt();
    return policy;
}

}  // namespace kep::desk

#endif
