#include "api/PublicRoutes.h"

#include "api/CalendarRoutes.h"
#include "api/EventsEndpoint.h"
#include "api/HealthRoutes.h"

#include <memory>

namespace kep::server::api {

void registerPublicRoutes(http::Router& router, storage::ServerStore& store,
                          std::shared_ptr<events::EventHub> hub) {
    registerHealthRoutes(router, store);
    registerCalendarRoutes(router, std::make_shared<const kep::domain::WorkingCalendar>());
    // Nudges name only change sequences, but they are for desks: an enrolled, unrevoked
    // workstation (no session, so the catalogue still updates before anyone signs in).
    router.addWebSocket("/api/v1/events", http::RouteAccess::workstation("events.subscribe"),
                        std::make_shared<EventsEndpoint>(std::move(hub)));
}

}  // namespace kep::server::api
