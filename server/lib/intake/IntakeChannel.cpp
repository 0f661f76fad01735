#include "intake/IntakeChannel.h"

#include <string>

namespace kep::server::intake {

std::string_view channelCode(IntakeChannel channel) {
    return channel == IntakeChannel::GovGr ? "govgr" : "eugo";
}

std::optional<IntakeChannel> channelFromCode(std::string_view code) {
    if (code == "govgr") {
        return IntakeChannel::GovGr;
    }
    if (code == "eugo") {
        return IntakeChannel::EuGo;
    }
    return std::nullopt;
}

kep::catalogue::Language channelLanguage(IntakeChannel channel) {
    return channel == IntakeChannel::EuGo ? kep::catalogue::Language::En
                                          : kep::catalogue::Language::El;
}

std::optional<IntakeChannel> channelOfRole(auth::Role role) {
    switch (role) {
        case auth::Role::GovChannel:
            return IntakeChannel::GovGr;
        case auth::Role::EuGoChannel:
            return IntakeChannel::EuGo;
        default:
            return std::nullopt;
    }
}

std::string_view apiKeyKindOf(IntakeChannel channel) {
    return channel == IntakeChannel::GovGr ? "gov_channel" : "eu_go_channel";
}

kep::cases::Actor channelActor(IntakeChannel channel) {
    // Both channels file as the lifecycle's GovChannel role; the id tells them apart.
    return {"channel:" + std::string(channelCode(channel)), kep::cases::ActorRole::GovChannel};
}

}  // namespace kep::server::intake
