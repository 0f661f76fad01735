#include "cli/ServerRoutes.h"

#include "api/AttachmentRoutes.h"
#include "api/AuditRoutes.h"
#include "api/AuthorityDirectoryRoutes.h"
#include "api/AuthorityRoutes.h"
#include "api/CaseResultRoutes.h"
#include "api/CatalogueRoutes.h"
#include "api/CircularRoutes.h"
#include "api/FeedbackRoutes.h"
#include "api/IdentityRoutes.h"
#include "api/IntakeRoutes.h"
#include "api/PrivacyRoutes.h"
#include "api/ProtocolNumberRoutes.h"
#include "api/PublicRoutes.h"
#include "api/PublicStatusRoutes.h"
#include "api/ReadAuditing.h"
#include "api/ReportRoutes.h"
#include "api/SatisfactionRoutes.h"
#include "api/StatsRoutes.h"
#include "api/SyncRoutes.h"
#include "audit/AuditFiles.h"
#include "audit/AuditKeys.h"
#include "stats/ReadConnections.h"

#include <utility>

namespace kep::server::cli {

ServerRoutes::ServerRoutes(storage::ServerStore& serverStore, const pki::CertificateAuthority& ca,
                           RouteSettings routeSettings)
    : store(serverStore)
    , settings(std::move(routeSettings))
    , reads(audit::ReadAudit::overConnection(settings.database))
    , hub(std::make_shared<events::EventHub>())
    , published(std::make_shared<catalogue::PublishedCatalogue>(serverStore))
    , sync(serverStore, settings.database, *hub)
    , attachments(std::make_shared<attachments::AttachmentStore>(serverStore, settings.dataDir))
    , reportQueries(std::make_shared<stats::StatsQueries>(
          std::make_shared<stats::ReadConnections>(settings.database, 1)))
    // The audit log's signing key, made when missing; its checkpoints are signed with it.
    , auditKey(std::make_shared<const kep::audit::SigningKey>(
          audit::loadOrCreateSigningKey(audit::AuditFiles(settings.dataDir), serverStore)))
    , identity(serverStore, ca, settings.identity) {
    published->refresh();  // loaded before the first search, not during it
}

void registerServerRoutes(http::Router& router, ServerRoutes& routes) {
    auto& store = routes.store;
    auto& reads = *routes.reads;
    auto& syncServices = routes.sync;
    const auto& settings = routes.settings;
    api::registerPublicRoutes(router, store, routes.hub);
    api::registerCatalogueRoutes(router, store, routes.published);
    api::registerProtocolNumberRoutes(router,
                                      std::make_shared<leases::ProtocolNumberLeases>(store));
    api::registerSyncRoutes(router, syncServices, reads);
    api::registerAttachmentRoutes(router, routes.attachments);
    // The competent authorities' directory and inbox, and the result at the KEP (issue 7).
    api::registerAuthorityDirectoryRoutes(router, store);
    api::registerAuthorityRoutes(router, store, syncServices.service(), routes.attachments, reads);
    api::registerCaseResultRoutes(router, store, routes.attachments, reads);
    // Applications filed online (gov.gr, EU-GO) and the citizen's status look-up (issue 7).
    api::registerIntakeRoutes(router, std::make_shared<intake::IntakeService>(
                                          store, syncServices.service(),
                                          std::make_shared<const kep::domain::WorkingCalendar>()));
    api::registerPublicStatusRoutes(router, store, reads, settings.statusLookups);
    // Statistics (issue 8): read on read-only connections of their own.
    api::registerStatsRoutes(router, store,
                             std::make_shared<stats::StatsQueries>(
                                 std::make_shared<stats::ReadConnections>(settings.database, 2)));
    // Monthly reports (issue 8), on demand; `serve` also writes them once a month ends.
    api::registerReportRoutes(router, store, routes.reportQueries);
    // Circulars, procedure feedback and citizens' satisfaction (issue 8, must-haves 5-7).
    api::registerCircularRoutes(router, store, syncServices.nudges);
    api::registerFeedbackRoutes(router, store);
    api::registerSatisfactionRoutes(router, store);
    // The audit log (issue 9): its routes read on a connection of their own.
    api::registerAuditRoutes(router, store,
                             std::make_shared<stats::ReadConnections>(settings.database, 1),
                             routes.auditKey->publicPem());
    // Personal data (issue 9, GDPR): erasure and the Art. 15 export.
    api::registerPrivacyRoutes(router, store, settings.database, settings.dataDir,
                               settings.retention);
    // Identity last: it installs the request gate, and its route list reads the whole table.
    api::registerIdentityRoutes(router, routes.identity);
    api::auditDenials(*routes.identity.gate, reads);
}

}  // namespace kep::server::cli
