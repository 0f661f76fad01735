#include "cases/CaseStore.h"

#include "cases/AttachmentImport.h"
#include "cases/CitizenJson.h"
#include "cases/DraftStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/cases/CaseFields.h"
#include "shared/cases/CitizenValidation.h"
#include "shared/cases/GreekCivilTime.h"
#include "shared/domain/TextFold.h"
#include "shared/sync/OutboxOpFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <stdexcept>

namespace kep::desk::cases {

namespace {

using kep::cases::CaseStatus;

std::int64_t msOf(Instant at) {
    return at.time_since_epoch().count();
}
Instant instantOf(std::int64_t ms) {
    return Instant{std::chrono::milliseconds{ms}};
}

std::string isoDate(std::chrono::year_month_day d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

// What the server learns of the attachments with the case: hashes and sizes, no bytes (the
// files follow by the resumable upload).
std::string attachmentsJson(const CaseFiling& filing) {
    QJsonArray list;
    for (const auto& a : filing.attachments) {
        list.append(
            QJsonObject{{QStringLiteral("sha256"), QString::fromStdString(a.sha256)},
                        {QStringLiteral("media_type"), QString::fromStdString(a.mediaType)},
                        {QStringLiteral("size"), qint64(a.size)},
                        {QStringLiteral("evidence_id"), QString::fromStdString(a.evidenceId)}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact).toStdString();
}

std::string evidenceJson(const CaseFiling& filing) {
    QJsonObject o;
    for (const auto& [id, state] : filing.evidence) {
        o.insert(QString::fromStdString(id), QString::fromUtf8(kep::cases::toString(state)));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// The citizen's contacts as the notifications read them: {"email","phone"}, each only when
// the record has it; "" when it has neither.
std::string contactJson(const kep::cases::Citizen& citizen) {
    QJsonObject o;
    if (!citizen.email.empty()) {
        o.insert(QStringLiteral("email"), QString::fromStdString(citizen.email));
    }
    if (!citizen.phone.empty()) {
        o.insert(QStringLiteral("phone"), QString::fromStdString(citizen.phone));
    }
    return o.isEmpty() ? std::string()
                       : QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// A channel filter as a bound parameter: "" matches every channel ("?N = '' OR channel = ?N").
std::string channelParam(std::optional<CaseChannel> channel) {
    return channel ? std::string(toString(*channel)) : std::string();
}

// Just above every string starting with `prefix` (folded text is valid UTF-8, so U+FFFF-ish
// bytes never occur in it): the upper bound of an index range scan for a prefix.
std::string prefixEnd(std::string prefix) {
    prefix.push_back('\xff');
    return prefix;
}

constexpr std::string_view kSummaryColumns =
    "SELECT k.id, k.protocol_number, k.status, k.procedure_title, "
    "CASE WHEN json_extract(c.record, '$.surname_el') <> '' "
    "THEN json_extract(c.record, '$.surname_el') ELSE json_extract(c.record, '$.surname_latin') "
    "END, k.due_date, k.filed_by, k.filed_at, k.channel, k.result_sha256, k.procedure_id, "
    "k.requires_approval FROM kase k JOIN citizen c ON c.id = k.citizen_id ";

CaseSummary summaryFromRow(const kep::db::Statement& row) {
    CaseSummary summary;
    summary.id = row.text(0);
    summary.protocolNumber = row.text(1);
    summary.status = kep::cases::caseStatusFromString(row.text(2)).value_or(CaseStatus::Draft);
    summary.procedureTitle = row.text(3);
    summary.surname = row.optionalText(4).value_or(std::string{});
    summary.dueDate = row.text(5);
    summary.filedBy = row.text(6);
    summary.filedAt = instantOf(row.int64(7));
    summary.channel = channelOrCounter(row.text(8));
    summary.resultSha256 = row.text(9);
    summary.procedureId = row.text(10);
    summary.requiresApproval = row.int64(11) != 0;
    return summary;
}

std::vector<CaseSummary> collect(kep::db::Statement& st) {
    std::vector<CaseSummary> rows;
    while (st.step()) {
        rows.push_back(summaryFromRow(st));
    }
    return rows;
}

}  // namespace

CaseStore::CaseStore(kep::db::Database& db, std::string office, std::string deviceId)
    : db_(db)
    , office_(std::move(office))
    , deviceId_(std::move(deviceId))
    , outbox_(db) {
    // A restarted desk's clock resumes above every op it already queued.
    clock_.restore(outbox_.highestHlc());
}

std::vector<StoredCitizen> CaseStore::findCitizens(std::string_view typed, int limit) const {
    const std::string exact(typed);
    const std::string folded = kep::domain::foldForSearch(typed);
    if (folded.empty()) {
        return {};
    }
    // A UNION of indexed look-ups: an OR across columns would make SQLite scan the table, and
    // the partial indexes on ΑΦΜ and ΑΜΚΑ serve a query only when it repeats their "<> ''".
    auto st = db_.prepare(
        "SELECT id, record FROM citizen WHERE rowid IN ("
        "SELECT rowid FROM citizen WHERE afm = ?1 AND afm <> '' "
        "UNION SELECT rowid FROM citizen WHERE amka = ?1 AND amka <> '' "
        "UNION SELECT rowid FROM citizen WHERE surname_el_folded >= ?2 "
        "AND surname_el_folded < ?3 "
        "UNION SELECT rowid FROM citizen WHERE surname_latin_folded >= ?2 "
        "AND surname_latin_folded < ?3) "
        "ORDER BY updated_at DESC LIMIT ?4");
    st.bind(1, exact).bind(2, folded).bind(3, prefixEnd(folded)).bind(4, limit);
    std::vector<StoredCitizen> found;
    while (st.step()) {
        found.push_back({st.text(0), citizenFromJson(st.text(1))});
    }
    return found;
}

std::optional<std::string> CaseStore::returningCitizen(const kep::cases::PersonIdentity& p) const {
    // The same person again, by the strongest identifier given: ΑΦΜ, else ΑΜΚΑ, else the
    // travel document with its nationality. Each is one look-up in its own partial index, which
    // SQLite uses only when the query repeats the index's "<> ''".
    std::optional<kep::db::Statement> st;
    if (!p.afm.empty()) {
        st.emplace(db_.prepare("SELECT id FROM citizen WHERE afm = ?1 AND afm <> '' LIMIT 1"));
        st->bind(1, p.afm);
    } else if (!p.amka.empty()) {
        st.emplace(db_.prepare("SELECT id FROM citizen WHERE amka = ?1 AND amka <> '' LIMIT 1"));
        st->bind(1, p.amka);
    } else if (!p.documentNumber.empty()) {
        st.emplace(
            db_.prepare("SELECT id FROM citizen WHERE nationality = ?1 AND document_number = ?2 "
                        "AND document_number <> '' LIMIT 1"));
        st->bind(1, p.nationality).bind(2, p.documentNumber);
    } else {
        return std::nullopt;
    }
    if (!st->step()) {
        return std::nullopt;
    }
    return st->text(0);
}

std::string CaseStore::saveCitizen(const kep::cases::Citizen& citizen, std::int64_t nowMs) {
    const auto& p = citizen.person;
    const auto returning = returningCitizen(p);
    const std::string id = returning.value_or(kep::domain::newUuidV7().toString());
    db_.prepare(
           "INSERT INTO citizen (id, kind, afm, amka, document_number, nationality, "
           "surname_el_folded, surname_latin_folded, record, updated_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO UPDATE SET "
           "amka = excluded.amka, surname_el_folded = excluded.surname_el_folded, "
           "surname_latin_folded = excluded.surname_latin_folded, "
           "record = excluded.record, updated_at = excluded.updated_at")
        .bind(1, id)
        .bind(2, p.kind == kep::cases::CitizenKind::Greek ? "greek" : "foreign")
        .bind(3, p.afm)
        .bind(4, p.amka)
        .bind(5, p.documentNumber)
        .bind(6, p.nationality)
        .bind(7, kep::domain::foldForSearch(p.surnameEl))
        .bind(8, kep::domain::foldForSearch(p.surnameLatin))
        .bind(9, citizenToJson(citizen))
        .bind(10, nowMs)
        .run();
    if (returning) {
        // The surnames searched on kase follow the citizen's record (a corrected spelling).
        db_.prepare(
               "UPDATE kase SET surname_el_folded = ?2, surname_latin_folded = ?3 "
               "WHERE citizen_id = ?1")
            .bind(1, id)
            .bind(2, kep::domain::foldForSearch(p.surnameEl))
            .bind(3, kep::domain::foldForSearch(p.surnameLatin))
            .run();
    }
    return id;
}

void CaseStore::queue(kep::sync::OutboxOp op, Instant now) {
    outbox_.append(op, now);
}

void CaseStore::recordStep(const std::string& caseId, const kep::cases::HistoryEntry& entry) {
    db_.prepare(
           "INSERT INTO case_history (case_id, at, from_status, to_status, actor_id, role, "
           "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, caseId)
        .bind(2, msOf(entry.at))
        .bind(3, kep::cases::toString(entry.from))
        .bind(4, kep::cases::toString(entry.to))
        .bind(5, entry.actorId)
        .bind(6, kep::cases::toString(entry.role))
        .bind(7, entry.reason)
        .run();
}

FilingResult CaseStore::file(const CaseFiling& filing, const kep::cases::Actor& clerk,
                             Instant now) {
    FilingResult result;
    result.issues = kep::cases::validateCitizen(filing.citizen, filing.requirements);
    if (!result.issues.empty()) {
        result.refusal = FilingResult::Refusal::InvalidCitizen;
        result.message = "the citizen's record has problems; see the fields";
        return result;
    }
    const kep::cases::Citizen citizen = kep::cases::normaliseCitizen(filing.citizen);

    kep::db::Transaction tx(db_);
    ProtocolLeaseStore leases(db_, office_);
    auto lease = leases.load();
    const auto localDate =
        kep::cases::greekLocalDate(std::chrono::time_point_cast<std::chrono::seconds>(now));
    const auto number = lease.draw(localDate);
    if (!number) {
        result.refusal = FilingResult::Refusal::NoProtocolNumber;
        result.message =
            "this workstation holds no protocol numbers for the year; connect to "
            "the server to lease a block";
        return result;  // the transaction rolls back: nothing is stored
    }

    kep::cases::Case rules{CaseStatus::Draft, clerk.id, filing.requiresApproval};
    const kep::cases::FilingSteps steps =
        kep::cases::fileAs(rules, clerk, kep::cases::filedStatusFor(filing.requiresApproval), now);
    if (!steps.ok()) {
        result.refusal = FilingResult::Refusal::Lifecycle;
        result.message = steps.result.message;
        return result;
    }

    const std::int64_t nowMs = msOf(now);
    const std::string citizenId = saveCitizen(citizen, nowMs);
    const std::string caseId = ids_.next().toString();
    const std::string protocol = number->toString();
    const std::string due = isoDate(filing.dueDate);
    const std::string evidence = evidenceJson(filing);
    db_.prepare(
           "INSERT INTO kase (id, protocol_number, office, procedure_id, catalogue_version, "
           "procedure_title, requires_approval, citizen_id, representative, status, "
           "evidence, fee_cents, due_date, notes, filed_by, filed_at, updated_at, "
           "surname_el_folded, surname_latin_folded, channel) VALUES "
           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, "
           "?19)")
        .bind(1, caseId)
        .bind(2, protocol)
        .bind(3, office_)
        .bind(4, filing.procedureId)
        .bind(5, filing.catalogueVersion)
        .bind(6, filing.procedureTitle)
        .bind(7, filing.requiresApproval ? 1 : 0)
        .bind(8, citizenId)
        .bind(9, citizen.representative ? std::optional<std::string>(citizenToJson(
                                              kep::cases::Citizen{.person = *citizen.representative,
                                                                  .phone = {},
                                                                  .email = {},
                                                                  .representative = std::nullopt}))
                                        : std::nullopt)
        .bind(10, kep::cases::toString(rules.status))
        .bind(11, evidence)
        .bind(12, filing.feeCents)
        .bind(13, due)
        .bind(14, filing.notes)
        .bind(15, clerk.id)
        .bind(16, nowMs)
        .bind(17, kep::domain::foldForSearch(citizen.person.surnameEl))
        .bind(18, kep::domain::foldForSearch(citizen.person.surnameLatin))
        .bind(19, toString(filing.channel))
        .run();
    for (const auto& entry : steps.entries) {
        recordStep(caseId, entry);
    }
    for (const auto& a : filing.attachments) {
        const auto type = attachmentTypeOfMedia(QString::fromStdString(a.mediaType));
        if (!type) {
            throw std::invalid_argument("attachment of an unknown media type: " + a.mediaType);
        }
        db_.prepare(
               "INSERT OR IGNORE INTO attachment (case_id, sha256, media_type, size, path, "
               "evidence_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, caseId)
            .bind(2, a.sha256)
            .bind(3, a.mediaType)
            .bind(4, a.size)
            .bind(5, storedFileName(QString::fromStdString(a.sha256), *type).toStdString())
            .bind(6, a.evidenceId)
            .run();
    }
    leases.save(lease);

    kep::sync::OutboxOpFactory ops(deviceId_, clock_, ids_);
    const kep::sync::EntityRef entity{"case", caseId};
    const std::string bucket = "office:" + office_;
    // Issue 7: how the case came, where it goes, and whom to tell of its steps.
    kep::sync::FieldMap routing{
        {std::string(kep::cases::fields::kChannel), std::string(toString(filing.channel))}};
    if (!filing.authorityId.empty()) {
        routing.emplace(kep::cases::fields::kAuthorityId, filing.authorityId);
    }
    if (auto contact = contactJson(citizen); !contact.empty()) {
        routing.emplace(kep::cases::fields::kContact, std::move(contact));
    }
    auto create =
        ops.create(entity, bucket, clerk,
                   {{"protocol_number", protocol},
                    {"procedure_id", filing.procedureId},
                    {"catalogue_version", std::to_string(filing.catalogueVersion)},
                    {"citizen", citizenToJson(citizen)},
                    {"evidence", evidence},
                    {"fee_cents", std::to_string(filing.feeCents)},
                    {"due_date", due},
                    {"notes", filing.notes},
                    {"attachments", attachmentsJson(filing)},
                    // The server keeps the case's approval rule and checks transitions by it;
                    // it sets filed_by itself, from the op's actor.
                    {"requires_approval", filing.requiresApproval ? "true" : "false"},
                    // Filed in one op: the server takes the same steps from draft (fileAs).
                    {"status", std::string(kep::cases::toString(rules.status))}});
    create.fields.merge(routing);
    queue(std::move(create), now);
    if (!filing.draftId.empty()) {
        // Filed and draft gone together: a crash between the two would offer a filed case again.
        DraftStore(db_).remove(filing.draftId);
    }
    tx.commit();

    result.filed = CaseSummary{
        caseId,
        protocol,
        rules.status,
        filing.procedureTitle,
        citizen.person.surnameEl.empty() ? citizen.person.surnameLatin : citizen.person.surnameEl,
        due,
        clerk.id,
        now,
        filing.channel,
        {},
        filing.procedureId,
        filing.requiresApproval};
    return result;
}

kep::cases::TransitionResult CaseStore::transition(const std::string& caseId,
                                                   kep::cases::CaseStatus to,
                                                   const kep::cases::Actor& actor,
                                                   std::string_view reason, Instant now,
                                                   const kep::sync::FieldMap& withFields) {
    kep::db::Transaction tx(db_);
    auto st =
        db_.prepare("SELECT status, filed_by, requires_approval, version FROM kase WHERE id = ?1");
    st.bind(1, caseId);
    if (!st.step()) {
        kep::cases::TransitionResult missing;
        missing.refusal = kep::cases::Refusal::NoSuchTransition;
        missing.message = "no such case on this desk";
        return missing;
    }
    kep::cases::Case rules{kep::cases::caseStatusFromString(st.text(0)).value_or(CaseStatus::Draft),
                           st.text(1), st.int64(2) != 0};
    const std::int64_t version = st.int64(3);
    auto applied = kep::cases::apply(rules, to, actor, reason, now);
    if (!applied.result.ok()) {
        return applied.result;
    }
    db_.prepare("UPDATE kase SET status = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, caseId)
        .bind(2, kep::cases::toString(rules.status))
        .bind(3, msOf(now))
        .run();
    recordStep(caseId, *applied.entry);
    kep::sync::OutboxOpFactory ops(deviceId_, clock_, ids_);
    const kep::sync::EntityRef entity{"case", caseId};
    const std::string bucket = "office:" + office_;
    queue(ops.transition(entity, bucket, actor, version, to, std::string(reason)), now);
    if (!withFields.empty()) {
        // Numbered after the step: the server applies it to the case as the step left it.
        queue(ops.setFields(entity, bucket, actor, version, withFields), now);
    }
    tx.commit();
    return applied.result;
}

std::optional<CaseSummary> CaseStore::caseById(const std::string& caseId) const {
    auto st = db_.prepare(std::string(kSummaryColumns) + "WHERE k.id = ?1");
    st.bind(1, caseId);
    if (!st.step()) {
        return std::nullopt;
    }
    return summaryFromRow(st);
}

std::vector<kep::cases::HistoryEntry> CaseStore::history(const std::string& caseId) const {
    auto st = db_.prepare(
        "SELECT from_status, to_status, actor_id, role, at, reason "
        "FROM case_history WHERE case_id = ?1 ORDER BY at, rowid");
    st.bind(1, caseId);
    std::vector<kep::cases::HistoryEntry> entries;
    while (st.step()) {
        kep::cases::HistoryEntry e;
        e.from = kep::cases::caseStatusFromString(st.text(0)).value_or(CaseStatus::Draft);
        e.to = kep::cases::caseStatusFromString(st.text(1)).value_or(CaseStatus::Draft);
        e.actorId = st.text(2);
        e.role = kep::cases::actorRoleFromString(st.text(3)).value_or(kep::cases::ActorRole::Clerk);
        e.at = instantOf(st.int64(4));
        e.reason = st.text(5);
        entries.push_back(std::move(e));
    }
    return entries;
}

std::vector<CaseSummary> CaseStore::search(std::string_view typed, int limit,
                                           std::optional<CaseChannel> channel) const {
    const std::string exact(typed);
    const std::string folded = kep::domain::foldForSearch(typed);
    if (folded.empty()) {
        return {};
    }
    // A UNION of indexed look-ups, one per kind of term (an OR across columns makes SQLite scan
    // kase). The newest `limit` cases are picked from index entries alone (each index ends with
    // filed_at; the surnames are copied onto kase) before the summary columns are read, so a
    // common surname prefix costs index steps, not thousands of row and JSON reads. The protocol
    // number is canonicalised first so that "0101/2026/00042" finds "0101/2026/42".
    const auto parsed = kep::cases::ProtocolNumber::parse(typed);
    const std::string protocol = parsed.ok() ? parsed.number->toString() : exact;
    // Each branch keeps only its own newest `limit` (a bounded sort), so that the UNION and the
    // final order handle a few hundred entries however common the surname.
    // The channel filter goes into each branch, before its cut.
    auto newest = [](std::string_view branch) {
        return "SELECT * FROM (" + std::string(branch) +
               " AND (?6 = '' OR channel = ?6) ORDER BY 2 DESC LIMIT ?5)";
    };
    const std::string byCitizen =
        "SELECT k2.rowid, k2.filed_at FROM citizen c2 JOIN kase k2 ON k2.citizen_id = c2.id ";
    auto st = db_.prepare(
        std::string(kSummaryColumns) + "WHERE k.rowid IN (SELECT r FROM (" +
        newest("SELECT rowid AS r, filed_at AS t FROM kase WHERE protocol_number = ?1") +
        " UNION " + newest("SELECT rowid, filed_at FROM kase WHERE procedure_id = ?2") + " UNION " +
        newest(byCitizen + "WHERE c2.afm = ?2 AND c2.afm <> ''") + " UNION " +
        newest(byCitizen + "WHERE c2.amka = ?2 AND c2.amka <> ''") + " UNION " +
        newest("SELECT rowid, filed_at FROM kase "
               "WHERE surname_el_folded >= ?3 AND surname_el_folded < ?4") +
        " UNION " +
        newest("SELECT rowid, filed_at FROM kase "
               "WHERE surname_latin_folded >= ?3 AND surname_latin_folded < ?4") +
        ") ORDER BY t DESC LIMIT ?5) ORDER BY k.filed_at DESC");
    st.bind(1, protocol).bind(2, exact).bind(3, folded).bind(4, prefixEnd(folded)).bind(5, limit);
    st.bind(6, channelParam(channel));
    return collect(st);
}

std::vector<CaseSummary> CaseStore::withStatus(CaseStatus status, int limit, int offset,
                                               std::optional<CaseChannel> channel) const {
    auto st = db_.prepare(std::string(kSummaryColumns) +
                          "WHERE k.status = ?1 AND (?4 = '' OR k.channel = ?4) "
                          "ORDER BY k.due_date, k.id LIMIT ?2 OFFSET ?3");
    st.bind(1, kep::cases::toString(status)).bind(2, limit).bind(3, offset);
    st.bind(4, channelParam(channel));
    return collect(st);
}

std::vector<CaseSummary> CaseStore::filedBy(const std::string& userId, int limit, int offset,
                                            std::optional<CaseChannel> channel) const {
    auto st = db_.prepare(std::string(kSummaryColumns) +
                          "WHERE k.filed_by = ?1 AND (?4 = '' OR k.channel = ?4) "
                          "ORDER BY k.filed_at DESC LIMIT ?2 OFFSET ?3");
    st.bind(1, userId).bind(2, limit).bind(3, offset);
    st.bind(4, channelParam(channel));
    return collect(st);
}

std::vector<CaseSummary> CaseStore::readyToForward(int limit, int offset,
                                                   std::optional<CaseChannel> channel) const {
    // Two ranges of kase_status (status, due_date, id): approved, and submitted filtered by its
    // approval rule.
    auto st = db_.prepare(std::string(kSummaryColumns) +
                          "WHERE (k.status = ?1 OR (k.status = ?2 AND k.requires_approval = 0)) "
                          "AND (?5 = '' OR k.channel = ?5) "
                          "ORDER BY k.due_date, k.id LIMIT ?3 OFFSET ?4");
    st.bind(1, kep::cases::toString(CaseStatus::Approved))
        .bind(2, kep::cases::toString(CaseStatus::Submitted))
        .bind(3, limit)
        .bind(4, offset)
        .bind(5, channelParam(channel));
    return collect(st);
}

std::int64_t CaseStore::caseCount() const {
    auto st = db_.prepare("SELECT count(*) FROM kase");
    st.step();
    return st.int64(0);
}

}  // namespace kep::desk::cases
