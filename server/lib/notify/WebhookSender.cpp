#include "notify/WebhookSender.h"

#include "net/HttpsClient.h"

namespace kep::server::notify {

namespace {

// The request target of an absolute URL: everything from the first '/' after the authority.
std::string targetOf(const std::string& url) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return slash == std::string::npos ? std::string{"/"} : url.substr(slash);
}

}  // namespace

SendResult::Outcome outcomeOfStatus(int status) {
    if (status >= 200 && status < 300) {
        return SendResult::Outcome::Sent;
    }
    if (status == 408 || status == 429 || status >= 500) {
        return SendResult::Outcome::Retry;
    }
    return SendResult::Outcome::Permanent;
}

WebhookSender::WebhookSender(WebhookSettings settings)
    : settings_(std::move(settings))
    , target_(targetOf(settings_.url)) {
    kep::net::TlsOptions tls;
    tls.caFile = settings_.caFile;
    client_ = std::make_unique<kep::net::HttpsClient>(kep::net::Endpoint::fromUrl(settings_.url),
                                                      std::move(tls), settings_.timeout);
}

WebhookSender::~WebhookSender() = default;

SendResult WebhookSender::send(const NotificationMessage& message) {
    try {
        const auto response = client_->request(
            "POST", target_, messageJson(message), "application/json",
            {{"Authorization", "Bearer " + settings_.token}, {"Idempotency-Key", message.id}});
        return {outcomeOfStatus(response.status), "HTTP " + std::to_string(response.status)};
    } catch (const kep::net::NetworkError& error) {
        // Names the step and the endpoint, never the request.
        return {SendResult::Outcome::Retry, error.what()};
    }
}

}  // namespace kep::server::notify
