// The machine policy on Windows: registry values under HKLM\Software\Policies\KEP\kep-desk,
// written by the MSI or by Group Policy. Compiled only in Windows builds.
#pragma once

#include "platform/PolicySource.h"

#ifdef Q_OS_WIN

namespace kep::desk {

class WindowsPolicySource : public PolicySource {
public:
    MachinePolicy read() const override;
};

}  // namespace kep::desk

#endif
