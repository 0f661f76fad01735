#include "net/SyncNudgeChannel.h"

#include "shared/sync/SyncProtocol.h"

#include <algorithm>

namespace kep::net {

void SyncNudgeChannel::open(int protocol) {
    socket_.connect(std::string(kPath) + "?protocol=" + std::to_string(protocol));
}

std::optional<kep::sync::Nudge> SyncNudgeChannel::next(std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        auto message = socket_.receive(std::max(left, std::chrono::milliseconds(0)));
        if (!message) {
            return std::nullopt;
        }
        try {
            return kep::sync::decodeNudge(*message);
        } catch (const kep::sync::ProtocolError&) {
            // A newer server may say more than nudges; this desk acts on nudges only.
            ++skipped_;
        }
    }
}

}  // namespace kep::net
