#include "notify/NotificationMessage.h"

#include "notify/SmsText.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace kep::server::notify {

std::string_view toString(Channel channel) {
    return channel == Channel::Sms ? "sms" : "email";
}

std::optional<Channel> channelFromString(std::string_view code) {
    if (code == "sms") {
        return Channel::Sms;
    }
    if (code == "email") {
        return Channel::Email;
    }
    return std::nullopt;
}

std::string messageJson(const NotificationMessage& message) {
    boost::json::object json{{"id", message.id},
                             {"channel", toString(message.channel)},
                             {"to", message.recipient},
                             {"language", toString(message.language)},
                             {"notice", toString(message.notice)},
                             {"protocol_number", message.protocolNumber}};
    if (message.channel == Channel::Email) {
        json["subject"] = message.subject;
        json["body"] = message.body;
    } else {
        boost::json::array parts;
        for (auto& part : splitSms(message.body)) {
            parts.emplace_back(part);
        }
        json["text"] = message.body;
        json["encoding"] = toString(smsEncodingOf(message.body));
        json["parts"] = std::move(parts);
    }
    return boost::json::serialize(json);
}

}  // namespace kep::server::notify
