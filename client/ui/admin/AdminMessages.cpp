#include "admin/AdminMessages.h"

namespace kep::desk::ui {

QString AdminMessages::failure(const admin::AdminFailure& f) {
    if (f.status == 0 && f.code.isEmpty()) {
        return tr("The server cannot be reached (%1).").arg(f.message);
    }
    if (f.code == QLatin1String("weak_password")) {
        // The server's words say which rule the password broke.
        return tr("The password was refused: %1").arg(f.message);
    }
    if (f.code == QLatin1String("forbidden") || f.status == 403) {
        return tr("You are not allowed to do this.");
    }
    if (f.code.startsWith(QLatin1String("session_")) || f.status == 401) {
        return tr("Your session has ended. Sign out and sign in again.");
    }
    if (f.status == 409) {
        return tr("This already exists (%1).").arg(f.message);
    }
    if (f.status == 400) {
        return tr("The server did not accept this: %1").arg(f.message);
    }
    return tr("The server refused this (%1 %2).").arg(f.status).arg(f.code);
}

}  // namespace kep::desk::ui
