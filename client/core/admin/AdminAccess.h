// Which administration screens a signed-in user gets, by role: the desk's mirror of the
// server's policy table (the server decides every call; this only hides what would be refused).
#pragma once

#include <QString>
#include <QStringList>

namespace kep::desk::admin {

struct AdminAccess {
    bool offices = false;         // list and add offices (central_admin)
    bool users = false;           // list, add, disable, enable users
    bool anyOffice = false;       // users of every office (central_admin), else only one's own
    bool workstations = false;    // the office's enrolment codes and devices (manager)
    bool catalogue = false;       // publish catalogue drafts, set procedure options (central_admin)
    QStringList assignableRoles;  // roles the user may give to a new user

    bool any() const { return offices || users || workstations || catalogue; }

    // Nothing for clerks and the other roles, and nothing offline: every screen needs the server.
    static AdminAccess forRole(const QString& role, bool offline = false);
};

}  // namespace kep::desk::admin
