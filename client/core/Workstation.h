// This counter PC as the desk knows it: its data folder, desk.db, its enrolment credential and
// the offline sign-in that rests on them. Opened once in main() and handed to the shell.
#pragma once

#include "Clock.h"
#include "DeskDataFolder.h"
#include "OfflineSignIn.h"
#include "WorkstationCredential.h"
#include "db/Database.h"
#include "storage/OfflineVerifierStore.h"

#include <memory>

namespace kep::desk {

class Workstation {
public:
    // Creates the folder if needed, opens and migrates desk.db, and reads the credential's
    // files. nullptr with *error naming the fault (folder, database) otherwise.
    static std::unique_ptr<Workstation> open(const QString& dataFolder, const Clock& clock,
                                             OfflineSignInRule rule, QString* error);

    const DeskDataFolder& dataFolder() const { return folder_; }
    WorkstationCredential& credential() { return credential_; }
    storage::OfflineVerifierStore& verifiers() { return verifiers_; }
    OfflineSignIn& offlineSignIn() { return offline_; }
    // desk.db on the UI thread (a connection per thread: workers open their own).
    kep::db::Database& database() { return db_; }

    Workstation(DeskDataFolder folder, kep::db::Database db, const Clock& clock,
                OfflineSignInRule rule);
    // The stores hold references into this object: it stays where it was made.
    Workstation(const Workstation&) = delete;
    Workstation& operator=(const Workstation&) = delete;

private:
    DeskDataFolder folder_;
    kep::db::Database db_;
    WorkstationCredential credential_;
    storage::OfflineVerifierStore verifiers_;
    OfflineSignIn offline_;
};

}  // namespace kep::desk
