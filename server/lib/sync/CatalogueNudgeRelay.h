// Carries the catalogue's publication nudges (events::CatalogueWatch, on the /api/v1/events hub)
// to the sync WebSocket as nudges for the `catalogue` bucket, so a desk needs one channel only.
#pragma once

#include "events/EventHub.h"
#include "http/WebSocketEndpoint.h"
#include "sync/NudgeHub.h"

#include <memory>

namespace kep::server::sync {

// Joins the event hub as if it were one more desk; each {"type":"catalogue","seq":N} it hears
// becomes Nudge{"catalogue", N} on the sync hub. Other messages are not for it.
class CatalogueNudgeRelay final : public http::WebSocketPeer {
public:
    // Creates the relay and joins `events`; the hub holds it weakly, so keep the pointer.
    static std::shared_ptr<CatalogueNudgeRelay> attach(events::EventHub& events, NudgeHub& nudges);

    explicit CatalogueNudgeRelay(NudgeHub& nudges) : nudges_(nudges) {}
    void send(std::string message) override;

private:
    NudgeHub& nudges_;
};

}  // namespace kep::server::sync
