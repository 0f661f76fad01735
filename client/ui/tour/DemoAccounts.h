// Reads the demo server's demo.json (written by `kep-server init --demo`) for the accounts the
// tour signs in with, the enrolment codes it enrols with and the gov.gr key it files online with.
// Demo data only: synthetic users with generated passwords.
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
    // The first user with the given role (and office, when one is given); nullopt with *error
    // naming the fault otherwise.
    static std::optional<DemoAccount> firstWithRole(const QString& demoFile, const QString& role,
                                                    QString* error,
                                                    const QString& office = QString());
    // The enrolment code of "enrolmentCodes":[{"office","code"}] for the office.
    static std::optional<QString> enrolmentCode(const QString& demoFile, const QString& office,
                                                QString* error);
    // The API key of "channelKeys":[{"channel","key"}] for the channel ("govgr", "eugo").
    static std::optional<QString> channelKey(const QString& demoFile, const QString& channel,
                                             QString* error);
};

}  // namespace kep::desk::ui
