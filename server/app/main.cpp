// kep-server: parses the command line and hands over to the command in kep_server.
#include "api/Version.h"
#include "cli/AuditCommand.h"
#include "cli/BackupCommand.h"
#include "cli/CatalogueCommand.h"
#include "cli/CommandLine.h"
#include "cli/IdentityCommands.h"
#include "cli/InitCommand.h"
#include "cli/MigrateToPostgresCommand.h"
#include "cli/NotificationsCommand.h"
#include "cli/PrivacyCommand.h"
#include "cli/ServeCommand.h"
#include "cli/StatsCommand.h"

#include <iostream>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    using kep::server::cli::Command;
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    if (!arguments.empty() && kep::server::cli::isCatalogueCommand(arguments.front())) {
        return kep::server::cli::runCatalogueCommandLine(arguments, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isIdentityCommand(arguments.front())) {
        return kep::server::cli::runIdentityCommandLine(
            arguments, kep::server::cli::environmentOrTerminalUserPassword(), std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isAuditCommand(arguments.front())) {
        return kep::server::cli::runAuditCommandLine(arguments, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isStatsCommand(arguments.front())) {
        return kep::server::cli::runStatsCommandLine(arguments, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isBackupCommand(arguments.front())) {
        return kep::server::cli::runBackupCommandLine(arguments, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isNotificationsCommand(arguments.front())) {
        return kep::server::cli::runNotificationsCommandLine(arguments, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isPrivacyCommand(arguments.front())) {
        return kep::server::cli::runPrivacyCommandLine(arguments, std::cin, std::cout, std::cerr);
    }
    if (!arguments.empty() && kep::server::cli::isMigrateToPostgresCommand(arguments.front())) {
        return kep::server::cli::runMigrateToPostgresCommandLine(arguments, std::cout, std::cerr);
    }
    try {
        const auto command = kep::server::cli::parseCommandLine(arguments);
        switch (command.kind) {
            case Command::Kind::Init:
                return kep::server::cli::runInit(command.init,
                                                 kep::server::cli::environmentOrTerminalPassword(),
                                                 std::cout, std::cerr);
            case Command::Kind::Serve:
                return kep::server::cli::runServe(command.serve, std::cout, std::cerr, std::cerr);
            case Command::Kind::Version:
                std::cout << "kep-server " << kep::server::api::serverVersion() << "\n";
                return 0;
            case Command::Kind::Help:
                std::cout << kep::server::cli::usage()
                          << kep::server::cli::migrateToPostgresUsage();
                return 0;
        }
    } catch (const kep::server::cli::UsageError& error) {
        std::cerr << "kep-server: " << error.what() << "\n"
                  << kep::server::cli::usage() << kep::server::cli::migrateToPostgresUsage();
        return 2;
    }
    return 2;
}
