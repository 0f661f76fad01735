#include "api/ContentResponse.h"

#include "http/HttpError.h"
#include "platform/Files.h"

namespace kep::server::api {

http::Response contentResponse(attachments::AttachmentStore& files, std::string_view sha256,
                               std::string_view mediaType) {
    const auto path = files.contentPath(sha256);
    if (!path) {
        throw http::HttpError(404, "not_found", "the server holds no such document");
    }
    http::Response response;
    response.contentType = attachments::attachmentTypeOfMedia(mediaType)
                               ? std::string(mediaType)
                               : std::string("application/octet-stream");
    response.body = platform::readFile(*path);
    // The bytes are what their address says: a client may keep them as long as it likes.
    response.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
    return response;
}

}  // namespace kep::server::api
