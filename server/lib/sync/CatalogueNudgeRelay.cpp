#include "sync/CatalogueNudgeRelay.h"

#include "sync/SyncBuckets.h"

#include <boost/json.hpp>

namespace kep::server::sync {

std::shared_ptr<CatalogueNudgeRelay> CatalogueNudgeRelay::attach(events::EventHub& events,
                                                                 NudgeHub& nudges) {
    auto relay = std::make_shared<CatalogueNudgeRelay>(nudges);
    events.join(relay);
    return relay;
}

void CatalogueNudgeRelay::send(std::string message) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(message, ec);
    if (ec || !value.is_object()) {
        return;
    }
    const auto& object = value.get_object();
    const auto* type = object.if_contains("type");
    const auto* seq = object.if_contains("seq");
    if (!type || !type->is_string() || type->get_string() != "catalogue" || !seq ||
        !seq->is_int64()) {
        return;
    }
    nudges_.publish(kep::sync::Nudge{kep::sync::kProtocolVersion, std::string(kCatalogueBucket),
                                     seq->get_int64()});
}

}  // namespace kep::server::sync
