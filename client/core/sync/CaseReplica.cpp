#include "sync/CaseReplica.h"

#include "cases/CaseChannel.h"
#include "cases/CitizenJson.h"
#include "shared/domain/TextFold.h"
#include "shared/domain/Uuid.h"

#include <array>
#include <charconv>

namespace kep::desk::sync {

namespace {

namespace cf = case_field;

std::optional<std::string> fieldOf(const kep::sync::FieldMap& fields, const char* name) {
    const auto it = fields.find(name);
    if (it == fields.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::int64_t> numberOf(const kep::sync::FieldMap& fields, const char* name) {
    const auto text = fieldOf(fields, name);
    if (!text) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc{} || end != text->data() + text->size()) {
        return std::int64_t{0};  // the server checks nothing of these: a bad number reads as 0
    }
    return value;
}

std::int64_t msOf(kep::cases::Instant at) {
    return at.time_since_epoch().count();
}

struct LocalCase {
    std::string citizenId;
    std::string status;
};

// Every statement of the replica, by its place in kSql.
enum Sql : std::size_t {
    kLocalCase,
    kKnownCitizen,
    kPutCitizen,
    kPutCase,
    kAddHistory,
    kDeleteHistory,
    kDeleteAttachments,
    kDeleteCase,
    kCaseVersion,
    kDeleteOrphanCitizen,
    kSqlCount
};

constexpr std::array<const char*, kSqlCount> kSql{
    "SELECT citizen_id, status FROM kase WHERE id = ?1",
    // The same person already on this desk, strongest identifier first. Each branch repeats its
    // partial index's "<> ''" so that SQLite uses the index.
    "SELECT id FROM citizen WHERE ?1 <> '' AND afm = ?1 AND afm <> '' "
    "UNION ALL SELECT id FROM citizen WHERE ?2 <> '' AND amka = ?2 AND amka <> '' "
    "UNION ALL SELECT id FROM citizen WHERE ?4 <> '' AND nationality = ?3 "
    "AND document_number = ?4 AND document_number <> '' LIMIT 1",
    "INSERT INTO citizen (id, kind, afm, amka, document_number, nationality, "
    "surname_el_folded, surname_latin_folded, record, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO UPDATE SET "
    "kind = excluded.kind, afm = excluded.afm, amka = excluded.amka, "
    "document_number = excluded.document_number, nationality = excluded.nationality, "
    "surname_el_folded = excluded.surname_el_folded, "
    "surname_latin_folded = excluded.surname_latin_folded, record = excluded.record, "
    "updated_at = excluded.updated_at",
    // One statement for a new case and a known one: a NULL parameter keeps the column (or, for
    // a new case, takes the column's empty value). ?20 says whether the citizen was sent, since
    // a citizen without a representative must clear the column.
    "INSERT INTO kase (id, protocol_number, office, procedure_id, catalogue_version, "
    "procedure_title, requires_approval, citizen_id, representative, status, evidence, "
    "fee_cents, due_date, notes, filed_by, filed_at, updated_at, version, "
    "surname_el_folded, surname_latin_folded, channel, result_sha256) VALUES (?1, "
    "COALESCE(?2, ''), ?3, "
    "COALESCE(?4, ''), COALESCE(?5, 0), "
    "COALESCE((SELECT title_el FROM catalogue_procedure WHERE id = ?4), ?4, ''), "
    "COALESCE(?6, 1), ?7, ?8, COALESCE(?9, 'draft'), COALESCE(?10, '{}'), "
    "COALESCE(?11, 0), COALESCE(?12, ''), COALESCE(?13, ''), COALESCE(?14, ''), ?15, ?16, "
    "COALESCE(?17, 0), COALESCE(?18, ''), COALESCE(?19, ''), COALESCE(?21, 'counter'), "
    "COALESCE(?22, '')) "
    "ON CONFLICT (id) DO UPDATE SET "
    "protocol_number = COALESCE(?2, protocol_number), "
    "procedure_id = COALESCE(?4, procedure_id), "
    "catalogue_version = COALESCE(?5, catalogue_version), "
    "procedure_title = CASE WHEN ?4 IS NULL THEN procedure_title ELSE COALESCE("
    "(SELECT title_el FROM catalogue_procedure WHERE id = ?4), procedure_title) END, "
    "requires_approval = COALESCE(?6, requires_approval), "
    "citizen_id = ?7, "
    "representative = CASE WHEN ?20 THEN ?8 ELSE representative END, "
    "status = COALESCE(?9, status), evidence = COALESCE(?10, evidence), "
    "fee_cents = COALESCE(?11, fee_cents), due_date = COALESCE(?12, due_date), "
    "notes = COALESCE(?13, notes), filed_by = COALESCE(?14, filed_by), "
    "updated_at = ?16, version = COALESCE(?17, version), "
    "surname_el_folded = COALESCE(?18, surname_el_folded), "
    "surname_latin_folded = COALESCE(?19, surname_latin_folded), "
    "channel = COALESCE(?21, channel), result_sha256 = COALESCE(?22, result_sha256)",
    "INSERT INTO case_history (case_id, at, from_status, to_status, actor_id, role, "
    "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "DELETE FROM case_history WHERE case_id = ?1",
    "DELETE FROM attachment WHERE case_id = ?1",
    "DELETE FROM kase WHERE id = ?1",
    "SELECT version FROM kase WHERE id = ?1",
    // The person goes with their last case on this desk: a purge (retention, erasure) must leave
    // nothing of them behind.
    "DELETE FROM citizen WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM kase WHERE citizen_id = ?1)",
};

// When the case was filed: its id is the UUIDv7 the filing desk made at that moment.
std::int64_t filedAtOf(const std::string& caseId, std::int64_t fallbackMs) {
    const auto id = kep::domain::Uuid::parse(caseId);
    if (!id) {
        return fallbackMs;
    }
    const auto at = id->timestamp();
    return at ? at->time_since_epoch().count() : fallbackMs;
}

}  // namespace

// Lazily prepared: a CaseReplica made for one call prepares only what that call runs.
struct CaseReplica::Statements {
    std::array<std::optional<kep::db::Statement>, kSqlCount> cache;

