#include "api/SyncSocket.h"

#include "api/SyncRoutes.h"
#include "sync/SyncBuckets.h"

namespace kep::server::api {

std::vector<std::string> SyncSocket::onOpen(const http::Request& upgrade,
                                            const std::shared_ptr<http::WebSocketPeer>& peer) {
    // The gate admitted a workstation, so the caller and its office are known.
    const auto& caller = *upgrade.caller;
    // The route checked the protocol parameter before the upgrade: it is an accepted version.
    hub_.join(peer, caller.deviceId, sync::readableBuckets(caller.workstation.officeCode),
              protocolParameter(upgrade));
    return {};
}

std::optional<std::string> SyncSocket::onText(std::string_view) {
    return std::nullopt;
}

void SyncSocket::onClose(const http::WebSocketPeer& peer) {
    hub_.leave(peer);
}

}  // namespace kep::server::api
