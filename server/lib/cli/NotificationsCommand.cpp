#include "cli/NotificationsCommand.h"

#include "cli/DataDirectory.h"
#include "cli/ImportMitosCommand.h"
#include "platform/Files.h"
#include "storage/DatabaseLocation.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace kep::server::cli {

std::string notificationCountsJson(const kep::server::notify::OutboxCounts& counts) {
    return boost::json::serialize(boost::json::object{
        {"queued", counts.queued}, {"sent", counts.sent}, {"failed", counts.failed}});
}

bool isNotificationsCommand(std::string_view name) {
    return name == "notifications";
}

int runNotificationsCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                                std::ostream& err) {
    if (arguments.size() != 3 || arguments[1] != "--data" || arguments[2].empty()) {
        err << "kep-server: notifications needs --data DIR and nothing else\n"
            << notificationsUsage();
        return kExitUsage;
    }
    const DataDirectory data{std::string{arguments[2]}};
    try {
        if (!data.hasDatabase()) {
            err << "kep-server notifications: " << data.dir
                << " is not an initialised data folder (run: kep-server init --data " << data.dir
                << ")\n";
            return kExitFailed;
        }
        auto db = storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadOnly});
        out << notificationCountsJson(kep::server::notify::countNotifications(db)) << "\n";
        return kExitOk;
    } catch (const std::exception& error) {
        err << "kep-server notifications: " << error.what() << "\n";
        return kExitFailed;
    }
}

std::string notificationsUsage() {
    return "  kep-server notifications --data DIR\n"
           "      Prints JSON counts of the citizens' notifications by state (queued, sent,\n"
           "      failed), read from DIR/kep.db (read-only: it may run while the server serves).\n";
}

}  // namespace kep::server::cli
