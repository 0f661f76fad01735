// The idempotency record of online applications (table intake_requests, migration 0012): per
// channel and Idempotency-Key, the body's hash, the case it became and the answer given.
#pragma once

#include "db/Database.h"
#include "intake/IntakeChannel.h"
#include "shared/sync/SyncMessages.h"

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::intake {

struct IntakeRecord {
    std::string bodySha256;
    std::string caseId;
    std::string officeCode;
    std::string answer;  // the 201 body
    // The case's fields while the case is not yet known to exist; nullopt once it does.
    std::optional<kep::sync::FieldMap> pendingFields;
};

// On the caller's connection and thread (the caller holds the store's lock). Throws
// kep::db::Error on a database fault.
class IntakeRequests {
public:
    explicit IntakeRequests(kep::db::Database& db) : db_(db) {}

    std::optional<IntakeRecord> find(IntakeChannel channel, std::string_view idempotencyKey);
    // False when the channel already has a record for the key (another process came first).
    bool insert(IntakeChannel channel, std::string_view idempotencyKey, const IntakeRecord& record,
                std::string_view createdAt);
    // The case exists: its fields (personal data) need not be kept here any longer.
    void markFiled(IntakeChannel channel, std::string_view idempotencyKey);
    // Forgets a record whose case could not be created, so the key may be used again.
    void remove(IntakeChannel channel, std::string_view idempotencyKey);

private:
    kep::db::Database& db_;
};

}  // namespace kep::server::intake
