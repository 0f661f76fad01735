#include "platform/PolicySource.h"

#ifdef Q_OS_WIN
#include "platform/WindowsPolicySource.h"
#else
#include "platform/LinuxPolicySource.h"
#endif

namespace kep::desk {

std::unique_ptr<PolicySource> systemPolicySource() {
#ifdef Q_OS_WIN
    return std::make_unique<WindowsPolicySource>();
#else
    return std::make_unique<LinuxPolicySource>();
#endif
}

}  // namespace kep::desk
