// Every route of kep-server's API on one Router, with what those routes hold: used by
// `kep-server serve` and by the fuzzers' in-process server, so that both answer alike.
#pragma once

#include "attachments/AttachmentStore.h"
#include "audit/Checkpoint.h"
#include "audit/ReadAudit.h"
#include "auth/AddressRateLimit.h"
#include "catalogue/PublishedCatalogue.h"
#include "events/EventHub.h"
#include "http/Router.h"
#include "identity/IdentityServices.h"
#include "pki/CertificateAuthority.h"
#include "privacy/RetentionRules.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"
#include "sync/SyncServices.h"

#include <memory>
#include <string>

namespace kep::server::cli {

// What differs between a served data folder and a fuzzing one.
struct RouteSettings {
    std::string dataDir;
    std::string database;             // the SQLite file under dataDir the store has open
    auth::AddressRate statusLookups;  // citizens' status look-ups per address
    identity::IdentitySettings identity;
    privacy::RetentionSettings retention;
};

// What the routes need and own; made before the router so that it outlives the router's
// handlers. Background jobs of `serve` take their services from here too.
struct ServerRoutes {
    // `store` and `ca` must outlive this.
    ServerRoutes(storage::ServerStore& store, const pki::CertificateAuthority& ca,
                 RouteSettings settings);

    storage::ServerStore& store;
    RouteSettings settings;
    // Reads of personal data are audited before they are answered, in shared commits.
    std::unique_ptr<audit::ReadAudit> reads;
    std::shared_ptr<events::EventHub> hub;
    std::shared_ptr<catalogue::PublishedCatalogue> published;
    sync::SyncServices sync;
    // One attachment store: uploads, authorities' results and the KEP's result downloads.
    std::shared_ptr<attachments::AttachmentStore> attachments;
    std::shared_ptr<stats::StatsQueries> reportQueries;
    std::shared_ptr<const kep::audit::SigningKey> auditKey;
    identity::IdentityServices identity;
};

// Registers every route on `router`, identity last (it installs the request gate). /metrics is
// the caller's, after this: its counters are made for the routes the router holds then.
void registerServerRoutes(http::Router& router, ServerRoutes& routes);

}  // namespace kep::server::cli
