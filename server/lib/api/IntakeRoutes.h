// POST /api/v1/intake: applications filed online through gov.gr and EU-GO, by the channel's API
// key (policy action channel.submit) and an Idempotency-Key, into the chosen office's queue.
#pragma once

#include "http/Router.h"
#include "intake/IntakeService.h"

#include <memory>

namespace kep::server::api {

// Largest application body: a few KiB of names and codes; anything bigger is not one.
inline constexpr std::size_t kMaxIntakeBodyBytes = 16 * 1024;

void registerIntakeRoutes(http::Router& router, std::shared_ptr<intake::IntakeService> intake);

}  // namespace kep::server::api
