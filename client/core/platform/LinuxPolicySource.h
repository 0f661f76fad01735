// The machine policy on Linux: an INI file written by the .deb package or the administrator,
// by default /etc/xdg/KEP/kep-desk.conf (QSettings' system scope for org "KEP", app "kep-desk").
#pragma once

#include "platform/PolicySource.h"

namespace kep::desk {

class LinuxPolicySource : public PolicySource {
public:
    LinuxPolicySource();                                 // the system-wide file
    explicit LinuxPolicySource(QString policyFilePath);  // an explicit file (tests, packaging)
    MachinePolicy read() const override;
    const QString& filePath() const { return filePath_; }

private:
    QString filePath_;
};

}  // namespace kep::desk
