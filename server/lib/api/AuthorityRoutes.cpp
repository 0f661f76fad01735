#include "api/AuthorityRoutes.h"

#include "api/AuthorityCaseJson.h"
#include "api/ContentResponse.h"
#include "api/ReadAuditing.h"
#include "authorities/InboxCase.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "shared/cases/CaseFields.h"
#include "shared/cases/CaseLifecycle.h"
#include "sync/CaseRecords.h"
#include "sync/ServerCaseWriter.h"

#include <boost/json.hpp>

#include <charconv>

namespace kep::server::api {

namespace {

namespace at = attachments;
using kep::cases::CaseStatus;

constexpr int kDefaultInboxLimit = 100;
constexpr int kMaxInboxLimit = 500;

// Staff by session, their system by API key: the gate has set exactly one of the two.
const auth::Principal& principalOf(const http::Request& request) {
    return request.caller->user ? *request.caller->user : *request.caller->system;
}

kep::cases::Actor actorOf(const http::Request& request) {
    if (request.caller->user) {
        return {request.caller->user->userId, kep::cases::ActorRole::Authority};
    }
    return {request.caller->systemKeyId, kep::cases::ActorRole::AuthoritySystem};
}

// The route's resource is the caller's own authority's inbox: whether a case is in it is the
// handler's look-up, answered 404 when not, so that no answer says another authority's case
// exists. A caller of no authority reaches nothing (the policy's empty home).
auth::ResourceScope callersInbox(const http::Request& request) {
    if (!request.caller || (!request.caller->user && !request.caller->system)) {
        return {};
    }
    return {{}, {}, principalOf(request).authorityId};
}

// Everything a handler reads of one case, under the store's lock.
struct InboxEntry {
    sync::CaseRecord record;
    std::vector<kep::cases::HistoryEntry> history;
};

class AuthorityInbox {
public:
    AuthorityInbox(storage::ServerStore& store, sync::SyncService& service,
                   std::shared_ptr<at::AttachmentStore> files, audit::ReadAudit& reads)
        : store_(store)
        , writer_(service, "server:authority")
        , files_(std::move(files))
        , reads_(reads) {}

    InboxEntry entry(const http::Request& request) {
        std::lock_guard lock(store_.mutex());
        auto record = authorities::findInboxCase(store_.database(), request.pathParams.at("id"),
                                                 principalOf(request).authorityId);
        if (!record) {
            throw http::HttpError(404, "not_found", "no such case in this authority's inbox");
        }
        auto history = sync::caseHistory(store_.database(), record->id);
        return {std::move(*record), std::move(history)};
    }

    http::Response caseResponse(const http::Request& request) {
        const auto found = entry(request);
        auto json = authorityCaseJson(found.record, found.history);
        json["history"] = historyJson(found.history);
        auditBeforeAnswer(reads_,
                          {readEntry(request, read_action::kCaseRead, "case", found.record.id)});
        return http::jsonResponse(boost::json::object{{"case", std::move(json)}});
    }

    http::Response inbox(const http::Request& request) {
        const auto status = statusQuery(request);
        const auto limit = limitQuery(request);
        boost::json::array cases;
        std::vector<kep::audit::AuditEntry> listed;
        {
            std::lock_guard lock(store_.mutex());
            auto& db = store_.database();
            for (const auto& record :
                 sync::casesOfAuthority(db, principalOf(request).authorityId, status, limit)) {
                cases.push_back(authorityCaseJson(record, sync::caseHistory(db, record.id)));
                listed.push_back(readEntry(request, read_action::kCaseList, "case", record.id));
            }
        }
        // Outside the store's lock: the audit's commit takes it.
        auditBeforeAnswer(reads_, std::move(listed));
        return http::jsonResponse(boost::json::object{{"cases", std::move(cases)}});
    }

    http::Response document(const http::Request& request) {
        const auto& sha = request.pathParams.at("sha256");
        const auto found = entry(request);
        const auto audited = [&] {
            auditBeforeAnswer(
                reads_, {readEntry(request, read_action::kCaseDocument, "case", found.record.id)});
        };
        for (const auto& document : authorities::documentsOf(found.record)) {
            if (document.sha256 == sha) {
                audited();
                return contentResponse(*files_, sha, document.mediaType);
            }
        }
        if (!sha.empty() && found.record.field(kep::cases::fields::kResultSha256) == sha) {
            audited();
            return contentResponse(*files_, sha, at::mediaTypeOf(at::AttachmentType::Pdf));
        }
        throw http::HttpError(404, "not_found", "the case has no such document");
    }

    // The lifecycle decides; its refusal is 409 with its own code.
    http::Response decide(http::Request& request, CaseStatus to, std::string reason = {}) {
        const auto found = entry(request);
        const auto result = writer_.transition(found.record.id, found.record.officeCode,
                                               actorOf(request), to, std::move(reason));
        refuseUnlessApplied(result);
        return caseResponse(request);
    }

