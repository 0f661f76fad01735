// The registry job's second half: sending each due request through the connector, storing a
// PDF that comes back as an attachment, retrying with backoff, and writing the outcomes to the
// case (field registry_documents) as the registry's own case write, with history and audit.
#pragma once

#include "attachments/AttachmentStore.h"
#include "db/Database.h"
#include "log/Logger.h"
#include "registry/RegistryConnector.h"
#include "registry/RegistryRequests.h"
#include "registry/RegistryRetry.h"
#include "sync/ServerCaseWriter.h"

#include <cstdint>
#include <functional>

namespace kep::server::registry {

// The server device the registry's case writes are ops of.
inline constexpr std::string_view kRegistryDevice = "server:registry";

// Who the case's history and audit name for a registry's answer: "registry:<issuer id>".
kep::cases::Actor registryActor(std::string_view issuerId);

// Not thread-safe: the registry job's thread, on its own connection (the case writes go through
// the sync service's).
class RegistrySender {
public:
    using Clock = std::function<Instant()>;
    using Random = std::function<std::uint64_t()>;

    struct Services {
        RegistryConnector& connector;
        attachments::AttachmentStore& attachments;
        sync::ServerCaseWriter& writer;  // device kRegistryDevice
        kep::log::Logger* log = nullptr;
    };

    RegistrySender(kep::db::Database& db, Services services, RegistryRetryPolicy policy, Clock now,
                   Random random);

    // One piece of work: brings a case's field up to date with its closed requests, else sends
    // the request due first. True when it did either (the job then runs it again at once).
    bool step();

private:
    bool updateCase();
    bool sendNext();
    // The request as the registry receives it, with the citizen's identifiers read from the
    // case now; nullopt when the case has neither ΑΦΜ nor ΑΜΚΑ to look the citizen up by.
    std::optional<DocumentRequest> documentRequest(const QueuedRequest& queued);
    void record(const QueuedRequest& queued, RegistryAnswer answer, Instant sentAt);
    // The citizen's ΑΦΜ/ΑΜΚΑ leave for the issuing authority: the audit entry is durable first
    // (issue 9; a failure throws, and the job tries the request again later).
    void auditDisclosure(const std::string& caseId);
    void logOutcome(const QueuedRequest& queued, std::string_view outcome);

    kep::db::Database& db_;
    Services services_;
    RegistryRetryPolicy policy_;
    Clock now_;
    Random random_;
    RegistryRequests requests_;
};

}  // namespace kep::server::registry
