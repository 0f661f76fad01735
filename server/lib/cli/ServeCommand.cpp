#include "cli/ServeCommand.h"

#include "api/AttachmentRoutes.h"
#include "api/AuthorityDirectoryRoutes.h"
#include "api/AuthorityRoutes.h"
#include "api/CaseResultRoutes.h"
#include "api/CatalogueRoutes.h"
#include "api/CircularRoutes.h"
#include "api/FeedbackRoutes.h"
#include "api/IdentityRoutes.h"
#include "api/IntakeRoutes.h"
#include "api/ProtocolNumberRoutes.h"
#include "api/PublicRoutes.h"
#include "api/PublicStatusRoutes.h"
#include "api/ReportRoutes.h"
#include "api/SatisfactionRoutes.h"
#include "api/StatsRoutes.h"
#include "api/SyncRoutes.h"
#include "api/Version.h"
#include "cli/DataDirectory.h"
#include "events/CatalogueWatch.h"
#include "events/EventHub.h"
#include "feedback/SatisfactionJob.h"
#include "jobs/BackgroundJobs.h"
#include "log/Logger.h"
#include "net/HttpsServer.h"
#include "notify/NotificationJobs.h"
#include "pki/CertificateAuthority.h"
#include "platform/Files.h"
#include "platform/Process.h"
#include "registry/RegistryJobs.h"
#include "reports/MonthlyReportJob.h"
#include "stats/AggregateJob.h"
#include "storage/ServerStore.h"
#include "sync/SyncServices.h"

#include <stdexcept>

