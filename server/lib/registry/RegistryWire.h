// The registry gateway's HTTP contract (documented in docs/api.md, "Registry connector"): the
// JSON a document request is posted as, and how an answer is read — apart from the socket work,
// so that both are tested without a network.
#pragma once

#include "registry/RegistryConnector.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kep::server::registry {

// A refusal's reason is kept to this many characters (it goes into the case for the clerk).
inline constexpr std::size_t kMaxRefusalReasonChars = 500;

// {"request_id","case_id","protocol_number","issuer_id","evidence":{"id","type"},
//  "citizen":{"afm","amka"}} — an identifier the case lacks is left out.
std::string requestBody(const DocumentRequest& request);

// The answer to one POST: 200 with an application/pdf body is the document; 422 with
// {"refusal":{"code","reason"}} is a refusal; anything else (another status, a 200 that is not a
// PDF, a malformed refusal) is RegistryUnavailable, to be asked again.
RegistryAnswer readAnswer(int status, std::string_view contentType, std::string body);

// The request target of a gateway URL: its path and query ("/" when it has none). Throws
// std::invalid_argument for a URL that Endpoint::fromUrl refuses.
std::string targetOfUrl(const std::string& url);

}  // namespace kep::server::registry
