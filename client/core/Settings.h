// The desk's settings in one typed place: the machine policy (server, office, CA) that IT sets,
// command-line overrides, and what each user chooses (language, window layout, large text).
#pragma once

#include "platform/PolicySource.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;

namespace kep::desk {

// --server / --ca / --data given on the command line (empty = not given).
struct CommandLineOverrides {
    QString serverUrl;
    QString caFile;
    QString dataDir;
};

// Precedence, highest first, for the server URL and the CA file:
//   1. the command line (--server, --ca): for IT on the spot, the demo and the tests;
//   2. the machine policy (PolicySource);
//   3. nothing: the desk then refuses to start and says which setting is missing.
// The office code comes from the policy only. Per-user values never override the policy: a user
// cannot repoint the counter at another server by editing their own settings file.
class Settings {
public:
    // Machine policy from the platform's policy store, per-user values from the user's own
    // settings file (~/.config/KEP/kep-desk.conf, or HKCU on Windows).
    static std::unique_ptr<Settings> forCurrentUser();
    // Per-user values kept in an explicit INI file: for tests and the tour, which must leave the
    // real user's preferences untouched.
    static std::unique_ptr<Settings> withFiles(std::unique_ptr<PolicySource> policy,
                                               const QString& userSettingsFile);

    Settings(std::unique_ptr<PolicySource> policy, std::unique_ptr<QSettings> user);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    void setCommandLineOverrides(CommandLineOverrides overrides);

    QString serverUrl() const;
    QString caFile() const;
    QString officeCode() const;
    // --data, else the policy's DataDir; empty = the platform's default (chooseDataFolder).
    QString dataDir() const;
    // The policy's OfflineSignInDays as given (0 = not set); OfflineSignInRule decides.
    int offlineSignInDays() const;

    // "el" (the default) or "en"; anything else reads back as "el".
    QString language() const;
    void setLanguage(const QString& code);
    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray& state);
    bool largeText() const;
    void setLargeText(bool on);
    bool highContrast() const;
    void setHighContrast(bool on);
    // The scanner the clerk used last (a SANE device name), offered first next time.
    QString lastScanner() const;
    void setLastScanner(const QString& deviceName);

    // Writes pending per-user changes to storage now (QSettings also does so on destruction).
    void sync();

private:
    std::unique_ptr<PolicySource> policySource_;
    MachinePolicy policy_;  // read once: the policy does not change under a running desk
    std::unique_ptr<QSettings> user_;
    CommandLineOverrides overrides_;
};

}  // namespace kep::desk
