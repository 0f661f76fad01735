// The sync protocol's wire form: JSON encoding and strict, bounded decoding of the messages in
// SyncMessages.h, shared by the server's routes, the desk's transport and kep-loadgen.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "shared/sync/SyncMessages.h"

namespace kep::sync {

// Bounds on what a decoder accepts, so that a hostile or broken peer cannot make either side use
// unbounded memory. The defaults fit a desk that was offline for a week (pushed in batches).
struct ProtocolLimits {
    std::size_t maxMessageBytes = std::size_t{32} << 20;
    std::size_t maxOpsPerPush = 1000;
    std::size_t maxAuditEntriesPerPush = 1000;
    std::size_t maxChangesPerPull = 5000;
    std::size_t maxFields = 256;  // per op or change
    std::size_t maxFieldNameBytes = 64;
    std::size_t maxFieldValueBytes = std::size_t{64} << 10;
    std::size_t maxIdBytes = 128;  // device, entity and actor ids
    std::size_t maxBucketBytes = 64;
    std::size_t maxReasonBytes = 4000;  // above the lifecycle's own limit: it refuses with a reason
    unsigned maxDepth = 16;             // JSON nesting
};

// A message that is not valid JSON, not of this protocol, or outside the limits. what() names
// the offending member by path ("push request: ops[3].deviceSeq: must be at least 1") and never
// quotes field values, which may hold personal data.
class ProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string encode(const PushRequest& message);
std::string encode(const PushResponse& message);
std::string encode(const PullRequest& message);
std::string encode(const PullResponse& message);
std::string encode(const Nudge& message);

// Each throws ProtocolError. Besides the types and bounds they check what a receiver relies on:
// a protocol version in [kOldestAcceptedProtocolVersion, kProtocolVersion]; every op of a push
// from the request's device, in strictly ascending deviceSeq; every audit entry of a push well
// formed (audit::problemWith(), named by index and member: "audit[2]: actorId: …"); changes in
// strictly ascending seq, none above the response's cursor; a duplicate result names its original
// outcome.
PushRequest decodePushRequest(std::string_view json, const ProtocolLimits& limits = {});
PushResponse decodePushResponse(std::string_view json, const ProtocolLimits& limits = {});
PullRequest decodePullRequest(std::string_view json, const ProtocolLimits& limits = {});
PullResponse decodePullResponse(std::string_view json, const ProtocolLimits& limits = {});
Nudge decodeNudge(std::string_view json, const ProtocolLimits& limits = {});

// The syntax of a bucket name: a lower-case kind, optionally ":" and an id of letters, digits,
// '-' or '_' ("office:0101", "catalogue"). Whether a caller may use it is the server's policy.
bool isValidBucketName(std::string_view bucket, std::size_t maxBytes = 64);

}  // namespace kep::sync
