#include "api/PublicRoutes.h"

#include "api/CalendarRoutes.h"
#include "api/EventsEndpoint.h"
#include "api/HealthRoutes.h"

#include <memory>

namespace kep::server::api {

void registerPublicRoutes(http::Router& router, storage::ServerStore& store) {
    registerHealthRoutes(router, store);
    registerCalendarRoutes(router, std::make_shared<const kep::domain::WorkingCalendar>());
    router.addWebSocket("/api/v1/events", std::make_shared<EventsEndpoint>());
}

}  // namespace kep::server::api
