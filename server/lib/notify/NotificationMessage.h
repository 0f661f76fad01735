// One message to a citizen as the outbox holds it and the senders deliver it, and the JSON shape
// both senders write (the webhook's request body, the file sender's line).
#pragma once

#include "notify/MessageTemplates.h"
#include "notify/StatusNotice.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::notify {

enum class Channel { Email, Sms };

std::string_view toString(Channel channel);  // "email" / "sms"
std::optional<Channel> channelFromString(std::string_view code);

struct NotificationMessage {
    std::string id;  // UUIDv7, given by the outbox: the receiver's idempotency key
    std::string caseId;
    std::int64_t changeSeq = 0;
    StatusNotice notice = StatusNotice::Filed;
    Channel channel = Channel::Email;
    Language language = Language::Greek;
    std::string protocolNumber;
    std::string recipient;  // e-mail address or E.164 number
    std::string subject;    // e-mail only
    std::string body;
    int attempts = 0;  // attempts made before this one
};

// {"id","channel","to","language","notice","protocol_number", then for an e-mail "subject" and
// "body", for an SMS "text", "encoding" ("gsm7"|"ucs2") and "parts" (SmsText.h's split)}.
std::string messageJson(const NotificationMessage& message);

}  // namespace kep::server::notify
