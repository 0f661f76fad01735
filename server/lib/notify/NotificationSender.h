// The seam between the outbox and whatever carries a message to the citizen: the government
// notification service's webhook in production, a file in tests and the demo.
#pragma once

#include "notify/NotificationMessage.h"

#include <string>

namespace kep::server::notify {

struct SendResult {
    enum class Outcome {
        Sent,       // taken by the carrier: the outbox records it as sent
        Retry,      // a fault that may pass (a 5xx, a time-out, the network): tried again later
        Permanent,  // refused for good (a 4xx): failed at once, kept for support
    };
    Outcome outcome = Outcome::Retry;
    // For the log and the outbox's last_error: a status or a network step ("HTTP 503"), never
    // the message's contact or text.
    std::string detail;
};

// Called from the delivery job's thread only. send() may throw: the delivery counts it as a
// fault that may pass.
class NotificationSender {
public:
    virtual ~NotificationSender() = default;
    virtual SendResult send(const NotificationMessage& message) = 0;
};

}  // namespace kep::server::notify