    // The statement, prepared or reset (bindings cleared), ready for this use.
    kep::db::Statement& get(kep::db::Database& db, Sql which) {
        auto& slot = cache[which];
        if (slot) {
            slot->reset();
        } else {
            slot.emplace(db.prepare(kSql[which]));
        }
        return *slot;
    }
};

CaseReplica::CaseReplica(kep::db::Database& db) : db_(db), sql_(std::make_unique<Statements>()) {}

CaseReplica::~CaseReplica() = default;

CaseWriteOutcome CaseReplica::write(const CaseWrite& write, kep::cases::Instant now) {
    const std::int64_t nowMs = msOf(now);
    std::optional<LocalCase> local;
    {
        auto& st = sql_->get(db_, kLocalCase);
        st.bind(1, write.caseId);
        if (st.step()) {
            local = LocalCase{st.text(0), st.text(1)};
        }
        st.reset();  // a statement left mid-rows would hold its read snapshot open
    }
    const auto citizenJson = fieldOf(write.fields, cf::kCitizen);
    if (!local && !citizenJson) {
        return CaseWriteOutcome::NotACaseYet;
    }

    // Never NULL: SQLite checks NOT NULL on the new row before it turns into an update.
    std::string citizenId = local ? local->citizenId : std::string();
    std::optional<std::string> representative;
    std::optional<std::string> surnameEl;
    std::optional<std::string> surnameLatin;
    if (citizenJson) {
        const kep::cases::Citizen citizen = kep::desk::cases::citizenFromJson(*citizenJson);
        const auto& p = citizen.person;
        if (citizenId.empty()) {
            auto& st = sql_->get(db_, kKnownCitizen);
            st.bind(1, p.afm).bind(2, p.amka).bind(3, p.nationality).bind(4, p.documentNumber);
            if (st.step()) {
                citizenId = st.text(0);
            }
            st.reset();
        }
        if (citizenId.empty()) {
            citizenId = kep::domain::newUuidV7().toString();
        }
        surnameEl = kep::domain::foldForSearch(p.surnameEl);
        surnameLatin = kep::domain::foldForSearch(p.surnameLatin);
        sql_->get(db_, kPutCitizen)
            .bind(1, citizenId)
            .bind(2, p.kind == kep::cases::CitizenKind::Greek ? "greek" : "foreign")
            .bind(3, p.afm)
            .bind(4, p.amka)
            .bind(5, p.documentNumber)
            .bind(6, p.nationality)
            .bind(7, *surnameEl)
            .bind(8, *surnameLatin)
            .bind(9, kep::desk::cases::citizenToJson(citizen))
            .bind(10, nowMs)
            .run();
        if (citizen.representative) {
            representative = kep::desk::cases::citizenToJson(
                kep::cases::Citizen{*citizen.representative, {}, {}, {}});
        }
    }

    std::optional<std::int64_t> requiresApproval;
    if (const auto approval = fieldOf(write.fields, cf::kRequiresApproval)) {
        requiresApproval = *approval == "false" ? 0 : 1;
    }
    const auto status = fieldOf(write.fields, cf::kStatus);
    // A channel this desk does not know is kept as the counter, as old cases are.
    std::optional<std::string> channel;
    if (const auto sent = fieldOf(write.fields, cf::kChannel)) {
        channel =
            std::string(kep::desk::cases::toString(kep::desk::cases::channelOrCounter(*sent)));
    }

    sql_->get(db_, kPutCase)
        .bind(1, write.caseId)
        .bind(2, fieldOf(write.fields, cf::kProtocolNumber))
        .bind(3, write.office)
        .bind(4, fieldOf(write.fields, cf::kProcedureId))
        .bind(5, numberOf(write.fields, cf::kCatalogueVersion))
        .bind(6, requiresApproval)
        .bind(7, citizenId)
        .bind(8, representative)
        .bind(9, status)
        .bind(10, fieldOf(write.fields, cf::kEvidence))
        .bind(11, numberOf(write.fields, cf::kFeeCents))
        .bind(12, fieldOf(write.fields, cf::kDueDate))
        .bind(13, fieldOf(write.fields, cf::kNotes))
        .bind(14, fieldOf(write.fields, cf::kFiledBy))
        .bind(15, filedAtOf(write.caseId, nowMs))
        .bind(16, nowMs)
        .bind(17, write.version)
        .bind(18, surnameEl)
        .bind(19, surnameLatin)
        .bind(20, citizenJson ? 1 : 0)
        .bind(21, channel)
        .bind(22, fieldOf(write.fields, cf::kResultSha256))
        .run();

    const std::string before = local ? local->status : std::string("draft");
    if (!status || *status == before) {
        return CaseWriteOutcome::Written;
    }
    sql_->get(db_, kAddHistory)
        .bind(1, write.caseId)
        .bind(2, numberOf(write.fields, cf::kStatusAt).value_or(nowMs))
        .bind(3, before)
        .bind(4, *status)
        .bind(5, fieldOf(write.fields, cf::kStatusActor).value_or(""))
        .bind(6, fieldOf(write.fields, cf::kStatusRole).value_or(""))
        .bind(7, fieldOf(write.fields, cf::kStatusReason).value_or(""))
        .run();
    return CaseWriteOutcome::StatusChanged;
}

void CaseReplica::remove(const std::string& caseId) {
    auto& local = sql_->get(db_, kLocalCase);
    local.bind(1, caseId);
    const std::optional<std::string> citizenId =
        local.step() ? std::optional<std::string>(local.text(0)) : std::nullopt;
    local.reset();
    for (const Sql step : {kDeleteHistory, kDeleteAttachments, kDeleteCase}) {
        sql_->get(db_, step).bind(1, caseId).run();
    }
    if (citizenId) {
        sql_->get(db_, kDeleteOrphanCitizen).bind(1, *citizenId).run();
    }
}

std::optional<std::int64_t> CaseReplica::version(const std::string& caseId) {
    auto& st = sql_->get(db_, kCaseVersion);
    st.bind(1, caseId);
    std::optional<std::int64_t> version;
    if (st.step()) {
        version = st.int64(0);
    }
    st.reset();
    return version;
}

CaseWriteOutcome writeCase(kep::db::Database& db, const CaseWrite& write, kep::cases::Instant now) {
    return CaseReplica(db).write(write, now);
}

void deleteCase(kep::db::Database& db, const std::string& caseId) {
    CaseReplica(db).remove(caseId);
}

std::optional<std::int64_t> caseVersion(kep::db::Database& db, const std::string& caseId) {
    return CaseReplica(db).version(caseId);
}

}  // namespace kep::desk::sync
