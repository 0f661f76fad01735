// Serving a complete attachment's bytes (a case's document to its authority, a result to the
// KEP): one place that reads the stored file and answers it with its media type.
#pragma once

#include "attachments/AttachmentStore.h"
#include "http/HttpMessage.h"

#include <string_view>

namespace kep::server::api {

// 200 with the bytes of the complete content `sha256`, typed `mediaType` (application/pdf,
// image/jpeg, image/png; anything else is sent as application/octet-stream). Throws HttpError
// 404 not_found when the server holds no such content.
http::Response contentResponse(attachments::AttachmentStore& files, std::string_view sha256,
                               std::string_view mediaType);

}  // namespace kep::server::api
