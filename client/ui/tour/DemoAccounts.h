// Reads the demo server's demo.json (written by `kep-server init --demo`) for the accounts the
// tour signs in with. Demo data only: synthetic users with generated passwords.
#pragma once

#include <QString>

#include <optional>

namespace kep::desk::ui {

struct DemoAccount {
    QString username;
    QString password;
    QString office;
};

class DemoAccounts {
public:
    // The first user with the given role; nullopt with *error naming the fault otherwise.
    static std::optional<DemoAccount> firstWithRole(const QString& demoFile, const QString& role,
                                                    QString* error);
};

}  // namespace kep::desk::ui
