#include "sync/SyncStoreRows.h"

#include <openssl/sha.h>

#include <stdexcept>

#include "shared/cases/CaseFields.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/SyncServerCore.h"

namespace kep::server::sync {

using kep::sync::OpOutcome;

int outcomeCode(OpOutcome outcome) {
    switch (outcome) {
        case OpOutcome::Applied:
            return 0;
        case OpOutcome::Rejected:
            return 2;
        case OpOutcome::Conflict:
            return 3;
        case OpOutcome::Duplicate:
        case OpOutcome::Deferred:
            break;
    }
    throw std::invalid_argument("sync store: only applied, rejected and conflict are stored");
}

OpOutcome outcomeFromCode(std::int64_t code) {
    switch (code) {
        case 0:
            return OpOutcome::Applied;
        case 2:
            return OpOutcome::Rejected;
        case 3:
            return OpOutcome::Conflict;
        default:
            throw std::runtime_error("sync store: unknown outcome code in sync_result");
    }
}

namespace {

void appendPart(std::string& record, std::string_view part) {
    record += std::to_string(part.size());
    record += ':';
    record += part;
}

void appendPart(std::string& record, std::int64_t number) {
    appendPart(record, std::to_string(number));
}

// The format's name is the one the rows were first written with (before SQLite's migration 0018
// renamed the table), so that old and new digests are of one format.
constexpr std::string_view kRecordFormat = "kep.sync.leaf.v1";

std::optional<std::string> fieldValue(const kep::sync::EntityRow& row, std::string_view name) {
    const auto it = row.fields.find(std::string{name});
    if (it == row.fields.end() || it->second.value.empty()) {
        return std::nullopt;
    }
    return it->second.value;
}

// The statuses in which a case is (or has been) in the competent authority's hands.
bool hasReachedAuthority(std::string_view status) {
    using kep::cases::CaseStatus;
    const auto parsed = kep::cases::caseStatusFromString(status);
    return parsed == CaseStatus::Forwarded || parsed == CaseStatus::InProgress ||
           parsed == CaseStatus::AwaitingDocuments || parsed == CaseStatus::Completed ||
           parsed == CaseStatus::ReadyForPickup || parsed == CaseStatus::Delivered;
}

}  // namespace

void ResultRecord::addChange(std::int64_t seq, const std::string& bucket,
                             const kep::sync::Change& change, std::string_view storedFields) {
    appendPart(changes_, seq);
    appendPart(changes_, bucket);
    appendPart(changes_, change.entity.type);
    appendPart(changes_, change.entity.id);
    appendPart(changes_, change.version);
    appendPart(changes_, change.deleted ? 1 : 0);
    appendPart(changes_, storedFields);
    if (firstSeq_ == 0) {
        firstSeq_ = seq;
    }
    lastSeq_ = seq;
}

std::array<std::uint8_t, 32> ResultRecord::finish(std::string_view deviceId, std::int64_t deviceSeq,
                                                  const kep::sync::StoredResult& result) {
    std::string record;
    record.reserve(128 + changes_.size());
    appendPart(record, kRecordFormat);
    appendPart(record, deviceId);
    appendPart(record, deviceSeq);
    appendPart(record, result.opId.toString());
    appendPart(record, outcomeCode(result.outcome));
    appendPart(record, result.serverVersion ? std::to_string(*result.serverVersion) : "");
    appendPart(record, result.reason);
    record += changes_;
    std::array<std::uint8_t, 32> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(record.data()), record.size(), digest.data());
    clear();
    return digest;
}

void ResultRecord::clear() {
    changes_.clear();
    firstSeq_ = lastSeq_ = 0;
}

EntityColumns entityColumns(const kep::sync::EntityRow& row) {
    EntityColumns columns;
    if (row.ref.type != kep::sync::kCaseType) {
        return columns;
    }
    columns.status = fieldValue(row, kep::sync::case_fields::kStatus);
    columns.protocolNumber = fieldValue(row, kep::cases::fields::kProtocolNumber);
    if (columns.status && hasReachedAuthority(*columns.status)) {
        columns.authorityId = fieldValue(row, kep::cases::fields::kAuthorityId);
    }
    columns.keepAuthority =
        !columns.authorityId && (columns.status == "rejected" || columns.status == "withdrawn");
    return columns;
}

}  // namespace kep::server::sync
