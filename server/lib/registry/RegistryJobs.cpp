#include "registry/RegistryJobs.h"

#include "jobs/ChangeFollower.h"
#include "registry/FilingRequests.h"
#include "registry/HttpRegistryConnector.h"
#include "registry/RegistrySender.h"
#include "storage/DatabaseLocation.h"
#include "sync/ServerCaseWriter.h"

#include <chrono>
#include <random>

namespace kep::server::registry {

namespace {

Instant currentTime() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

// What both jobs run on, owned by the jobs' functions (and so kept until the worker stopped).
struct RegistryWork {
    RegistryWork(const std::string& databasePath, const RegistrySettings& settings,
                 sync::SyncService& service,
                 std::shared_ptr<attachments::AttachmentStore> attachmentStore,
                 kep::log::Logger& log)
        : db(openConnection(databasePath))
        , follower(db, "registry")
        , filings(db, currentTime)
        , attachments(std::move(attachmentStore))
        , writer(service, std::string{kRegistryDevice}) {
        if (settings.configured()) {
            connector = std::make_unique<HttpRegistryConnector>(settings);
            sender = std::make_unique<RegistrySender>(
                db, RegistrySender::Services{*connector, *attachments, writer, &log},
                retryPolicy(settings), currentTime, [this] { return random(); });
        }
    }

    static RegistryRetryPolicy retryPolicy(const RegistrySettings& settings) {
        RegistryRetryPolicy policy;
        policy.base = settings.retryBase;
        return policy;
    }

    static kep::db::Database openConnection(const std::string& path) {
        kep::db::OpenOptions options;
        options.mode = kep::db::OpenMode::ReadWrite;  // WAL, synchronous=FULL by default
        return kep::server::storage::openConnection(path, options);
    }

    kep::db::Database db;
    jobs::ChangeFollower follower;
    FilingRequests filings;
    std::shared_ptr<attachments::AttachmentStore> attachments;
    sync::ServerCaseWriter writer;
    std::mt19937_64 random{std::random_device{}()};
    std::unique_ptr<HttpRegistryConnector> connector;
    std::unique_ptr<RegistrySender> sender;
};

}  // namespace

void addRegistryJobs(jobs::BackgroundJobs& jobs, const RegistrySettings& settings,
                     const std::string& databasePath, sync::SyncService& service,
                     std::shared_ptr<attachments::AttachmentStore> attachments,
                     kep::log::Logger& log) {
    auto work = std::make_shared<RegistryWork>(databasePath, settings, service,
                                               std::move(attachments), log);
    jobs.add({"registry_queue", [work] {
                  return work->follower.poll([&work](const jobs::CaseChange& change) {
                      work->filings.onChange(change);
                  }) > 0;
              }});
    if (work->sender) {
        jobs.add({"registry_send", [work] { return work->sender->step(); }});
    }
}

}  // namespace kep::server::registry