namespace kep::server::cli {

namespace {

void requireInitialised(const DataDirectory& data) {
    if (!platform::isDirectory(data.dir)) {
        throw std::runtime_error("data folder " + data.dir +
                                 " does not exist (create it with: kep-server init --data " +
                                 data.dir + ")");
    }
    for (const auto& path : data.serveFiles()) {
        if (!platform::exists(path)) {
            throw std::runtime_error(data.dir + " is not an initialised data folder (" + path +
                                     " is missing; run: kep-server init --data " + data.dir + ")");
        }
    }
}

std::string urlHost(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

int runServe(const ServeOptions& options, std::ostream& out, std::ostream& err,
             std::ostream& logStream) {
    try {
        platform::ignoreBrokenPipe();
        const auto openFiles = platform::raiseOpenFilesLimit();
        const DataDirectory data(options.dataDir);
        requireInitialised(data);
        auto store = storage::ServerStore::open(data.database);

        log::Logger logger(logStream);
        http::Router router;
        auto hub = std::make_shared<events::EventHub>();
        api::registerPublicRoutes(router, *store, hub);
        auto published = std::make_shared<catalogue::PublishedCatalogue>(*store);
        published->refresh();  // loaded before the first search, not during it
        api::registerCatalogueRoutes(router, *store, published);
        api::registerProtocolNumberRoutes(router,
                                          std::make_shared<leases::ProtocolNumberLeases>(*store));
        // Publications by `kep-server catalogue publish` (another process) reach desks too.
        events::CatalogueWatch catalogueWatch(*published, *hub);
        sync::SyncServices syncServices(*store, data.database, *hub);
        api::registerSyncRoutes(router, syncServices);
        // One attachment store: uploads, authorities' results and the KEP's result downloads.
        const auto attachmentStore =
            std::make_shared<attachments::AttachmentStore>(*store, data.dir);
        api::registerAttachmentRoutes(router, attachmentStore);
        // The competent authorities' directory and inbox, and the result at the KEP (issue 7).
        api::registerAuthorityDirectoryRoutes(router, *store);
        api::registerAuthorityRoutes(router, *store, syncServices.service(), attachmentStore);
        api::registerCaseResultRoutes(router, *store, attachmentStore);
        // Applications filed online (gov.gr, EU-GO) and the citizen's status look-up (issue 7).
        api::registerIntakeRoutes(router,
                                  std::make_shared<intake::IntakeService>(
                                      *store, syncServices.service(),
                                      std::make_shared<const kep::domain::WorkingCalendar>()));
        api::registerPublicStatusRoutes(router, *store,
                                        {options.statusLookupsPerMinute, std::chrono::seconds{60}});
        // Work that follows committed changes (notifications, registry requests): jobs are
        // added above this line's start() below, each with a connection of its own.
        jobs::BackgroundJobs jobs(std::chrono::seconds{1},
                                  [&logger](const std::string& job, const std::string& what) {
                                      logger.error("job_failed", {{"job", job}, {"error", what}});
                                  });
        // Citizens' notifications (issue 7): queued from the change log, sent by the sender.
        const auto notificationSender =
            notify::addNotificationJobs(jobs, data.database, options.notify, logger);
        // Documents obtained ex officio: queued from filings, sent to the registry gateway.
        registry::addRegistryJobs(jobs, options.registry, data.database, syncServices.service(),
                                  attachmentStore, logger);
        // Statistics (issue 8): aggregates kept from the change log, read by the stats routes
        // on read-only connections of their own.
        stats::addAggregateJob(jobs, data.database, syncServices.deskActivity);
        api::registerStatsRoutes(router, *store,
                                 std::make_shared<stats::StatsQueries>(
                                     std::make_shared<stats::ReadConnections>(data.database, 2)));
        // Monthly reports (issue 8): on demand, and written for every office once a month ends.
        {
            const auto reportQueries = std::make_shared<stats::StatsQueries>(
                std::make_shared<stats::ReadConnections>(data.database, 1));
            api::registerReportRoutes(router, *store, reportQueries);
            reports::addMonthlyReportJob(
                jobs, std::make_shared<reports::MonthlyReportJob>(
                          reportQueries,
                          [&store] {
                              std::vector<std::string> codes;
                              for (const auto& office : identity::Directory(*store).offices()) {
                                  codes.push_back(office.code);
                              }
                              return codes;
                          },
                          data.dir,
                          [] {
                              return std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                  .count();
                          }));
        }
        // Circulars, procedure feedback and citizens' satisfaction (issue 8, must-haves 5-7).
        api::registerCircularRoutes(router, *store, syncServices.nudges);
        api::registerFeedbackRoutes(router, *store);
        api::registerSatisfactionRoutes(router, *store);
        feedback::addSatisfactionJob(jobs, data.database);
        // Identity last: it installs the request gate, and its route list reads the whole table.
        const auto ca = pki::CertificateAuthority::load(platform::readFile(data.caCert),
                                                        platform::readFile(data.caKey));
        identity::IdentityServices identity(*store, ca, options.identity);
        api::registerIdentityRoutes(router, identity);

        net::ServerOptions serverOptions;
        serverOptions.host = options.host;
        serverOptions.port = options.port;
        serverOptions.threads = options.threads;
        serverOptions.limits = options.limits;
        serverOptions.tls = {data.serverCert, data.serverKey, data.caCert};
        net::HttpsServer server(serverOptions, router, logger);
        const auto port = server.listen();
        jobs.start();

        out << "listening on https://" << urlHost(options.host) << ":" << port << std::endl;
        logger.info("started", {{"version", api::serverVersion()},
                                {"port", port},
                                {"threads", options.threads},
                                {"open_files_limit", openFiles}});
        if (notificationSender) {
            logger.info("notifications_sender", {{"sender", *notificationSender}});
        } else {
            logger.warning("notifications_not_sent",
                           {{"reason",
                             "no sender configured (--notify-file or --notify-webhook): messages "
                             "stay queued"}});
        }
        const bool drained = server.run();
        logger.info("stopped", {{"drained", drained}});
        return 0;
    } catch (const std::exception& error) {
        err << "kep-server serve: " << error.what() << std::endl;
        return 1;
    }
}

}  // namespace kep::server::cli
