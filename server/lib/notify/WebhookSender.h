// The production sender: an HTTPS POST of each message as JSON (messageJson()) to the government
// notification service, with its bearer token and the message id as idempotency key.
#pragma once

#include "notify/NotificationSender.h"

#include <chrono>
#include <memory>
#include <string>

namespace kep::net {
class HttpsClient;
}

namespace kep::server::notify {

struct WebhookSettings {
    std::string url;     // "https://host[:port]/path"
    std::string token;   // sent as "Authorization: Bearer <token>"
    std::string caFile;  // the PEM bundle the service's certificate must chain to
    std::chrono::milliseconds timeout{std::chrono::seconds{10}};  // per connection step
};

// Outcomes: 2xx sent; 408 and 429 (the service asks to come back) and 5xx retried, like a
// network failure or a time-out; any other status (4xx: the request is wrong and would be
// refused again) is permanent. The message id goes as the Idempotency-Key header and in the
// body, so that the service can drop the copy a crash between its answer and our record of it
// makes us send again. Throws std::invalid_argument for a URL that is not https (constructor).
class WebhookSender : public NotificationSender {
public:
    explicit WebhookSender(WebhookSettings settings);
    ~WebhookSender() override;

    SendResult send(const NotificationMessage& message) override;

private:
    WebhookSettings settings_;
    std::string target_;  // the URL's path and query, "/" when it has none
    std::unique_ptr<kep::net::HttpsClient> client_;
};

// The webhook's answer to a status code, as the class comment says.
SendResult::Outcome outcomeOfStatus(int status);

}  // namespace kep::server::notify
