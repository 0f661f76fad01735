#include "privacy/CitizenExport.h"

#include "audit/AuditLog.h"
#include "privacy/CitizenCases.h"
#include "reports/TablePdf.h"
#include "shared/domain/UtcTime.h"
#include "storage/DatabaseLocation.h"
#include "sync/CaseRecords.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace kep::server::privacy {

namespace json = boost::json;

namespace {

std::string utcText(std::int64_t ms) {
    return kep::domain::toUtcTextMillis(
        std::chrono::system_clock::time_point{std::chrono::milliseconds{ms}});
}

// A field's value as JSON when it is a JSON object or list (citizen, contact, attachments…),
// else as the text it is.
json::value fieldValue(const std::string& text) {
    if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
        boost::system::error_code error;
        auto parsed = json::parse(text, error);
        if (!error) {
            return parsed;
        }
    }
    return json::string(text);
}

json::array documentsOf(const sync::CaseRecord& record) {
    json::array documents;
    const auto attachments = fieldValue(record.field("attachments"));
    if (attachments.is_array()) {
        for (const auto& item : attachments.as_array()) {
            if (!item.is_object()) {
                continue;
            }
            json::object document;
            for (const char* key : {"evidence_id", "media_type", "size", "sha256"}) {
                if (const auto* value = item.as_object().if_contains(key)) {
                    document[key] = *value;
                }
            }
            document["source"] = "attachment";
            documents.push_back(std::move(document));
        }
    }
    const auto registry = fieldValue(record.field("registry_documents"));
    if (registry.is_array()) {
        for (const auto& item : registry.as_array()) {
            if (item.is_object() && item.as_object().contains("sha256")) {
                json::object document{{"source", "registry"}};
                for (const char* key : {"evidence_id", "issuer_id", "sha256"}) {
                    if (const auto* value = item.as_object().if_contains(key)) {
                        document[key] = *value;
                    }
                }
                documents.push_back(std::move(document));
            }
        }
    }
    if (const auto& result = record.field("result_sha256"); !result.empty()) {
        documents.push_back(json::object{
            {"source", "authority_result"}, {"media_type", "application/pdf"}, {"sha256", result}});
    }
    return documents;
}

json::array historyOf(kep::db::Database& db, const std::string& caseId) {
    json::array history;
    for (const auto& entry : sync::caseHistory(db, caseId)) {
        history.push_back(json::object{{"from", kep::cases::toString(entry.from)},
                                       {"to", kep::cases::toString(entry.to)},
                                       {"role", kep::cases::toString(entry.role)},
                                       {"at", utcText(entry.at.time_since_epoch().count())},
                                       {"reason", entry.reason}});
    }
    return history;
}

json::array notificationsOf(kep::db::Database& db, const std::string& caseId) {
    auto select = db.prepare(
        "SELECT notice, channel, language, state, recipient, created_ms, finished_ms "
        "FROM notification_outbox WHERE case_id = ?1 ORDER BY created_ms");
    select.bind(1, caseId);
    json::array notifications;
    while (select.step()) {
        json::object notice{
            {"notice", select.text(0)},    {"channel", select.text(1)},
            {"language", select.text(2)},  {"state", select.text(3)},
            {"recipient", select.text(4)}, {"created_at", utcText(select.int64(5))}};
        if (const auto finished = select.optionalInt64(6)) {
            notice["finished_at"] = utcText(*finished);
        }
        notifications.push_back(std::move(notice));
    }
    return notifications;
}

json::array auditEntriesAbout(kep::db::Database& db, std::string_view recordType,
                              const std::string& recordId) {
    auto select = db.prepare(
        "SELECT leaf_index, at, actor_kind, actor_id, role, office, workstation, action, "
        "purpose, outcome FROM audit_entry WHERE record_type = ?1 AND record_id = ?2 "
        "ORDER BY leaf_index");
    select.bind(1, recordType).bind(2, recordId);
    json::array entries;
    while (select.step()) {
        entries.push_back(json::object{{"leaf_index", select.int64(0)},
                                       {"at", select.text(1)},
                                       {"actor_kind", select.text(2)},
                                       {"actor_id", select.text(3)},
                                       {"role", select.text(4)},
                                       {"office", select.text(5)},
                                       {"workstation", select.text(6)},
                                       {"action", select.text(7)},
                                       {"purpose", select.text(8)},
                                       {"outcome", select.text(9)}});
    }
    return entries;
}

}  // namespace

CitizenExport gatherCitizenExport(const std::string& database, const std::string& taxId,
                                  const audit::CitizenRef& refs,
                                  std::chrono::system_clock::time_point now) {
    auto db = storage::openConnection(database, {.mode = kep::db::OpenMode::ReadOnly});
    // One snapshot: a case changing meanwhile is exported as it was at one instant. PostgreSQL's
    // READ COMMITTED would take a new one per statement.
    kep::db::Transaction snapshot(db, kep::db::Transaction::Kind::Deferred);
    if (db.dialect() == kep::db::Dialect::Postgres) {
        db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    CitizenExport exported;
    const auto citizen = refs.of(taxId);
    json::array cases;
    for (const auto& c : casesOfCitizen(db, taxId)) {
        const auto record = sync::findCase(db, c.caseId);
        if (!record) {
            continue;
        }
        json::object fields;
        for (const auto& [name, value] : record->fields) {
            fields[name] = fieldValue(value);
        }
        cases.push_back(json::object{{"id", record->id},
                                     {"office", record->officeCode},
                                     {"protocol_number", record->field("protocol_number")},
                                     {"procedure_id", record->field("procedure_id")},
                                     {"status", kep::cases::toString(record->status)},
                                     {"fields", std::move(fields)},
                                     {"history", historyOf(db, c.caseId)},
                                     {"documents", documentsOf(*record)},
                                     {"notifications", notificationsOf(db, c.caseId)},
                                     {"audit", auditEntriesAbout(db, "case", c.caseId)}});
        exported.cases.push_back(c.caseId);
        if (std::find(exported.offices.begin(), exported.offices.end(), c.officeCode) ==
            exported.offices.end()) {
            exported.offices.push_back(c.officeCode);
        }
    }
    exported.document = json::object{{"format", "kep.citizen_export.v1"},
                                     {"generated_at", kep::domain::toUtcTextMillis(now)},
                                     {"tax_id", taxId},
                                     {"citizen_ref", citizen},
                                     {"cases", std::move(cases)},
                                     {"audit", auditEntriesAbout(db, "citizen", citizen)}};
    return exported;
}

void auditCitizenExport(const std::string& database, const PrivacyActor& actor,
                        const std::string& citizenRef, std::chrono::system_clock::time_point now) {
    auto db = storage::openConnection(database, {.mode = kep::db::OpenMode::ReadWrite});
    const auto entry =
        auditEntry(actor, "citizen.export", "citizen", citizenRef, "art15_request", now);
    kep::db::Transaction tx(db);
    audit::AuditLog(db).append({&entry, 1});
    tx.commit();
}

}  // namespace kep::server::privacy
