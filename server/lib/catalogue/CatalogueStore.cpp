#include "catalogue/CatalogueStore.h"

#include "shared/catalogue/CanonicalForm.h"
#include "shared/catalogue/LocalizedText.h"

namespace kep::server::catalogue {

namespace {

using kep::catalogue::Language;

constexpr std::string_view kVersionColumns =
    "v.procedure_id, v.version, v.content_hash, v.canonical_json, v.title_el, v.title_en, "
    "v.imported_at, v.published_at";

// Reads kVersionColumns starting at `first`.
StoredVersion readVersion(const kep::db::Statement& row, int first = 0) {
    return StoredVersion{.procedureId = row.text(first),
                         .version = row.int64(first + 1),
                         .contentHash = row.text(first + 2),
                         .canonicalJson = row.text(first + 3),
                         .titleEl = row.text(first + 4),
                         .titleEn = row.text(first + 5),
                         .importedAt = row.text(first + 6),
                         .publishedAt = row.optionalText(first + 7)};
}

constexpr std::string_view kPublishedColumns =
    "p.requires_approval, p.competent_authority_id, p.offered_at_kep, p.change_seq";

PublishedProcedure readPublished(const kep::db::Statement& row) {
    PublishedProcedure procedure;
    procedure.version = readVersion(row);
    procedure.options.requiresApproval = row.int64(8) != 0;
    procedure.options.competentAuthorityId = row.optionalText(9);
    procedure.options.offeredAtKep = row.int64(10) != 0;
    procedure.changeSeq = row.int64(11);
    return procedure;
}

std::string publishedQuery(std::string_view where) {
    return "SELECT " + std::string(kVersionColumns) + ", " + std::string(kPublishedColumns) +
           " FROM catalogue_procedures p JOIN catalogue_versions v"
           " ON v.procedure_id = p.id AND v.version = p.published_version " +
           std::string(where);
}

}  // namespace

std::optional<StoredVersion> CatalogueStore::draft(std::string_view id) {
    auto statement = db_.prepare("SELECT " + std::string(kVersionColumns) +
                                 " FROM catalogue_versions v"
                                 " WHERE v.procedure_id = ? AND v.published_at IS NULL");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readVersion(statement);
}

std::optional<StoredVersion> CatalogueStore::published(std::string_view id) {
    auto statement = db_.prepare("SELECT " + std::string(kVersionColumns) +
                                 " FROM catalogue_procedures p JOIN catalogue_versions v"
                                 " ON v.procedure_id = p.id AND v.version = p.published_version"
                                 " WHERE p.id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readVersion(statement);
}

std::optional<StoredVersion> CatalogueStore::latest(std::string_view id) {
    if (auto pending = draft(id)) {
        return pending;
    }
    return published(id);
}

DraftOutcome CatalogueStore::saveDraft(const kep::catalogue::Procedure& procedure,
                                       std::string_view now) {
    const auto canonical = kep::catalogue::canonicalJson(procedure);
    const auto hash = kep::catalogue::sha256Hex(canonical);
    // Hashes only: the documents themselves need not be read to know whether they changed.
    std::optional<std::string> pending;
    std::optional<std::string> current;
    auto hashes = db_.prepare(
        "SELECT v.content_hash, CASE WHEN v.published_at IS NULL THEN 1 ELSE 0 END "
        "FROM catalogue_versions v "
        "LEFT JOIN catalogue_procedures p ON p.id = v.procedure_id "
        "WHERE v.procedure_id = ? AND (v.published_at IS NULL OR v.version = p.published_version)");
    hashes.bind(1, procedure.id);
    while (hashes.step()) {
        (hashes.int64(1) != 0 ? pending : current) = hashes.text(0);
    }

    if (pending && *pending == hash) {
        return DraftOutcome::Unchanged;
    }
    if (current && *current == hash) {
        if (!pending) {
            return DraftOutcome::Unchanged;
        }
        db_.prepare(
               "DELETE FROM catalogue_versions WHERE procedure_id = ? AND published_at IS NULL")
            .bind(1, procedure.id)
            .run();
        return DraftOutcome::Reverted;
    }

    const auto& titleEl = procedure.displayTitle(Language::El);
    const auto& titleEn = procedure.displayTitle(Language::En);
    if (pending) {
        db_.prepare(
               "UPDATE catalogue_versions SET content_hash = ?, canonical_json = ?, title_el = ?, "
               "title_en = ?, imported_at = ? WHERE procedure_id = ? AND published_at IS NULL")
            .bind(1, hash)
            .bind(2, canonical)
            .bind(3, titleEl)
            .bind(4, titleEn)
            .bind(5, now)
            .bind(6, procedure.id)
            .run();
        return DraftOutcome::Updated;
    }

    db_.prepare(
           "INSERT INTO catalogue_procedures (id, created_at) VALUES (?, ?) "
           "ON CONFLICT (id) DO NOTHING")
        .bind(1, procedure.id)
        .bind(2, now)
        .run();
    db_.prepare(
           "INSERT INTO catalogue_versions (procedure_id, version, content_hash, canonical_json, "
           "title_el, title_en, imported_at) VALUES (?1, (SELECT coalesce(max(version), 0) + 1 "
           "FROM catalogue_versions WHERE procedure_id = ?1), ?2, ?3, ?4, ?5, ?6)")
        .bind(1, procedure.id)
        .bind(2, hash)
        .bind(3, canonical)
        .bind(4, titleEl)
        .bind(5, titleEn)
        .bind(6, now)
        .run();
    return DraftOutcome::Created;
}

std::vector<std::string> CatalogueStore::draftIds() {
    auto statement = db_.prepare(
        "SELECT procedure_id FROM catalogue_versions WHERE published_at IS NULL "
        "ORDER BY procedure_id");
    std::vector<std::string> ids;
    while (statement.step()) {
        ids.push_back(statement.text(0));
    }
    return ids;
}

std::int64_t CatalogueStore::changeSequence() {
    auto statement = db_.prepare("SELECT last_seq FROM catalogue_sequence WHERE id = 1");
    return statement.step() ? statement.int64(0) : 0;
}

std::int64_t CatalogueStore::nextSequence() {
    db_.prepare("UPDATE catalogue_sequence SET last_seq = last_seq + 1 WHERE id = 1").run();
    return changeSequence();
}

PublishResult CatalogueStore::publishDrafts(std::string_view now) {
    return publishDrafts(draftIds(), now);
}

PublishResult CatalogueStore::publishDrafts(const std::vector<std::string>& ids,
                                            std::string_view now) {
    PublishResult result;
    auto draftVersion = db_.prepare(
        "SELECT version FROM catalogue_versions WHERE procedure_id = ? AND published_at IS NULL");
    auto markPublished = db_.prepare(
        "UPDATE catalogue_versions SET published_at = ? WHERE procedure_id = ? AND version = ?");
    auto point = db_.prepare(
        "UPDATE catalogue_procedures SET published_version = ?, change_seq = ? WHERE id = ?");
    auto advance =
        db_.prepare("UPDATE catalogue_sequence SET last_seq = last_seq + 1 WHERE id = 1");
    std::int64_t seq = changeSequence();
    for (const auto& id : ids) {
        draftVersion.bind(1, id);
        const bool hasDraft = draftVersion.step();
        const std::int64_t version = hasDraft ? draftVersion.int64(0) : 0;
        draftVersion.reset();
        if (!hasDraft) {
            continue;
        }
        advance.run();
        ++seq;
        markPublished.bind(1, now).bind(2, id).bind(3, version).run();
        point.bind(1, version).bind(2, seq).bind(3, id).run();
        ++result.published;
    }
    result.lastSeq = seq;
    return result;
}

std::vector<StoredVersion> CatalogueStore::history(std::string_view id) {
    auto statement = db_.prepare("SELECT " + std::string(kVersionColumns) +
                                 " FROM catalogue_versions v WHERE v.procedure_id = ?"
                                 " ORDER BY v.version");
    statement.bind(1, id);
    std::vector<StoredVersion> versions;
    while (statement.step()) {
        versions.push_back(readVersion(statement));
    }
    return versions;
}

std::optional<KepOptions> CatalogueStore::options(std::string_view id) {
    auto statement = db_.prepare(
        "SELECT requires_approval, competent_authority_id, offered_at_kep "
        "FROM catalogue_procedures WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return KepOptions{.requiresApproval = statement.int64(0) != 0,
                      .competentAuthorityId = statement.optionalText(1),
                      .offeredAtKep = statement.int64(2) != 0};
}

bool CatalogueStore::changeOptions(std::string_view id, const KepOptionsChange& change) {
    auto current = options(id);
    if (!current) {
        return false;
    }
    if (change.requiresApproval) {
        current->requiresApproval = *change.requiresApproval;
    }
    if (change.competentAuthorityId) {
        current->competentAuthorityId =
            change.competentAuthorityId->empty() ? std::nullopt : change.competentAuthorityId;
    }
    if (change.offeredAtKep) {
        current->offeredAtKep = *change.offeredAtKep;
    }
    db_.prepare(
           "UPDATE catalogue_procedures SET requires_approval = ?, competent_authority_id = ?, "
           "offered_at_kep = ? WHERE id = ?")
        .bind(1, current->requiresApproval ? 1 : 0)
        .bind(2, current->competentAuthorityId)
        .bind(3, current->offeredAtKep ? 1 : 0)
        .bind(4, id)
        .run();
    // A procedure desks have never seen needs no delta: its first publication carries them.
    auto isPublished = db_.prepare(
        "SELECT 1 FROM catalogue_procedures WHERE id = ? AND published_version "
        "IS NOT NULL");
    isPublished.bind(1, id);
    if (isPublished.step()) {
        const auto seq = nextSequence();
        db_.prepare("UPDATE catalogue_procedures SET change_seq = ? WHERE id = ?")
            .bind(1, seq)
            .bind(2, id)
            .run();
    }
    return true;
}

std::vector<PublishedProcedure> CatalogueStore::publishedSince(std::int64_t since,
                                                               std::size_t limit) {
    auto statement =
        db_.prepare(publishedQuery("WHERE p.change_seq > ? ORDER BY p.change_seq LIMIT ?"));
    statement.bind(1, since).bind(2, static_cast<std::int64_t>(limit));
    std::vector<PublishedProcedure> procedures;
    while (statement.step()) {
        procedures.push_back(readPublished(statement));
    }
    return procedures;
}

std::optional<PublishedProcedure> CatalogueStore::publishedProcedure(std::string_view id) {
    auto statement = db_.prepare(publishedQuery("WHERE p.id = ?"));
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readPublished(statement);
}

}  // namespace kep::server::catalogue
