#include "api/CaseResultRoutes.h"

#include "api/ContentResponse.h"
#include "api/ReadAuditing.h"
#include "http/HttpError.h"
#include "shared/cases/CaseFields.h"
#include "sync/CaseRecords.h"

namespace kep::server::api {

namespace {

// The case's office; an unknown case is of no office, which only a national rule reaches.
auth::ResourceScope officeOfCase(storage::ServerStore& store, const http::Request& request) {
    std::lock_guard lock(store.mutex());
    const auto record = sync::findCase(store.database(), request.pathParams.at("id"));
    if (!record) {
        return {};
    }
    return {record->officeCode, {}, {}};
}

}  // namespace

void registerCaseResultRoutes(http::Router& router, storage::ServerStore& store,
                              std::shared_ptr<attachments::AttachmentStore> files,
                              audit::ReadAudit& reads) {
    router.add(http::Method::Get, "/api/v1/cases/{id}/result",
               http::RouteAccess::workstation(
                   "attachment.read",
                   [&store](const http::Request& request) { return officeOfCase(store, request); }),
               [&store, files, &reads](http::Request& request) {
                   std::string sha;
                   {
                       std::lock_guard lock(store.mutex());
                       const auto record =
                           sync::findCase(store.database(), request.pathParams.at("id"));
                       sha = record ? record->field(kep::cases::fields::kResultSha256) : "";
                   }
                   if (sha.empty()) {
                       throw http::HttpError(404, "no_result",
                                             "the authority has returned no result for this case");
                   }
                   auditBeforeAnswer(reads, {readEntry(request, read_action::kCaseResult, "case",
                                                       request.pathParams.at("id"))});
                   return contentResponse(*files, sha, "application/pdf");
               });
}

}  // namespace kep::server::api
