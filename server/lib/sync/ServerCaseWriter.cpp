#include "sync/ServerCaseWriter.h"

#include <limits>

namespace kep::server::sync {

namespace {

std::string bucketOf(const std::string& officeCode) {
    return "office:" + officeCode;
}

}  // namespace

std::string CaseWriteResult::code() const {
    return ok() ? std::string{} : reason.substr(0, reason.find(':'));
}

ServerCaseWriter::ServerCaseWriter(SyncService& service, std::string deviceId)
    : service_(service)
    , deviceId_(std::move(deviceId))
    , ops_(deviceId_, clock_, ids_) {}

template <typename MakeOp>
CaseWriteResult ServerCaseWriter::push(const std::string& officeCode,
                                       const kep::cases::Actor& actor, MakeOp makeOp) {
    std::lock_guard lock(mutex_);
    if (!lastSeq_) {
        lastSeq_ = service_.lastAppliedSeq(deviceId_);
    }
    kep::sync::OutboxOp op = makeOp(bucketOf(officeCode));
    op.deviceSeq = *lastSeq_ + 1;
    kep::sync::PushRequest request;
    request.protocol = kep::sync::kProtocolVersion;
    request.deviceId = deviceId_;
    request.ops.push_back(std::move(op));
    const PushPermissions permissions{bucketOf(officeCode), {actor.id}};
    // Throws when the store does: the sequence is then not consumed (the batch rolled back).
    const kep::sync::PushResponse response = service_.push(deviceId_, request, permissions);
    lastSeq_ = response.lastAppliedSeq;
    CaseWriteResult result;
    if (!response.results.empty()) {
        const kep::sync::OpResult& r = response.results.front();
        result.outcome = r.outcome;
        result.reason = r.reason;
        result.version = r.serverVersion.value_or(0);
    }
    return result;
}

CaseWriteResult ServerCaseWriter::create(const std::string& caseId, const std::string& officeCode,
                                         const kep::cases::Actor& actor,
                                         kep::sync::FieldMap fields) {
    return push(officeCode, actor, [&](std::string bucket) {
        return ops_.create({std::string{kep::sync::kCaseType}, caseId}, std::move(bucket), actor,
                           std::move(fields));
    });
}

CaseWriteResult ServerCaseWriter::setFields(const std::string& caseId,
                                            const std::string& officeCode,
                                            const kep::cases::Actor& actor,
                                            kep::sync::FieldMap fields) {
    return push(officeCode, actor, [&](std::string bucket) {
        // The server writes with everything before it seen: its value is the case's from now.
        return ops_.setFields({std::string{kep::sync::kCaseType}, caseId}, std::move(bucket), actor,
                              std::numeric_limits<std::int64_t>::max(), std::move(fields));
    });
}

CaseWriteResult ServerCaseWriter::transition(const std::string& caseId,
                                             const std::string& officeCode,
                                             const kep::cases::Actor& actor,
                                             kep::cases::CaseStatus to, std::string reason) {
    return push(officeCode, actor, [&](std::string bucket) {
        return ops_.transition({std::string{kep::sync::kCaseType}, caseId}, std::move(bucket),
                               actor, 0, to, std::move(reason));
    });
}

}  // namespace kep::server::sync
