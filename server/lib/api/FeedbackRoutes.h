// Procedure feedback routes (issue 8, must-have 6): a desk sends a clerk's flag on a catalogue
// entry (queued at the desk, sent again until answered); the central administration lists the
// flags per procedure and closes them with a note when the catalogue is fixed.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

// POST /api/v1/catalogue/procedures/{id}/feedback   workstation, catalogue.feedback (own office)
// GET  /api/v1/catalogue/feedback?state=&procedure=&limit=
//                                                   session, catalogue.feedback_review (national)
// POST /api/v1/catalogue/feedback/{flag}/close      session, catalogue.feedback_review (national)
// `store` must outlive the router's use.
void registerFeedbackRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
