#include "shared/sync/OutboxOpFactory.h"

namespace kep::sync {

OutboxOpFactory::OutboxOpFactory(std::string deviceId, domain::HybridLogicalClock& clock,
                                 domain::UuidV7Generator& ids)
    : deviceId_(std::move(deviceId))
    , clock_(clock)
    , ids_(ids) {}

OutboxOp OutboxOpFactory::base(OpKind kind, EntityRef entity, std::string bucket,
                               cases::Actor actor, std::int64_t baseVersion) {
    OutboxOp op;
    op.opId = ids_.next();
    op.deviceId = deviceId_;
    op.hlc = clock_.now();
    op.baseVersion = baseVersion;
    op.kind = kind;
    op.entity = std::move(entity);
    op.bucket = std::move(bucket);
    op.actor = std::move(actor);
    return op;
}

OutboxOp OutboxOpFactory::create(EntityRef entity, std::string bucket, cases::Actor actor,
                                 FieldMap fields) {
    OutboxOp op = base(OpKind::Create, std::move(entity), std::move(bucket), std::move(actor), 0);
    op.fields = std::move(fields);
    return op;
}

OutboxOp OutboxOpFactory::setFields(EntityRef entity, std::string bucket, cases::Actor actor,
                                    std::int64_t baseVersion, FieldMap fields) {
    OutboxOp op = base(OpKind::SetFields, std::move(entity), std::move(bucket), std::move(actor),
                       baseVersion);
    op.fields = std::move(fields);
    return op;
}

OutboxOp OutboxOpFactory::transition(EntityRef entity, std::string bucket, cases::Actor actor,
                                     std::int64_t baseVersion, cases::CaseStatus to,
                                     std::string reason) {
    return transition(std::move(entity), std::move(bucket), std::move(actor), baseVersion,
                      cases::toString(to), std::move(reason));
}

OutboxOp OutboxOpFactory::transition(EntityRef entity, std::string bucket, cases::Actor actor,
                                     std::int64_t baseVersion, std::string_view toCode,
                                     std::string reason) {
    OutboxOp op = base(OpKind::Transition, std::move(entity), std::move(bucket), std::move(actor),
                       baseVersion);
    op.toStatus = std::string{toCode};
    op.reason = std::move(reason);
    return op;
}

}  // namespace kep::sync
