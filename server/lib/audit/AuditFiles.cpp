#include "audit/AuditFiles.h"

#include "platform/Files.h"

#include <stdexcept>

namespace kep::server::audit {

void AuditFiles::createDirectory() const {
    if (platform::isDirectory(dir)) {
        return;
    }
    if (platform::exists(dir)) {
        throw std::runtime_error(dir + " exists and is not a directory");
    }
    try {
        platform::makeDirectory(dir);
    } catch (const std::runtime_error&) {
        // Another process (serve beside `audit checkpoint`) may have made it meanwhile.
        if (!platform::isDirectory(dir)) {
            throw;
        }
    }
}

}  // namespace kep::server::audit
