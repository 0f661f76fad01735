#include "events/PgNudgeChannel.h"

#include "shared/domain/Uuid.h"

#include <boost/json.hpp>

#include <chrono>

namespace kep::server::events {

namespace {

namespace pg = kep::server::pg;
namespace json = boost::json;

// How long a listen waits before it looks at the stop flag, and before it connects again after
// losing its connection. A nudge is a hint (desks pull every minute anyway): none is retried.
constexpr std::chrono::milliseconds kListenSlice{250};
constexpr std::chrono::seconds kReconnectDelay{1};

}  // namespace

PgNudgeChannel::PgNudgeChannel(const std::string& location, sync::NudgeHub& hub)
    : location_(location)
    , hub_(hub)
    , process_(kep::domain::UuidV7Generator().next().toString())
    , sender_(pg::Connection::open(location)) {
    auto first = pg::Connection::open(location);
    first.listen(kChannel);
    listener_ = std::thread([this, connection = std::move(first)]() mutable {
        std::optional<pg::Connection> listening(std::move(connection));
        while (!stopping_) {
            try {
                if (!listening) {
                    listening.emplace(pg::Connection::open(location_));
                    listening->listen(kChannel);
                }
                for (const auto& note : listening->waitForNotifications(kListenSlice)) {
                    const auto message = json::parse(note.payload).as_object();
                    if (json::value_to<std::string>(message.at("process")) == process_) {
                        continue;
                    }
                    kep::sync::Nudge nudge;
                    nudge.protocol = static_cast<int>(message.at("protocol").to_number<int>());
                    nudge.bucket = json::value_to<std::string>(message.at("bucket"));
                    nudge.upTo = message.at("up_to").to_number<std::int64_t>();
                    hub_.deliver(nudge, json::value_to<std::string>(message.at("origin")));
                    ++received_;
                }
            } catch (const pg::PgError&) {
                listening.reset();
                std::this_thread::sleep_for(kReconnectDelay);
            } catch (const std::exception&) {
                // A payload that is not one of ours on our channel: skipped.
            }
        }
    });
    hub_.setForwarder(
        [this](const kep::sync::Nudge& nudge, std::string_view origin) { send(nudge, origin); });
}

PgNudgeChannel::~PgNudgeChannel() {
    hub_.setForwarder({});
    stopping_ = true;
    listener_.join();
}

void PgNudgeChannel::send(const kep::sync::Nudge& nudge, std::string_view originDevice) {
    const auto payload = json::serialize(json::object{{"process", process_},
                                                      {"protocol", nudge.protocol},
                                                      {"bucket", nudge.bucket},
                                                      {"up_to", nudge.upTo},
                                                      {"origin", originDevice}});
    std::lock_guard lock(senderMutex_);
    try {
        sender_.notify(kChannel, payload);
        ++sent_;
    } catch (const pg::PgError&) {
        // The other processes' desks hear of it at their next poll; the next send reconnects.
        try {
            sender_ = pg::Connection::open(location_);
        } catch (const pg::PgError&) {
        }
    }
}

}  // namespace kep::server::events
