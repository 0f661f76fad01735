#include "notify/NotificationDelivery.h"

#include <exception>

namespace kep::server::notify {

NotificationDelivery::NotificationDelivery(NotificationOutbox& outbox, NotificationSender& sender,
                                           RetryPolicy policy, Random random, Reporter report)
    : outbox_(outbox)
    , sender_(sender)
    , policy_(policy)
    , random_(std::move(random))
    , report_(std::move(report)) {}

NotificationDelivery::Round NotificationDelivery::deliverDue(int limit) {
    Round round;
    for (const NotificationMessage& message : outbox_.due(limit)) {
        ++round.tried;
        SendResult sent;
        try {
            sent = sender_.send(message);
        } catch (const std::exception& error) {
            sent = {SendResult::Outcome::Retry, std::string{"sender error: "} + error.what()};
        }
        DeliveryReport report{message.id,           message.caseId,
                              message.channel,      DeliveryReport::Result::Sent,
                              message.attempts + 1, sent.detail};
        if (sent.outcome == SendResult::Outcome::Sent) {
            outbox_.markSent(message.id);
            ++round.sent;
        } else if (const auto delay = sent.outcome == SendResult::Outcome::Retry
                                          ? policy_.delayAfter(report.attempts, random_())
                                          : std::nullopt) {
            outbox_.scheduleRetry(message.id, *delay, sent.detail);
            report.result = DeliveryReport::Result::WillRetry;
        } else {
            outbox_.markFailed(message.id, sent.detail);
            report.result = DeliveryReport::Result::Failed;
        }
        if (report_) {
            report_(report);
        }
        if (sent.outcome == SendResult::Outcome::Retry) {
            break;
        }
    }
    return round;
}

}  // namespace kep::server::notify
