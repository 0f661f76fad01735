// libFuzzer target: the sync protocol's decoders (push, pull, their responses, the nudge) on
// hostile bytes — each must refuse with ProtocolError or give a message that encodes back to
// itself.
#include "FuzzCheck.h"

#include "shared/sync/SyncProtocol.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace {

using kep::fuzz::expect;

// Smaller than the defaults, so that the fuzzer reaches the limits' edges with short inputs.
kep::sync::ProtocolLimits tightLimits() {
    kep::sync::ProtocolLimits limits;
    limits.maxMessageBytes = 4096;
    limits.maxOpsPerPush = 4;
    limits.maxChangesPerPull = 4;
    limits.maxFields = 4;
    limits.maxFieldNameBytes = 16;
    limits.maxFieldValueBytes = 64;
    limits.maxIdBytes = 40;
    limits.maxBucketBytes = 24;
    limits.maxReasonBytes = 64;
    limits.maxDepth = 4;
    return limits;
}

// A decoded message re-encodes to text that decodes to the same message: nothing the decoder
// accepts is lost or altered on the way back out (the server echoes results, the desk resends).
template <typename Message, typename Decode>
void roundTrip(std::string_view json, const kep::sync::ProtocolLimits& limits, Decode decode) {
    std::optional<Message> message;
    try {
        message = decode(json, limits);
    } catch (const kep::sync::ProtocolError& refused) {
        expect(*refused.what() != '\0', "a refusal says why");
        return;
    }
    const auto encoded = kep::sync::encode(*message);
    const auto again = decode(encoded, kep::sync::ProtocolLimits{});
    expect(again == *message, "a decoded message encodes back to itself");
}

void decodeAll(std::string_view json, const kep::sync::ProtocolLimits& limits) {
    roundTrip<kep::sync::PushRequest>(json, limits, [](auto text, const auto& l) {
        return kep::sync::decodePushRequest(text, l);
    });
    roundTrip<kep::sync::PushResponse>(json, limits, [](auto text, const auto& l) {
        return kep::sync::decodePushResponse(text, l);
    });
    roundTrip<kep::sync::PullRequest>(json, limits, [](auto text, const auto& l) {
        return kep::sync::decodePullRequest(text, l);
    });
    roundTrip<kep::sync::PullResponse>(json, limits, [](auto text, const auto& l) {
        return kep::sync::decodePullResponse(text, l);
    });
    roundTrip<kep::sync::Nudge>(
        json, limits, [](auto text, const auto& l) { return kep::sync::decodeNudge(text, l); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    static const kep::sync::ProtocolLimits defaults;
    static const auto tight = tightLimits();
    decodeAll(json, defaults);
    decodeAll(json, tight);
    (void)kep::sync::isValidBucketName(json);
    return 0;
}
