// What a citizen is told to expect next for each status of their case, in Greek or English: the
// online application's answer and the public status look-up say it, and nothing more.
#pragma once

#include "shared/cases/CaseStatus.h"
#include "shared/catalogue/LocalizedText.h"

#include <string_view>

namespace kep::server::intake {

// A sentence or two, no personal data; draft (never seen by a citizen) reads as submitted.
std::string_view nextStep(kep::cases::CaseStatus status, kep::catalogue::Language language);

}  // namespace kep::server::intake
