// How an application reached the KEP (shared/cases/CaseFields.h, "channel"): the values the desk
// stores in kase.channel, files with, and filters the queues and the search by.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kep::desk::cases {

enum class CaseChannel {
    Counter,  // filed at the KEP's counter
    Remote,   // filed at a myKEPlive video call (procedures offered remotely only)
    GovGr,    // applied online through gov.gr
    EuGo,     // applied online through the EU-GO portal
};

inline constexpr std::array kAllChannels{CaseChannel::Counter, CaseChannel::Remote,
                                         CaseChannel::GovGr, CaseChannel::EuGo};

std::string_view toString(CaseChannel channel);
std::optional<CaseChannel> caseChannelFromString(std::string_view text);
// A pulled or stored value: an unknown or absent channel reads as the counter, as on every case
// filed before channels existed.
CaseChannel channelOrCounter(std::string_view text);

}  // namespace kep::desk::cases
