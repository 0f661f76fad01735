#include "intake/IntakeService.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/StoredProcedure.h"
#include "identity/Directory.h"
#include "shared/cases/GreekCivilTime.h"
#include "shared/catalogue/CanonicalForm.h"
#include "shared/domain/Uuid.h"
#include "sync/CaseRecords.h"

#include <boost/json/value.hpp>

#include <stdexcept>

namespace kep::server::intake {

namespace {

// A published procedure that KEPs offer, with what the case takes from the catalogue.
struct OfferedProcedure {
    kep::catalogue::Procedure procedure;
    ProcedureTerms terms;
};

std::optional<OfferedProcedure> offeredProcedure(storage::ServerStore& store,
                                                 const std::string& id) {
    std::optional<catalogue::PublishedProcedure> published;
    {
        std::lock_guard lock(store.mutex());
        published = catalogue::CatalogueStore(store.database()).publishedProcedure(id);
    }
    if (!published || !published->options.offeredAtKep) {
        return std::nullopt;
    }
    OfferedProcedure offered{catalogue::restoreProcedure(published->version.canonicalJson), {}};
    const auto& authority = published->options.competentAuthorityId;
    offered.terms = {published->version.version, published->options.requiresApproval,
                     authority && !authority->empty() ? *authority : offered.procedure.orgOwner.id};
    return offered;
}

IntakeOutcome refused(IntakeRefusal refusal) {
    return {std::move(refusal), {}, false};
}

IntakeOutcome invalidField(std::string field, std::string reason, std::string message) {
    return refused({400, "invalid_field", std::move(message), std::move(field), std::move(reason)});
}

// Two bodies that mean the same (members in another order, spacing) are one application.
std::string bodyDigest(const boost::json::object& body) {
    return kep::catalogue::sha256Hex(kep::catalogue::canonicalJson(boost::json::value(body)));
}

}  // namespace

IntakeService::IntakeService(storage::ServerStore& store, sync::SyncService& sync,
                             std::shared_ptr<const kep::domain::WorkingCalendar> calendar)
    : store_(store)
    , calendar_(std::move(calendar))
    , leases_(store)
    , writer_(sync, std::string(kIntakeDevice)) {}

IntakeOutcome IntakeService::file(IntakeChannel channel, std::string_view idempotencyKey,
                                  const boost::json::object& body, kep::cases::Instant now) {
    const std::string digest = bodyDigest(body);
    std::lock_guard lock(filing_);
    if (auto outcome = repeat(channel, idempotencyKey, digest)) {
        return std::move(*outcome);
    }
    return fileNew(channel, idempotencyKey, body, digest, now);
}

std::optional<IntakeOutcome> IntakeService::repeat(IntakeChannel channel,
                                                   std::string_view idempotencyKey,
                                                   const std::string& bodySha256) {
    std::optional<IntakeRecord> record;
    {
        std::lock_guard lock(store_.mutex());
        record = IntakeRequests(store_.database()).find(channel, idempotencyKey);
    }
    if (!record) {
        return std::nullopt;
    }
    if (record->bodySha256 != bodySha256) {
        return refused({422,
                        "idempotency_key_reused",
                        "this Idempotency-Key was used for another application",
                        {},
                        {}});
    }
    finish(channel, idempotencyKey, *record);
    return IntakeOutcome{std::nullopt, std::move(record->answer), true};
}

IntakeOutcome IntakeService::fileNew(IntakeChannel channel, std::string_view idempotencyKey,
                                     const boost::json::object& body, const std::string& bodySha256,
                                     kep::cases::Instant now) {
    auto read = readIntakeApplication(body);
    if (const auto* fault = std::get_if<IntakeFieldFault>(&read)) {
        return invalidField(fault->field, fault->code, fault->message);
    }
    const auto& application = std::get<IntakeApplication>(read);
    if (!identity::Directory(store_).officeByCode(application.officeCode)) {
        return invalidField("office", "unknown_office", "no KEP office has this code");
    }
    const auto offered = offeredProcedure(store_, application.procedureId);
    if (!offered) {
        return invalidField("procedure_id", "not_published",
                            "no procedure with this id is published for KEPs");
    }

    // The number comes from the office's sequence like a desk's block (of one), so no desk
    // ever holds it; a number left unused by a failure below is a gap, never a repeat.
    const auto today = kep::cases::greekLocalDate(std::chrono::floor<std::chrono::seconds>(now));
    const int year = static_cast<int>(today.year());
    const auto issued = leases_.lease(application.officeCode, year, 1, {}, today, now);
    if (!issued.ok()) {
        return refused({409,
                        std::string(issued.code()),
                        "the office's protocol numbers for the year are exhausted",
                        {},
                        {}});
    }
    const kep::cases::ProtocolNumber number{application.officeCode, year, issued.block->first};
    IntakeFiling filing = planIntakeFiling(application, channel, offered->procedure, offered->terms,
                                           number, now, *calendar_);
    const std::string caseId = kep::domain::newUuidV7().toString();
    const IntakeRecord record{bodySha256, caseId, application.officeCode,
                              intakeAnswerJson(caseId, filing, channel), filing.fields};
    bool inserted = false;
    {
        std::lock_guard lock(store_.mutex());
        inserted = IntakeRequests(store_.database())
                       .insert(channel, idempotencyKey, record, storage::isoUtc(now));
    }
    if (!inserted) {
        // Another process took the key first: its application is the one filed.
        if (auto outcome = repeat(channel, idempotencyKey, bodySha256)) {
            return std::move(*outcome);
        }
        throw std::runtime_error("an intake record vanished while it was read");
    }
    const auto created = writer_.create(caseId, application.officeCode, channelActor(channel),
                                        std::move(filing.fields));
    if (!created.ok()) {
        std::lock_guard lock(store_.mutex());
        IntakeRequests(store_.database()).remove(channel, idempotencyKey);
        throw std::runtime_error("the case lifecycle refused an online application: " +
                                 created.code());
    }
    {
        std::lock_guard lock(store_.mutex());
        IntakeRequests(store_.database()).markFiled(channel, idempotencyKey);
    }
    return {std::nullopt, record.answer, false};
}

void IntakeService::finish(IntakeChannel channel, std::string_view idempotencyKey,
                           const IntakeRecord& record) {
    if (!record.pendingFields) {
        return;
    }
    bool exists = false;
    {
        std::lock_guard lock(store_.mutex());
        exists = sync::findCase(store_.database(), record.caseId).has_value();
    }
    if (!exists) {
        const auto created = writer_.create(record.caseId, record.officeCode, channelActor(channel),
                                            *record.pendingFields);
        if (!created.ok() && created.code() != "entity_exists") {
            throw std::runtime_error("the case lifecycle refused an online application: " +
                                     created.code());
        }
    }
    std::lock_guard lock(store_.mutex());
    IntakeRequests(store_.database()).markFiled(channel, idempotencyKey);
}

}  // namespace kep::server::intake
