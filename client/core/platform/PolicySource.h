// Where the desk reads the machine policy that IT's installer writes (server address, office),
// one implementation per operating system so that platform code stays in this folder.
#pragma once

#include <QString>

#include <memory>

namespace kep::desk {

// The installer's answer to "which server, which office"; empty fields mean "not set".
struct MachinePolicy {
    QString serverUrl;
    QString officeCode;
    QString caFile;
    QString dataDir;            // DataDir: the per-machine data folder (empty = the default)
    int offlineSignInDays = 0;  // OfflineSignInDays (0 = not set: the desk's default)
};

class PolicySource {
public:
    virtual ~PolicySource() = default;
    virtual MachinePolicy read() const = 0;
};

// The policy store of the platform this binary was built for: /etc/xdg/KEP/kep-desk.conf on
// Linux, HKLM\Software\Policies\KEP\kep-desk on Windows.
std::unique_ptr<PolicySource> systemPolicySource();

}  // namespace kep::desk
