// Pushes of new cases as a desk sends them, for the PostgreSQL sync tests: one create op a case,
// the device's sequences following on from the last one it pushed.
#pragma once

#include <cstdint>
#include <string>

#include "shared/domain/Uuid.h"
#include "shared/sync/SyncMessages.h"

namespace kep::test {

inline constexpr std::int64_t kFilingClock = 1'750'000'000'000;

// A desk's push of `ops` new cases into `bucket` by `clerkId`, its sequences following `lastSeq`.
inline kep::sync::PushRequest filing(const std::string& device, std::int64_t lastSeq, int ops,
                                     kep::domain::UuidV7Generator& ids,
                                     const std::string& bucket = "office:0101",
                                     const std::string& clerkId = "u-clerk-1") {
    kep::sync::PushRequest request{kep::sync::kProtocolVersion, device, {}};
    for (int i = 0; i < ops; ++i) {
        kep::sync::OutboxOp op;
        op.opId = ids.next();
        op.deviceId = device;
        op.deviceSeq = lastSeq + i + 1;
        op.hlc = {kFilingClock + op.deviceSeq, 0};
        op.kind = kep::sync::OpKind::Create;
        op.entity = {"case", ids.next().toString()};
        op.bucket = bucket;
        op.actor = {clerkId, kep::cases::ActorRole::Clerk};
        op.fields = {{"status", "submitted"}, {"procedure_id", "mitos-300100"}};
        request.ops.push_back(std::move(op));
    }
    return request;
}

}  // namespace kep::test
