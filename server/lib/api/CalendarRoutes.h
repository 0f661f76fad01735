// POST /api/v1/calendar/due-date: the deadline of a procedure, N working days from a date, on
// the Greek working calendar (with an office's local holidays when one is named). Public.
#pragma once

#include "http/Router.h"
#include "shared/domain/WorkingCalendar.h"

#include <memory>

namespace kep::server::api {

inline constexpr int kMaxDueDateWorkingDays = 3650;

void registerCalendarRoutes(http::Router& router,
                            std::shared_ptr<const kep::domain::WorkingCalendar> calendar);

}  // namespace kep::server::api
