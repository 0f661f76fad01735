#include "shared/sync/SyncMessages.h"

#include <array>
#include <utility>

namespace kep::sync {

namespace {

constexpr std::array<std::pair<OpKind, std::string_view>, 3> kKinds{{
    {OpKind::Create, "create"},
    {OpKind::SetFields, "set_fields"},
    {OpKind::Transition, "transition"},
}};

constexpr std::array<std::pair<OpOutcome, std::string_view>, 5> kOutcomes{{
    {OpOutcome::Applied, "applied"},
    {OpOutcome::Duplicate, "duplicate"},
    {OpOutcome::Rejected, "rejected"},
    {OpOutcome::Conflict, "conflict"},
    {OpOutcome::Deferred, "deferred"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e) {
            return name;
        }
    }
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
    for (const auto& [value, name] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace

bool operator==(const OutboxOp& a, const OutboxOp& b) {
    return a.opId == b.opId && a.deviceId == b.deviceId && a.deviceSeq == b.deviceSeq &&
           a.hlc == b.hlc && a.baseVersion == b.baseVersion && a.kind == b.kind &&
           a.entity == b.entity && a.bucket == b.bucket && a.actor.id == b.actor.id &&
           a.actor.role == b.actor.role && a.fields == b.fields && a.toStatus == b.toStatus &&
           a.reason == b.reason;
}

std::string_view toString(OpKind kind) {
    return nameOf(kKinds, kind);
}

std::optional<OpKind> opKindFromString(std::string_view text) {
    return valueOf(kKinds, text);
}

std::string_view toString(OpOutcome outcome) {
    return nameOf(kOutcomes, outcome);
}

std::optional<OpOutcome> opOutcomeFromString(std::string_view text) {
    return valueOf(kOutcomes, text);
}

}  // namespace kep::sync
