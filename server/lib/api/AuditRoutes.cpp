#include "api/AuditRoutes.h"

#include "api/CatalogueRoutes.h"
#include "api/IdentityRoutes.h"
#include "audit/AuditProofs.h"
#include "audit/AuditRows.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/Directory.h"
#include "shared/audit/Checkpoint.h"

#include <boost/json.hpp>

#include <algorithm>
#include <limits>

namespace kep::server::api {

namespace {

constexpr std::int64_t kDefaultEntries = 100;
constexpr std::int64_t kMaxEntries = 1000;
constexpr std::int64_t kMaxIndex = std::numeric_limits<std::int64_t>::max();

struct AuditContext {
    identity::Directory directory;
    std::shared_ptr<stats::ReadConnections> reads;
    std::string publicPem;
};

std::optional<std::string> parameter(const http::Request& request, std::string_view name) {
    const auto it = request.query.find(std::string(name));
    if (it == request.query.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::string requiredParameter(const http::Request& request, std::string_view name) {
    auto value = parameter(request, name);
    if (!value || value->empty()) {
        http::throwInvalidParameter(name, "is required");
    }
    return std::move(*value);
}

boost::json::array hexList(const std::vector<kep::audit::Hash>& hashes) {
    boost::json::array list;
    for (const auto& hash : hashes) {
        list.emplace_back(kep::audit::toHex(hash));
    }
    return list;
}

std::string hexOf(const std::vector<std::uint8_t>& bytes) {
    kep::audit::Hash hash{};
    std::copy_n(bytes.begin(), std::min(bytes.size(), hash.size()), hash.begin());
    return kep::audit::toHex(hash);
}

// A tree size the caller names, or the newest checkpoint's; never past the entries stored.
std::uint64_t treeSize(kep::db::Database& db, const http::Request& request, std::string_view name,
                       std::int64_t minimum) {
    const auto entries = server::audit::entryCount(db);
    if (parameter(request, name)) {
        const auto size = integerParameter(request, std::string(name), 0, minimum, kMaxIndex);
        if (size > entries) {
            http::throwInvalidParameter(
                name, "is past the end of the log (" + std::to_string(entries) + " entries)");
        }
        return static_cast<std::uint64_t>(size);
    }
    const auto newest = server::audit::newestCheckpoint(db);
    if (!newest) {
        throw http::HttpError(404, "not_found", "no checkpoint has been signed yet");
    }
    return newest->checkpoint.treeSize;
}

http::Response checkpoint(AuditContext& context) {
    auto lease = context.reads->acquire();
    const auto newest = server::audit::newestCheckpoint(lease.db());
    if (!newest) {
        throw http::HttpError(404, "not_found", "no checkpoint has been signed yet");
    }
    const auto& signed_ = newest->checkpoint;
    return http::jsonResponse(boost::json::object{{"tree_size", signed_.treeSize},
                                                  {"root", kep::audit::toHex(signed_.root)},
                                                  {"at", signed_.at},
                                                  {"line", kep::audit::toLine(signed_)},
                                                  {"public_key", context.publicPem}});
}

boost::json::object entryJson(const server::audit::StoredEntry& stored) {
    const auto& entry = stored.entry;
    return {{"leaf_index", stored.leafIndex},
            {"entry_id", entry.entryId},
            {"at", entry.at},
            {"actor_kind", entry.actorKind},
            {"actor_id", entry.actorId},
            {"role", entry.role},
            {"office", entry.office},
            {"workstation", entry.workstation},
            {"action", entry.action},
            {"record_type", entry.recordType},
            {"record_id", entry.recordId},
            {"purpose", entry.purpose},
            {"outcome", entry.outcome},
            {"leaf_hash", hexOf(stored.leafHash)}};
}

http::Response entries(AuditContext& context, const http::Request& request) {
    const auto recordType = requiredParameter(request, "record_type");
    const auto recordId = requiredParameter(request, "record_id");
    // The policy let a manager through only with their own office named: its entries only.
    const auto office = parameter(request, "office").value_or("");
    const auto after = integerParameter(request, "after", 0, 0, kMaxIndex);
    const auto limit = integerParameter(request, "limit", kDefaultEntries, 1, kMaxEntries);
    auto lease = context.reads->acquire();
    auto select =
        lease.db().prepare(server::audit::selectEntries() +
                           "WHERE record_type = ?1 AND record_id = ?2 AND (?3 = '' OR office = ?3) "
                           "AND leaf_index > ?4 ORDER BY leaf_index LIMIT ?5");
    select.bind(1, recordType).bind(2, recordId).bind(3, office).bind(4, after).bind(5, limit);
    boost::json::array list;
    server::audit::StoredEntry stored;
    while (select.step()) {
        server::audit::readEntry(select, stored);
        list.push_back(entryJson(stored));
    }
    // A full page may have more after it.
    const auto more = static_cast<std::int64_t>(list.size()) == limit;
    return http::jsonResponse(boost::json::object{
        {"entries", std::move(list)},
        {"next_after", more ? boost::json::value(stored.leafIndex) : boost::json::value(nullptr)}});
}

// The office of the entry a proof is asked for: what the policy judges.
auth::ResourceScope proofScope(AuditContext& context, const http::Request& request) {
    const auto index = parameter(request, "index");
    if (!index) {
        return {};
    }
    auto lease = context.reads->acquire();
    auto select = lease.db().prepare("SELECT office FROM audit_entry WHERE leaf_index = ?1");
    std::int64_t leaf = 0;
    try {
        leaf = std::stoll(*index);
    } catch (const std::exception&) {
        return {};
    }
    select.bind(1, leaf);
    if (!select.step()) {
        return {};
    }
    return officeScope(context.directory, select.text(0));
}

http::Response proof(AuditContext& context, const http::Request& request) {
    requiredParameter(request, "index");
    const auto index = integerParameter(request, "index", 0, 1, kMaxIndex);
    auto lease = context.reads->acquire();
    auto& db = lease.db();
    kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
    const auto size = treeSize(db, request, "size", 1);
    if (static_cast<std::uint64_t>(index) > size) {
        http::throwInvalidParameter("index", "is not in a tree of size " + std::to_string(size));
    }
    auto select = db.prepare("SELECT leaf_hash FROM audit_entry WHERE leaf_index = ?1");
    select.bind(1, index);
    if (!select.step()) {
        throw http::HttpError(404, "not_found", "no such entry");
    }
    const auto leaf = hexOf(select.blob(0));
    select.reset();
    const auto path =
        server::audit::inclusionProofOf(db, static_cast<std::uint64_t>(index - 1), size);
    const auto root = server::audit::treeHeadOf(db, size);
    snapshot.commit();
    return http::jsonResponse(boost::json::object{{"leaf_index", index},
                                                  {"tree_size", size},
                                                  {"leaf_hash", leaf},
                                                  {"root", kep::audit::toHex(root)},
                                                  {"proof", hexList(path)}});
}

http::Response consistency(AuditContext& context, const http::Request& request) {
    requiredParameter(request, "first");
    const auto first = integerParameter(request, "first", 0, 1, kMaxIndex);
    auto lease = context.reads->acquire();
    auto& db = lease.db();
    kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
    const auto second = treeSize(db, request, "second", 1);
    if (static_cast<std::uint64_t>(first) > second) {
        http::throwInvalidParameter("first", "must not be above 'second'");
    }
    const auto path =
        server::audit::consistencyProofOf(db, static_cast<std::uint64_t>(first), second);
    const auto firstRoot = server::audit::treeHeadOf(db, static_cast<std::uint64_t>(first));
    const auto secondRoot = server::audit::treeHeadOf(db, second);
    snapshot.commit();
    return http::jsonResponse(boost::json::object{{"first", first},
                                                  {"second", second},
                                                  {"first_root", kep::audit::toHex(firstRoot)},
                                                  {"second_root", kep::audit::toHex(secondRoot)},
                                                  {"proof", hexList(path)}});
}

}  // namespace

void registerAuditRoutes(http::Router& router, storage::ServerStore& store,
                         std::shared_ptr<stats::ReadConnections> reads, std::string publicPem) {
    auto context = std::make_shared<AuditContext>(
        AuditContext{identity::Directory(store), std::move(reads), std::move(publicPem)});
    // Public, so counted per address in the public routes' rate bucket.
    router.add(http::Method::Get, "/api/v1/audit/checkpoint",
               http::RouteAccess::publicRoute().withRateLimit("public"),
               [context](http::Request&) { return checkpoint(*context); });
    router.add(http::Method::Get, "/api/v1/audit/entries",
               http::RouteAccess::session("audit.read",
                                          [context](const http::Request& request) {
                                              return officeScope(
                                                  context->directory,
                                                  parameter(request, "office").value_or(""));
                                          }),
               [context](http::Request& request) { return entries(*context, request); });
    router.add(http::Method::Get, "/api/v1/audit/proof",
               http::RouteAccess::session("audit.read",
                                          [context](const http::Request& request) {
                                              return proofScope(*context, request);
                                          }),
               [context](http::Request& request) { return proof(*context, request); });
    router.add(http::Method::Get, "/api/v1/audit/consistency",
               http::RouteAccess::session("audit.read"),
               [context](http::Request& request) { return consistency(*context, request); });
}

}  // namespace kep::server::api
