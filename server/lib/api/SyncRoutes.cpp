#include "api/SyncRoutes.h"

#include "api/CatalogueRoutes.h"
#include "api/ReadAuditing.h"
#include "api/SyncSocket.h"
#include "circulars/CircularsBucket.h"
#include "db/Database.h"
#include "http/HttpError.h"
#include "shared/sync/SyncProtocol.h"
#include "sync/SyncBuckets.h"

#include <charconv>
#include <limits>
#include <set>

namespace kep::server::api {

namespace {

namespace ks = kep::sync;

std::string acceptedVersions() {
    return "accepted: " + std::to_string(ks::kOldestAcceptedProtocolVersion) + " to " +
           std::to_string(ks::kProtocolVersion);
}

[[noreturn]] void unsupportedProtocol(std::string_view what) {
    throw http::HttpError(400, "unsupported_protocol",
                          std::string(what) + " (" + acceptedVersions() + ")");
}

// The workstation's own office: a device writes nowhere else, whatever its request says.
auth::ResourceScope ownOffice(const http::Request& request) {
    if (!request.caller) {
        return {};
    }
    return {request.caller->workstation.officeCode, request.caller->workstation.region, {}};
}

// What a pull reaches: an office's bucket is that office's (403 from the policy for another),
// the catalogue and the directory are served as the caller's own office sees them, and any
// other bucket is national — which no workstation rule reaches (403).
auth::ResourceScope pullScope(const http::Request& request) {
    protocolParameter(request);
    const auto it = request.query.find("bucket");
    if (it == request.query.end() || !ks::isValidBucketName(it->second)) {
        throw http::HttpError(400, "invalid_query",
                              "parameter 'bucket' must be a bucket name (office:<code>, "
                              "catalogue, directory or circulars)");
    }
    if (const auto office = sync::officeOfBucket(it->second)) {
        return {*office, {}, {}};
    }
    if (it->second == sync::kCatalogueBucket || it->second == sync::kDirectoryBucket ||
        it->second == sync::kCircularsBucket) {
        return ownOffice(request);
    }
    return {};
}

auth::ResourceScope socketScope(const http::Request& request) {
    protocolParameter(request);
    return ownOffice(request);
}

// A ProtocolError's text is "<message>: <path>: <fault>"; the protocol member has its own code.
bool isVersionFault(const ks::ProtocolError& error) {
    return std::string_view(error.what()).find(": protocol: ") != std::string_view::npos;
}

sync::PushPermissions permissionsFor(sync::SyncServices& sync, const http::Caller& caller,
                                     const ks::PushRequest& request) {
    sync::PushPermissions permissions{sync::officeBucket(caller.workstation.officeCode), {}};
    // Central roles (no office) never act on an office's data by sync: they are not its users.
    std::set<std::string, std::less<>> asked;
    for (const auto& op : request.ops) {
        asked.insert(op.actor.id);
    }
    for (const auto& entry : request.audit) {  // the desk's own audit entries (issue 9)
        asked.insert(entry.actorId);
    }
    for (const auto& id : asked) {
        const auto account = sync.directory.userById(id);
        if (account && !account->disabled && account->office &&
            account->office->code == caller.workstation.officeCode) {
            permissions.actors.insert(id);
        }
    }
    return permissions;
}

http::Response push(sync::SyncServices& sync, const http::Request& request) {
    ks::PushRequest message;
    try {
        message = ks::decodePushRequest(request.body);
    } catch (const ks::ProtocolError& error) {
        if (isVersionFault(error)) {
            const std::string_view text = error.what();
            if (text.find("accepted") == std::string_view::npos) {
                unsupportedProtocol(text);
            }
            throw http::HttpError(400, "unsupported_protocol", text);
        }
        throw http::HttpError(400, "invalid_sync_request", error.what());
    }
    const auto& caller = *request.caller;
    if (message.deviceId != caller.deviceId) {
        throw http::HttpError(403, "wrong_device",
                              "a workstation pushes only its own ops (the request names another "
                              "device)");
    }
    const auto permissions = permissionsFor(sync, caller, message);
    sync.deskActivity.pushed(caller.deviceId);
    try {
        const auto answer = sync.service().push(caller.deviceId, message, permissions);
        sync.pushedOps.counted(answer);
        return http::Response::json(200, ks::encode(answer));
    } catch (const ks::PushRefused& refused) {
        // A desk's audit entry for another device, office or user: nothing was written.
        throw http::HttpError(400, "invalid_audit_entry", refused.what());
    } catch (const kep::db::Error& error) {
        if (!error.isBusy()) {
            throw;
        }
        // Nothing was acknowledged: the desk sends the same ops again after its backoff.
        auto response = http::Response::error(503, "store_busy",
                                              "the server's store is busy; send the batch again");
        response.headers.emplace_back("Retry-After", "1");
        return response;
    }
}

http::Response pull(sync::SyncServices& sync, audit::ReadAudit& reads,
                    const http::Request& request) {
    ks::PullRequest message;
    message.protocol = protocolParameter(request);
    message.bucket = request.query.at("bucket");  // checked by pullScope before the handler
    message.cursor =
        integerParameter(request, "cursor", 0, 0, std::numeric_limits<std::int64_t>::max());
    message.limit = static_cast<int>(
        integerParameter(request, "limit", 500, 1, ks::SyncServerCore::kMaxPullLimit));
    const auto& office = request.caller->workstation.officeCode;
    sync.deskActivity.pulled(request.caller->deviceId);
    ks::PullResponse response;
    if (message.bucket == sync::kCatalogueBucket) {
        response = sync.catalogueBucket.pull(message);
    } else if (message.bucket == sync::kDirectoryBucket) {
        response = sync.directoryBucket.pull(message, office);
    } else if (message.bucket == sync::kCircularsBucket) {
        // Issue 8: the circulars whose audience holds the caller's office (and its region).
        circulars::CircularStore circulars(sync.serverStore);
        response = circulars::pullCirculars(circulars, message, office,
                                            request.caller->workstation.region);
    } else {
        response = sync.service().pull(message);
        // An office's cases reached a desk: audited before they leave (issue 9); an empty
        // pull shows nobody anything.
        if (!response.changes.empty()) {
            auditBeforeAnswer(
                reads, {readEntry(request, read_action::kBucketPull, "bucket", message.bucket)});
        }
    }
    return http::Response::json(200, ks::encode(response));
}

}  // namespace

int protocolParameter(const http::Request& request) {
    const auto it = request.query.find("protocol");
    if (it == request.query.end()) {
        unsupportedProtocol("parameter 'protocol' is required");
    }
    int version = 0;
    const auto* end = it->second.data() + it->second.size();
    const auto parsed = std::from_chars(it->second.data(), end, version);
    if (parsed.ec != std::errc{} || parsed.ptr != end ||
        version < ks::kOldestAcceptedProtocolVersion || version > ks::kProtocolVersion) {
        unsupportedProtocol("protocol version '" + it->second + "' is not supported");
    }
    return version;
}

void registerSyncRoutes(http::Router& router, sync::SyncServices& sync, audit::ReadAudit& reads) {
    router.add(http::Method::Post, "/api/v1/sync/push",
               http::RouteAccess::workstation("sync.push", ownOffice),
               [&sync](http::Request& request) { return push(sync, request); });
    router.add(http::Method::Get, "/api/v1/sync/pull",
               http::RouteAccess::workstation("sync.pull", pullScope),
               [&sync, &reads](http::Request& request) { return pull(sync, reads, request); });
    router.addWebSocket("/api/v1/sync/ws", http::RouteAccess::workstation("sync.pull", socketScope),
                        std::make_shared<SyncSocket>(sync.nudges));
}

}  // namespace kep::server::api
