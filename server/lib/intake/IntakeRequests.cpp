#include "intake/IntakeRequests.h"

#include <boost/json.hpp>

namespace kep::server::intake {

namespace {

namespace json = boost::json;

std::string fieldsJson(const kep::sync::FieldMap& fields) {
    json::object object;
    for (const auto& [name, value] : fields) {
        object[name] = value;
    }
    return json::serialize(object);
}

kep::sync::FieldMap fieldsFromJson(std::string_view text) {
    kep::sync::FieldMap fields;
    const json::value parsed = json::parse(text);
    for (const auto& [name, value] : parsed.as_object()) {
        fields.emplace(std::string(name), std::string(value.as_string()));
    }
    return fields;
}

}  // namespace

std::optional<IntakeRecord> IntakeRequests::find(IntakeChannel channel,
                                                 std::string_view idempotencyKey) {
    auto select = db_.prepare(
        "SELECT body_sha256, case_id, office_code, answer, fields FROM intake_requests "
        "WHERE channel = ?1 AND idempotency_key = ?2");
    select.bind(1, channelCode(channel)).bind(2, idempotencyKey);
    if (!select.step()) {
        return std::nullopt;
    }
    IntakeRecord record{select.text(0), select.text(1), select.text(2), select.text(3), {}};
    if (const auto fields = select.optionalText(4)) {
        record.pendingFields = fieldsFromJson(*fields);
    }
    return record;
}

bool IntakeRequests::insert(IntakeChannel channel, std::string_view idempotencyKey,
                            const IntakeRecord& record, std::string_view createdAt) {
    db_.prepare(
           "INSERT INTO intake_requests (channel, idempotency_key, body_sha256, case_id, "
           "office_code, answer, fields, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
           "ON CONFLICT (channel, idempotency_key) DO NOTHING")
        .bind(1, channelCode(channel))
        .bind(2, idempotencyKey)
        .bind(3, record.bodySha256)
        .bind(4, record.caseId)
        .bind(5, record.officeCode)
        .bind(6, record.answer)
        .bind(7, record.pendingFields ? std::optional(fieldsJson(*record.pendingFields))
                                      : std::nullopt)
        .bind(8, createdAt)
        .run();
    return db_.changes() > 0;
}

void IntakeRequests::markFiled(IntakeChannel channel, std::string_view idempotencyKey) {
    db_.prepare(
           "UPDATE intake_requests SET fields = NULL WHERE channel = ?1 AND idempotency_key = ?2")
        .bind(1, channelCode(channel))
        .bind(2, idempotencyKey)
        .run();
}

void IntakeRequests::remove(IntakeChannel channel, std::string_view idempotencyKey) {
    db_.prepare("DELETE FROM intake_requests WHERE channel = ?1 AND idempotency_key = ?2")
        .bind(1, channelCode(channel))
        .bind(2, idempotencyKey)
        .run();
}

}  // namespace kep::server::intake
