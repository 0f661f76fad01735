// The delivery step of the notifications: takes the messages that are due from the outbox, hands
// each to the sender, and records the outcome — sent, retried later, or failed.
#pragma once

#include "notify/NotificationOutbox.h"
#include "notify/NotificationSender.h"
#include "notify/RetryPolicy.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace kep::server::notify {

// What became of one attempt, for the log: identifiers and the sender's detail only.
struct DeliveryReport {
    std::string messageId;
    std::string caseId;
    Channel channel = Channel::Email;
    enum class Result { Sent, WillRetry, Failed } result = Result::Sent;
    int attempts = 0;  // including this one
    std::string detail;
};

// At least once, never lost. A message's row changes only after the sender returned: a crash
// before that leaves it queued and it is sent again; so does a crash in the moment between the
// sender's return and the record of it — the one case of a second copy, which the receiver can
// recognise by the message id (the webhook's Idempotency-Key). Nothing holds a database
// transaction while the sender works, so pushes never wait for the carrier.
// Not thread-safe: one delivery, on the job's thread, per outbox.
class NotificationDelivery {
public:
    using Random = std::function<std::uint64_t()>;  // the retry jitter's dice
    using Reporter = std::function<void(const DeliveryReport&)>;

    NotificationDelivery(NotificationOutbox& outbox, NotificationSender& sender, RetryPolicy policy,
                         Random random, Reporter report = {});

    struct Round {
        std::size_t tried = 0;
        std::size_t sent = 0;
    };
    // Tries the messages due now, at most `limit`, in order. A fault that may pass ends the
    // round: the carrier is likely down for the rest too, and an outage should cost one time-out
    // a round, not one per message, on the thread the other jobs share.
    Round deliverDue(int limit = 50);

private:
    NotificationOutbox& outbox_;
    NotificationSender& sender_;
    RetryPolicy policy_;
    Random random_;
    Reporter report_;
};

}  // namespace kep::server::notify
