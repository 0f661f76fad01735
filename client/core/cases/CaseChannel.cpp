#include "cases/CaseChannel.h"

namespace kep::desk::cases {

std::string_view toString(CaseChannel channel) {
    switch (channel) {
        case CaseChannel::Counter:
            return "counter";
        case CaseChannel::Remote:
            return "remote";
        case CaseChannel::GovGr:
            return "govgr";
        case CaseChannel::EuGo:
            return "eugo";
    }
    return "counter";
}

std::optional<CaseChannel> caseChannelFromString(std::string_view text) {
    for (const CaseChannel channel : kAllChannels) {
        if (toString(channel) == text) {
            return channel;
        }
    }
    return std::nullopt;
}

CaseChannel channelOrCounter(std::string_view text) {
    return caseChannelFromString(text).value_or(CaseChannel::Counter);
}

}  // namespace kep::desk::cases
