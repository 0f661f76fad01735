#include "registry/HttpRegistryConnector.h"

#include "attachments/AttachmentRules.h"
#include "registry/RegistryWire.h"

namespace kep::server::registry {

namespace {

// A PDF at the attachment limit, in a body with room for headers' worth of slack.
constexpr std::uint64_t kBodyLimit = attachments::kMaxAttachmentBytes + 64 * 1024;

kep::net::TlsOptions trustOf(const RegistrySettings& settings) {
    kep::net::TlsOptions tls;
    tls.caFile = settings.caFile;  // serverName stays default: the URL's host is checked
    return tls;
}

}  // namespace

HttpRegistryConnector::HttpRegistryConnector(const RegistrySettings& settings)
    : target_(targetOfUrl(settings.url))
    , client_(std::make_unique<kep::net::HttpsClient>(kep::net::Endpoint::fromUrl(settings.url),
                                                      trustOf(settings), settings.timeout)) {
    client_->setBodyLimit(kBodyLimit);
}

RegistryAnswer HttpRegistryConnector::request(const DocumentRequest& request) {
    try {
        // A POST that may have reached the gateway is not resent by the client; the next
        // attempt carries the same Idempotency-Key, so the registry can answer it as the first.
        const kep::net::Response response = client_->request(
            "POST", target_, requestBody(request), "application/json",
            {{"Idempotency-Key", request.requestId}, {"Accept", "application/pdf"}});
        return readAnswer(response.status, response.header("Content-Type").value_or(""),
                          response.body);
    } catch (const kep::net::NetworkError& error) {
        // Names the step and the endpoint, never a body (HttpsClient.h).
        return RegistryUnavailable{error.what()};
    }
}

}  // namespace kep::server::registry
