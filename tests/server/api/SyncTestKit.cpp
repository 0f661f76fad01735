#include "SyncTestKit.h"

#include "shared/sync/SyncProtocol.h"

namespace kep::test {

namespace {

// A case's fields as a desk files them: a protocol number and synthetic, non-personal content.
kep::sync::FieldMap caseFields(const kep::sync::OutboxOp& op) {
    return {{"protocol_number", "TEST/" + op.opId.toString().substr(0, 8)},
            {"procedure_id", "test-procedure"},
            {"notes", "sync integration test"}};
}

}  // namespace

kep::sync::OutboxOp SyncDesk::newCase(const kep::cases::Actor& actor) {
    auto op = ops->create({"case", ids->next().toString()}, bucket(), actor, {});
    op.fields = caseFields(op);
    op.deviceSeq = nextSeq++;
    return op;
}

kep::sync::PushRequest SyncDesk::batch(std::vector<kep::sync::OutboxOp> list) const {
    kep::sync::PushRequest request;
    request.deviceId = deviceId();
    request.ops = std::move(list);
    return request;
}

bool SyncTestKit::setUp() {
    return identity_.loadDemo();
}

bool SyncTestKit::setUpWithDesks(std::initializer_list<DeskSlot> desks) {
    if (!setUp()) {
        return false;
    }
    for (const auto& [slot, office] : desks) {
        *slot = enrolDesk(office);
        if (!*slot) {
            return false;
        }
    }
    return true;
}

std::optional<SyncDesk> SyncTestKit::enrolDesk(const QString& office) {
    auto workstation = identity_.enrolNew(office);
    if (!workstation) {
        return std::nullopt;
    }
    SyncDesk desk;
    desk.workstation = *workstation;
    desk.hlc = std::make_unique<kep::domain::HybridLogicalClock>();
    desk.ids = std::make_unique<kep::domain::UuidV7Generator>();
    desk.ops = std::make_unique<kep::sync::OutboxOpFactory>(desk.deviceId(), *desk.hlc, *desk.ids);
    reconnect(desk);
    return desk;
}

void SyncTestKit::reconnect(SyncDesk& desk) const {
    desk.transport.reset();
    desk.client = identity_.clientFor(desk.workstation);
    desk.transport = std::make_unique<kep::net::HttpsSyncTransport>(*desk.client);
}

kep::net::TlsOptions SyncTestKit::tlsFor(const SyncDesk& desk) {
    kep::net::TlsOptions options;
    options.caFile = identity_.server().caFile().toStdString();
    options.clientCertFile = desk.workstation.certFile.toStdString();
    options.clientKeyFile = desk.workstation.keyFile.toStdString();
    return options;
}

std::optional<kep::cases::Actor> SyncTestKit::actor(SyncDesk& desk, const QString& username) {
    std::int64_t cursor = 0;
    for (int page = 0; page < 100; ++page) {
        auto pulled = pullOnce(*desk.transport, "directory", cursor, &error_);
        if (!pulled) {
            return std::nullopt;
        }
        for (const auto& change : pulled->changes) {
            const auto name = change.fields.find("username");
            if (change.entity.type == "user" && name != change.fields.end() &&
                name->second == username.toStdString()) {
                const auto role = kep::cases::actorRoleFromString(change.fields.at("role"));
                return kep::cases::Actor{change.entity.id,
                                         role.value_or(kep::cases::ActorRole::Clerk)};
            }
        }
        if (!pulled->hasMore) {
            break;
        }
        cursor = pulled->cursor;
    }
    error_ = "no user " + username + " in the directory bucket";
    return std::nullopt;
}

std::optional<kep::sync::PullResponse> pullOnce(kep::sync::SyncTransport& transport,
                                                const std::string& bucket, std::int64_t cursor,
                                                QString* error) {
    kep::sync::PullRequest request;
    request.bucket = bucket;
    request.cursor = cursor;
    request.limit = 1000;
    auto result = transport.pull(request);
    if (auto* failure = std::get_if<kep::sync::TransportError>(&result)) {
        if (error) {
            *error = QString::fromStdString(failure->message);
        }
        return std::nullopt;
    }
    return std::get<kep::sync::PullResponse>(std::move(result));
}

}  // namespace kep::test
