#include "admin/AdminAccess.h"

namespace kep::desk::admin {

AdminAccess AdminAccess::forRole(const QString& role, bool offline) {
    AdminAccess access;
    if (offline) {
        return access;
    }
    if (role == QLatin1String("central_admin")) {
        access.offices = true;
        access.users = true;
        access.anyOffice = true;
        access.catalogue = true;
        access.assignableRoles = {QStringLiteral("clerk"), QStringLiteral("manager"),
                                  QStringLiteral("central_admin"), QStringLiteral("authority"),
                                  QStringLiteral("it")};
    } else if (role == QLatin1String("manager")) {
        // Managers staff their own office; central and IT accounts are made centrally.
        access.users = true;
        access.workstations = true;
        access.assignableRoles = {QStringLiteral("clerk"), QStringLiteral("manager")};
    }
    return access;
}

}  // namespace kep::desk::admin
