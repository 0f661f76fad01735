#include "api/AttachmentRoutes.h"

#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

#include <charconv>

namespace kep::server::api {

namespace {

namespace at = attachments;
using Reason = at::AttachmentRefused::Reason;

// Uploads belong to the workstation's own office; complete content is shared by hash.
auth::ResourceScope workstationOffice(const http::Request& request) {
    if (!request.caller) {
        return {};
    }
    return {request.caller->workstation.officeCode, request.caller->workstation.region, {}};
}

at::Uploader uploaderOf(const http::Request& request) {
    return {request.caller->deviceId, request.caller->workstation.officeCode};
}

std::string shaParameter(const http::Request& request) {
    const auto& sha = request.pathParams.at("sha256");
    if (!at::isSha256Hex(sha)) {
        throw http::HttpError(400, "invalid_sha256",
                              "the attachment's address must be its SHA-256 as 64 lowercase "
                              "hexadecimal digits");
    }
    return sha;
}

// A whole decimal number in [min, max], or nullopt.
std::optional<std::int64_t> wholeNumber(std::string_view text, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, value);
    if (text.empty() || parsed.ec != std::errc{} || parsed.ptr != end || value < min ||
        value > max) {
        return std::nullopt;
    }
    return value;
}

at::AttachmentDeclaration declarationOf(const http::Request& request) {
    at::AttachmentDeclaration content;
    content.sha256 = shaParameter(request);
    const auto size = request.query.find("size");
    const auto parsedSize = size == request.query.end()
                                ? std::nullopt
                                : wholeNumber(size->second, 1, at::kMaxAttachmentBytes);
    if (!parsedSize) {
        throw http::HttpError(400, "invalid_query",
                              "parameter 'size' must be the file's size in bytes, 1 to " +
                                  std::to_string(at::kMaxAttachmentBytes));
    }
    content.size = *parsedSize;
    const auto type = request.query.find("type");
    const auto parsedType =
        type == request.query.end() ? std::nullopt : at::attachmentTypeOfMedia(type->second);
    if (!parsedType) {
        throw http::HttpError(400, "invalid_query",
                              "parameter 'type' must be application/pdf, image/jpeg or image/png");
    }
    content.type = *parsedType;
    return content;
}

std::int64_t chunkIndexOf(const http::Request& request) {
    const auto index = wholeNumber(request.pathParams.at("index"), 0,
                                   at::chunkCount(at::kMaxAttachmentBytes, at::kChunkSize) - 1);
    if (!index) {
        throw http::HttpError(400, "invalid_chunk_index",
                              "the chunk index must be a whole number from 0");
    }
    return *index;
}

void requireOctetStream(const http::Request& request) {
    const auto type = request.header("Content-Type");
    if (!type || type->substr(0, type->find(';')) != "application/octet-stream") {
        throw http::HttpError(415, "unsupported_media_type",
                              "a chunk's body must be application/octet-stream");
    }
}

http::Response statusResponse(const at::UploadStatus& status) {
    boost::json::array have(status.have.begin(), status.have.end());
    const auto missingChunks = status.missing();
    boost::json::array missing(missingChunks.begin(), missingChunks.end());
    return http::jsonResponse(boost::json::object{{"sha256", status.content.sha256},
                                                  {"size", status.content.size},
                                                  {"type", at::mediaTypeOf(status.content.type)},
                                                  {"chunkSize", status.chunkSize},
                                                  {"chunkCount", status.chunkCount()},
                                                  {"complete", status.complete},
                                                  {"have", std::move(have)},
                                                  {"missing", std::move(missing)}});
}

[[noreturn]] void refuse(const at::AttachmentRefused& refusal) {
    switch (refusal.reason()) {
        case Reason::NoUpload:
            throw http::HttpError(404, "no_upload", refusal.what());
        case Reason::ChunkOutOfRange:
            throw http::HttpError(400, "invalid_chunk_index", refusal.what());
        case Reason::ChunkLength:
            throw http::HttpError(400, "invalid_chunk_length", refusal.what());
        case Reason::HashMismatch:
            throw http::HttpError(422, "sha256_mismatch", refusal.what());
        case Reason::TypeMismatch:
            throw http::HttpError(422, "type_mismatch", refusal.what());
        case Reason::Conflict:
            throw http::HttpError(409, "declaration_conflict", refusal.what());
    }
    throw http::HttpError(400, "invalid_attachment", refusal.what());
}

}  // namespace

void registerAttachmentRoutes(http::Router& router, std::shared_ptr<at::AttachmentStore> store) {
    router.add(http::Method::Put, "/api/v1/attachments/{sha256}",
               http::RouteAccess::workstation("attachment.upload", workstationOffice),
               [store](http::Request& request) {
                   const auto content = declarationOf(request);
                   try {
                       return statusResponse(store->open(content, uploaderOf(request)));
                   } catch (const at::AttachmentRefused& refusal) {
                       refuse(refusal);
                   }
               });
    router.add(http::Method::Put, "/api/v1/attachments/{sha256}/chunks/{index}",
               http::RouteAccess::workstation("attachment.upload", workstationOffice),
               [store](http::Request& request) {
                   const auto sha = shaParameter(request);
                   const auto index = chunkIndexOf(request);
                   requireOctetStream(request);
                   try {
                       return statusResponse(
                           store->putChunk(sha, uploaderOf(request), index, request.body));
                   } catch (const at::AttachmentRefused& refusal) {
                       refuse(refusal);
                   }
               });
    router.add(http::Method::Get, "/api/v1/attachments/{sha256}",
               http::RouteAccess::workstation("attachment.read", workstationOffice),
               [store](http::Request& request) {
                   const auto status = store->status(shaParameter(request), uploaderOf(request));
                   if (!status) {
                       throw http::HttpError(404, "no_upload",
                                             "the server holds no such content and this office "
                                             "has no upload of it open");
                   }
                   return statusResponse(*status);
               });
}

}  // namespace kep::server::api
