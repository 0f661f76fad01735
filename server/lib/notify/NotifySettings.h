// How `kep-server serve` delivers citizens' notifications (--notify-… options): to a file, to
// the government notification service's webhook, or not at all (messages wait in the outbox).
#pragma once

#include "notify/RetryPolicy.h"

#include <string>

namespace kep::server::notify {

struct NotifySettings {
    std::string file;        // --notify-file PATH: FileSender
    std::string webhookUrl;  // --notify-webhook URL: WebhookSender
    std::string tokenFile;   // --notify-token-file PATH: the webhook's bearer token
    // --notify-ca-file PATH: what the service's certificate must chain to (the system's bundle
    // unless told otherwise: the service has a public certificate, unlike kep-server's own).
    std::string caFile = "/etc/ssl/certs/ca-certificates.crt";
    RetryPolicy retry;  // --notify-retry-ms (first delay), --notify-max-attempts

    bool hasSender() const { return !file.empty() || !webhookUrl.empty(); }
};

}  // namespace kep::server::notify
