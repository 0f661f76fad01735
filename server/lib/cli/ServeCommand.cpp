#include "cli/ServeCommand.h"

#include "api/Version.h"
#include "audit/AuditCheckpointer.h"
#include "audit/AuditFiles.h"
#include "cli/DataDirectory.h"
#include "cli/DsnText.h"
#include "cli/ServerRoutes.h"
#include "events/CatalogueWatch.h"
#include "events/EventHub.h"
#include "events/PgNudgeChannel.h"
#include "feedback/SatisfactionJob.h"
#include "identity/RequestRateLimiter.h"
#include "jobs/BackgroundJobs.h"
#include "log/Logger.h"
#include "metrics/MetricsRoute.h"
#include "net/HttpsServer.h"
#include "notify/NotificationJobs.h"
#include "pki/CertificateAuthority.h"
#include "platform/Files.h"
#include "platform/Process.h"
#include "privacy/RetentionRun.h"
#include "registry/RegistryJobs.h"
#include "reports/MonthlyReportJob.h"
#include "stats/AggregateJob.h"
#include "storage/DatabaseLocation.h"
#include "storage/ServerStore.h"
#include "sync/SyncServices.h"

#include <stdexcept>

namespace kep::server::cli {

namespace {

void requireInitialised(const DataDirectory& data, bool onPostgres) {
    if (!platform::isDirectory(data.dir)) {
        throw std::runtime_error("data folder " + data.dir +
                                 " does not exist (create it with: kep-server init --data " +
                                 data.dir + ")");
    }
    for (const auto& path : data.serveFiles(!onPostgres)) {
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
        // --dsn, else DIR/database-url, else DIR/kep.db. Every connection of the server (the
        // store's, the sync store's, each job's) opens this location.
        const auto database =
            options.dsn.empty() ? data.database : storage::postgresLocation(options.dsn);
        const bool onPostgres = storage::isPostgresLocation(database);
        requireInitialised(data, onPostgres);
        auto store = onPostgres ? storage::ServerStore::connect(database)
                                : storage::ServerStore::open(database);

        log::Logger logger(logStream);
        const auto ca = pki::CertificateAuthority::load(platform::readFile(data.caCert),
                                                        platform::readFile(data.caKey));
        // What the routes hold, made before the router so that it outlives the router; its read
        // audit flushes what is queued when the server stops.
        ServerRoutes routes(*store, ca,
                            {data.dir,
                             database,
                             {options.statusLookupsPerMinute, std::chrono::seconds{60}},
                             options.identity,
                             options.retention});
        http::Router router;
        registerServerRoutes(router, routes);
        auto& syncServices = routes.sync;
        // Several processes on one PostgreSQL database: each one's nudges reach every desk.
        std::optional<events::PgNudgeChannel> nudgeChannel;
        if (onPostgres) {
            nudgeChannel.emplace(database, syncServices.nudges);
        }
        // Publications by `kep-server catalogue publish` (another process) reach desks too.
        events::CatalogueWatch catalogueWatch(*routes.published, *routes.hub);
        // Public and API-key routes that name a rate bucket, counted per caller (issue 9).
        router.setRequestLimiter(std::make_shared<identity::RequestRateLimiter>(
            database,
            identity::BucketRates{
                {"public", {options.publicRequestsPerMinute, std::chrono::seconds{60}}},
                {"intake", {options.intakeRequestsPerMinute, std::chrono::seconds{60}}}}));
        // Work that follows committed changes (notifications, registry requests): jobs are
        // added above this line's start() below, each with a connection of its own.
        jobs::BackgroundJobs jobs(std::chrono::seconds{1},
                                  [&logger](const std::string& job, const std::string& what) {
                                      logger.error("job_failed", {{"job", job}, {"error", what}});
                                  });
        // Citizens' notifications (issue 7): queued from the change log, sent by the sender.
        const auto notificationSender =
            notify::addNotificationJobs(jobs, database, options.notify, logger);
        // Documents obtained ex officio: queued from filings, sent to the registry gateway.
        registry::addRegistryJobs(jobs, options.registry, database, syncServices.service(),
                                  routes.attachments, logger);
        // Statistics (issue 8): aggregates kept from the change log, read by the stats routes.
        stats::addAggregateJob(jobs, database, syncServices.deskActivity);
        // Monthly reports (issue 8): written for every office once a month ends.
        reports::addMonthlyReportJob(
            jobs, std::make_shared<reports::MonthlyReportJob>(
                      routes.reportQueries,
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
        feedback::addSatisfactionJob(jobs, database);
        // The audit log (issue 9): a signed checkpoint every second the log grew.
        audit::addAuditCheckpointJob(jobs, database, routes.auditKey,
                                     audit::AuditFiles(data.dir).checkpointsLog);
        // Personal data (issue 9, GDPR): the hourly retention job.
        privacy::addRetentionJob(jobs, database, data.dir, options.retention, logger);

        // /metrics last: its request counters are made for the routes the router holds now.
        const auto requestMetrics = metrics::registerMetricsRoute(
            router,
            {&syncServices.pushedOps, [&syncServices] { return syncServices.nudges.size(); },
             std::make_shared<stats::ReadConnections>(database, 1),
             [] {
                 return std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                     .count();
             }});

        net::ServerOptions serverOptions;
        serverOptions.requestMetrics = requestMetrics;
        serverOptions.host = options.host;
        serverOptions.port = options.port;
        serverOptions.threads = options.threads;
        serverOptions.limits = options.limits;
        serverOptions.tls = {
            options.tlsCertificate.empty() ? data.serverCert : options.tlsCertificate,
            options.tlsKey.empty() ? data.serverKey : options.tlsKey, data.caCert};
        net::HttpsServer server(serverOptions, router, logger);
        const auto port = server.listen();
        jobs.start();

        out << "listening on https://" << urlHost(options.host) << ":" << port << std::endl;
        logger.info("started", {{"version", api::serverVersion()},
                                {"port", port},
                                {"threads", options.threads},
                                {"open_files_limit", openFiles},
                                {"database", onPostgres ? withoutPassword(database) : database}});
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
