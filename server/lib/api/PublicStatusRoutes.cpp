#include "api/PublicStatusRoutes.h"

#include "api/ReadAuditing.h"
#include "auth/SqliteSignInThrottleStore.h"
#include "http/HttpError.h"
#include "identity/AuditActor.h"
#include "identity/RequestGate.h"
#include "intake/CaseStatusLookup.h"
#include "intake/NextStep.h"
#include "shared/cases/ProtocolNumber.h"
#include "sync/CaseRecords.h"

#include <boost/json.hpp>

#include <memory>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxIdentifierBytes = 64;

const std::string& queryOf(const http::Request& request, const std::string& name,
                           std::size_t maxBytes) {
    const auto it = request.query.find(name);
    if (it == request.query.end() || it->second.empty() || it->second.size() > maxBytes) {
        throw http::HttpError(400, "invalid_query",
                              "query parameter '" + name + "' is required (at most " +
                                  std::to_string(maxBytes) + " bytes)");
    }
    return it->second;
}

kep::catalogue::Language languageOf(const http::Request& request) {
    const auto it = request.query.find("lang");
    if (it == request.query.end() || it->second == "el") {
        return kep::catalogue::Language::El;
    }
    if (it->second == "en") {
        return kep::catalogue::Language::En;
    }
    throw http::HttpError(400, "invalid_query", "query parameter 'lang' is el or en");
}

// The caller is anonymous: the entry names the server's look-up as the actor and the case as the
// record, never the address or the identifier typed (personal data both).
kep::audit::AuditEntry lookupEntry(storage::ServerStore& store, const std::string& protocol) {
    std::string caseId;
    {
        std::lock_guard lock(store.mutex());
        const auto record = sync::findCaseByProtocol(store.database(), protocol);
        caseId = record ? record->id : "-";
    }
    return identity::auditEntry(identity::serverActor("public_status", "citizen_lookup"),
                                read_action::kStatusLookup, "case", caseId, "ok");
}

// Nobody's answer is worth keeping in a cache along the way.
http::Response uncached(http::Response response) {
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace

void registerPublicStatusRoutes(http::Router& router, storage::ServerStore& store,
                                audit::ReadAudit& reads, auth::AddressRate rate) {
    auto lookup = std::make_shared<intake::CaseStatusLookup>(store);
    router.add(
        http::Method::Get, "/api/v1/public/status", http::RouteAccess::publicRoute(),
        [&store, &reads, rate, lookup](http::Request& request) {
            // Counted before anything is read: malformed guesses are limited too.
            std::chrono::seconds wait{0};
            {
                std::lock_guard lock(store.mutex());
                auth::SqliteSignInThrottleStore counters(store.database());
                wait = auth::countAddressRequest(counters, "status:" + request.remoteAddress, rate,
                                                 identity::nowInstant());
            }
            if (wait.count() > 0) {
                auto refusal = http::Response::error(429, "too_many_attempts",
                                                     "too many status look-ups; try again after " +
                                                         std::to_string(wait.count()) + " s");
                refusal.headers.emplace_back("Retry-After", std::to_string(wait.count()));
                return refusal;
            }
            const auto parsed = kep::cases::ProtocolNumber::parse(
                queryOf(request, "protocol", kMaxIdentifierBytes));
            if (!parsed.ok()) {
                throw http::HttpError(400, "invalid_query",
                                      "query parameter 'protocol' is a protocol number such as "
                                      "0101/2026/42");
            }
            const auto& identifier = queryOf(request, "id", kMaxIdentifierBytes);
            const auto language = languageOf(request);
            const auto status = lookup->find(parsed.number->toString(), identifier);
            if (!status) {
                // One answer, byte for byte, for an unknown number and a wrong identifier.
                return uncached(http::Response::error(
                    404, "not_found", "no case has this protocol number and identifier"));
            }
            auditBeforeAnswer(reads, {lookupEntry(store, parsed.number->toString())});
            return uncached(http::Response::json(
                200, boost::json::serialize(
                         boost::json::object{{"status", kep::cases::toString(*status)},
                                             {"next_step", intake::nextStep(*status, language)}})));
        });
}

}  // namespace kep::server::api
