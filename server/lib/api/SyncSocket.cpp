#include "api/SyncSocket.h"

#include "sync/SyncBuckets.h"

namespace kep::server::api {

std::vector<std::string> SyncSocket::onOpen(const http::Request& upgrade,
                                            const std::shared_ptr<http::WebSocketPeer>& peer) {
    // The gate admitted a workstation, so the caller and its office are known.
    const auto& caller = *upgrade.caller;
    hub_.join(peer, caller.deviceId, sync::readableBuckets(caller.workstation.officeCode));
    return {};
}

std::optional<std::string> SyncSocket::onText(std::string_view) {
    return std::nullopt;
}

void SyncSocket::onClose(const http::WebSocketPeer& peer) {
    hub_.leave(peer);
}

}  // namespace kep::server::api
