// The two online channels of issue 7, gov.gr and EU-GO: the code a case records, the language
// their applicants are answered in, and which API-key role stands for which channel.
#pragma once

#include "auth/Principal.h"
#include "shared/cases/Actor.h"
#include "shared/catalogue/LocalizedText.h"

#include <optional>
#include <string_view>

namespace kep::server::intake {

enum class IntakeChannel { GovGr, EuGo };

// "govgr" / "eugo": the case's `channel` field (shared/cases/CaseFields.h) and the SQL code.
std::string_view channelCode(IntakeChannel channel);
std::optional<IntakeChannel> channelFromCode(std::string_view code);

// EU-GO serves citizens of other member states: its cases and answers are in English.
kep::catalogue::Language channelLanguage(IntakeChannel channel);

// The channel a key of this role files for (gov_channel → gov.gr, eu_go_channel → EU-GO).
std::optional<IntakeChannel> channelOfRole(auth::Role role);
// The api_keys kind of the channel's keys ("gov_channel", "eu_go_channel").
std::string_view apiKeyKindOf(IntakeChannel channel);

// Who the case's history and audit name for an application of this channel.
kep::cases::Actor channelActor(IntakeChannel channel);

}  // namespace kep::server::intake