    // The result is stored (by its SHA-256) and named on the case before the case is completed,
    // so that no desk ever pulls a completed case without its result.
    http::Response complete(http::Request& request) {
        const auto found = entry(request);
        const auto actor = actorOf(request);
        kep::cases::Case rules;
        rules.status = found.record.status;
        const auto allowed = kep::cases::check(rules, CaseStatus::Completed, actor);
        if (!allowed.ok()) {
            throw http::HttpError(409, allowed.code(), allowed.message);
        }
        const auto sha = storeResult(request);
        refuseUnlessApplied(
            writer_.setFields(found.record.id, found.record.officeCode, actor,
                              {{std::string(kep::cases::fields::kResultSha256), sha}}));
        refuseUnlessApplied(writer_.transition(found.record.id, found.record.officeCode, actor,
                                               CaseStatus::Completed));
        return caseResponse(request);
    }

private:
    static std::optional<CaseStatus> statusQuery(const http::Request& request) {
        const auto it = request.query.find("status");
        if (it == request.query.end() || it->second.empty()) {
            return std::nullopt;
        }
        const auto status = kep::cases::caseStatusFromString(it->second);
        if (!status) {
            throw http::HttpError(400, "invalid_query",
                                  "parameter 'status' must be a case status such as forwarded");
        }
        return status;
    }

    static int limitQuery(const http::Request& request) {
        const auto it = request.query.find("limit");
        if (it == request.query.end() || it->second.empty()) {
            return kDefaultInboxLimit;
        }
        int limit = 0;
        const auto* end = it->second.data() + it->second.size();
        const auto parsed = std::from_chars(it->second.data(), end, limit);
        if (parsed.ec != std::errc{} || parsed.ptr != end || limit < 1 || limit > kMaxInboxLimit) {
            throw http::HttpError(400, "invalid_query",
                                  "parameter 'limit' must be a whole number from 1 to " +
                                      std::to_string(kMaxInboxLimit));
        }
        return limit;
    }

    std::string storeResult(const http::Request& request) {
        const auto type = request.header("Content-Type");
        if (!type || type->substr(0, type->find(';')) != at::mediaTypeOf(at::AttachmentType::Pdf)) {
            throw http::HttpError(415, "unsupported_media_type",
                                  "the result must be sent as application/pdf");
        }
        if (static_cast<std::int64_t>(request.body.size()) > at::kMaxAttachmentBytes) {
            throw http::HttpError(413, "payload_too_large", "the result PDF is larger than 20 MiB");
        }
        try {
            return files_->storeComplete(request.body, at::AttachmentType::Pdf);
        } catch (const at::AttachmentRefused& refusal) {
            throw http::HttpError(400, "invalid_result",
                                  "the result must be a PDF document (its first bytes are not "
                                  "%PDF-)");
        }
    }

    static void refuseUnlessApplied(const sync::CaseWriteResult& result) {
        if (result.ok()) {
            return;
        }
        const auto colon = result.reason.find(": ");
        const auto message =
            colon == std::string::npos ? result.reason : result.reason.substr(colon + 2);
        const auto code = result.code();
        throw http::HttpError(409, code.empty() ? std::string("refused") : code, message);
    }

    storage::ServerStore& store_;
    sync::ServerCaseWriter writer_;
    std::shared_ptr<at::AttachmentStore> files_;
    audit::ReadAudit& reads_;
};

// {"reason":"…"}: required, not blank, within the lifecycle's limit.
std::string reasonOf(const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    auto reason = http::requireString(body, "reason", kep::cases::kMaxReasonBytes);
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw http::HttpError(400, "invalid_field", "field 'reason' must not be blank");
    }
    return reason;
}

}  // namespace

void registerAuthorityRoutes(http::Router& router, storage::ServerStore& store,
                             sync::SyncService& service,
                             std::shared_ptr<attachments::AttachmentStore> files,
                             audit::ReadAudit& reads) {
    auto inbox = std::make_shared<AuthorityInbox>(store, service, std::move(files), reads);
    const auto access = [](const char* action) {
        return http::RouteAccess::sessionOrApiKey(action, callersInbox);
    };
    router.add(http::Method::Get, "/api/v1/authority/inbox", access("authority.inbox"),
               [inbox](http::Request& request) { return inbox->inbox(request); });
    router.add(http::Method::Get, "/api/v1/authority/cases/{id}", access("case.read"),
               [inbox](http::Request& request) { return inbox->caseResponse(request); });
    router.add(http::Method::Get, "/api/v1/authority/cases/{id}/documents/{sha256}",
               access("case.read"),
               [inbox](http::Request& request) { return inbox->document(request); });
    router.add(
        http::Method::Post, "/api/v1/authority/cases/{id}/accept", access("case.accept"),
        [inbox](http::Request& request) { return inbox->decide(request, CaseStatus::InProgress); });
    router.add(http::Method::Post, "/api/v1/authority/cases/{id}/request-documents",
               access("case.request_documents"), [inbox](http::Request& request) {
                   return inbox->decide(request, CaseStatus::AwaitingDocuments, reasonOf(request));
               });
    router.add(http::Method::Post, "/api/v1/authority/cases/{id}/reject", access("case.reject"),
               [inbox](http::Request& request) {
                   return inbox->decide(request, CaseStatus::Rejected, reasonOf(request));
               });
    // The result PDF may be up to the attachment limit, above the server's default body bound.
    router.add(http::Method::Post, "/api/v1/authority/cases/{id}/complete",
               access("case.return_result")
                   .withMaxBodyBytes(static_cast<std::size_t>(at::kMaxAttachmentBytes)),
               [inbox](http::Request& request) { return inbox->complete(request); });
}

}  // namespace kep::server::api
