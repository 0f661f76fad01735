#include "catalogue/CatalogueStore.h"

#include "db/Database.h"

#include <boost/json.hpp>

namespace kep::desk::catalogue {

namespace json = boost::json;
using kep::catalogue::Language;
using kep::catalogue::LocalizedText;

namespace {

// The cursor's row: the `catalogue` sync bucket's, which the public changes feed shares (one
// catalogue change sequence numbers both).
constexpr std::string_view kFeed = "catalogue";

json::array pair(const LocalizedText& text) {
    return json::array{json::string(text.el), json::string(text.en)};
}

LocalizedText unpair(const json::value& value) {
    LocalizedText text;
    if (const auto* both = value.if_array(); both != nullptr && both->size() == 2) {
        if (const auto* el = (*both)[0].if_string()) {
            text.el = std::string(*el);
        }
        if (const auto* en = (*both)[1].if_string()) {
            text.en = std::string(*en);
        }
    }
    return text;
}

// The texts CatalogueSearch indexes, compact: [title, official title, description, [alt…]].
std::string searchFields(const kep::catalogue::Procedure& procedure) {
    json::array alternatives;
    for (const LocalizedText& alternative : procedure.alternativeTitles) {
        alternatives.push_back(pair(alternative));
    }
    return json::serialize(json::array{pair(procedure.title), pair(procedure.officialTitle),
                                       pair(procedure.description), std::move(alternatives)});
}

kep::catalogue::Procedure readSearchFields(const std::string& id, const std::string& text) {
    kep::catalogue::Procedure procedure;
    procedure.id = id;
    boost::system::error_code error;
    const json::value value = json::parse(text, error);
    const auto* fields = value.if_array();
    if (error || fields == nullptr || fields->size() != 4) {
        throw RecordFormatError("desk.db: the search fields of procedure " + id + " are damaged");
    }
    procedure.title = unpair((*fields)[0]);
    procedure.officialTitle = unpair((*fields)[1]);
    procedure.description = unpair((*fields)[2]);
    if (const auto* alternatives = (*fields)[3].if_array()) {
        for (const json::value& alternative : *alternatives) {
            procedure.alternativeTitles.push_back(unpair(alternative));
        }
    }
    return procedure;
}

constexpr std::string_view kIndexColumns =
    "SELECT id, version, offered_at_kep, offered_remotely, search_fields "
    "FROM catalogue_procedure";

IndexEntry readIndexEntry(const kep::db::Statement& row) {
    IndexEntry entry;
    entry.version = row.int64(1);
    entry.offeredAtKep = row.int64(2) != 0;
    entry.offeredRemotely = row.int64(3) != 0;
    entry.searched = readSearchFields(row.text(0), row.text(4));
    return entry;
}

}  // namespace

CatalogueStore::CatalogueStore(kep::db::Database& db) : db_(db) {}

std::int64_t CatalogueStore::cursor() const {
    auto statement = db_.prepare("SELECT seq FROM catalogue_cursor WHERE feed = ?1");
    statement.bind(1, kFeed);
    return statement.step() ? statement.int64(0) : 0;
}

std::vector<std::string> CatalogueStore::applyPage(const ChangesPage& page) {
    kep::db::Transaction transaction(db_);
    std::vector<std::string> changed;
    for (const CatalogueChange& change : page.changes) {
        if (apply(change)) {
            changed.push_back(change.id);
        }
    }
    // Never backwards: a page answered by a server restored from an older backup must not make
    // the desk pull everything again into rows that are newer.
    db_.prepare(
           "INSERT INTO catalogue_cursor (feed, seq) VALUES (?1, ?2) "
           "ON CONFLICT (feed) DO UPDATE SET seq = max(seq, excluded.seq)")
        .bind(1, kFeed)
        .bind(2, page.next)
        .run();
    transaction.commit();
    return changed;
}

bool CatalogueStore::apply(const CatalogueChange& change) {
    auto stored = db_.prepare("SELECT version, change_seq FROM catalogue_procedure WHERE id = ?1");
    stored.bind(1, change.id);
    const bool isStored = stored.step();
    const std::int64_t storedVersion = isStored ? stored.int64(0) : 0;
    const std::int64_t storedSeq = isStored ? stored.int64(1) : 0;
    stored.reset();

    if (!change.record) {
        // Removed, or withdrawn from KEPs: off this desk until the server sends it again.
        if (isStored && storedVersion <= change.version) {
            db_.prepare("DELETE FROM catalogue_previous WHERE id = ?1").bind(1, change.id).run();
            db_.prepare("DELETE FROM catalogue_procedure WHERE id = ?1").bind(1, change.id).run();
            return true;
        }
        return false;
    }
    const PublishedRecord& record = *change.record;
    // The same version again carries new KEP-side options when its change is newer; anything
    // else already here is a page fetched twice, or an older answer arriving late.
    if (isStored && (storedVersion > record.version ||
                     (storedVersion == record.version && storedSeq >= record.changeSeq))) {
        return false;
    }
    if (isStored && storedVersion < record.version) {
        db_.prepare(
               "INSERT OR REPLACE INTO catalogue_previous (id, version, content_hash, record) "
               "SELECT id, version, content_hash, record FROM catalogue_procedure WHERE id = ?1")
            .bind(1, record.id)
            .run();
        db_.prepare(
               "DELETE FROM catalogue_previous WHERE id = ?1 AND version NOT IN ("
               "SELECT version FROM catalogue_previous WHERE id = ?1 "
               "ORDER BY version DESC LIMIT ?2)")
            .bind(1, record.id)
            .bind(2, kKeptPreviousVersions)
            .run();
    }
    const auto& procedure = record.procedure;
    auto upsert = db_.prepare(
        "INSERT INTO catalogue_procedure (id, version, content_hash, change_seq, title_el, "
        "title_en, requires_approval, competent_authority_id, offered_at_kep, offered_remotely, "
        "search_fields, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
        "content_hash = excluded.content_hash, change_seq = excluded.change_seq, "
        "title_el = excluded.title_el, title_en = excluded.title_en, "
        "requires_approval = excluded.requires_approval, "
        "competent_authority_id = excluded.competent_authority_id, "
        "offered_at_kep = excluded.offered_at_kep, offered_remotely = excluded.offered_remotely, "
        "search_fields = excluded.search_fields, record = excluded.record");
    upsert.bind(1, record.id)
        .bind(2, record.version)
        .bind(3, record.contentHash)
        .bind(4, record.changeSeq)
        .bind(5, procedure.displayTitle(Language::El))
        .bind(6, procedure.displayTitle(Language::En))
        .bind(7, record.kep.requiresApproval ? 1 : 0)
        .bind(9, record.kep.offeredAtKep ? 1 : 0)
        .bind(10, procedure.offeredRemotely() ? 1 : 0)
        .bind(11, searchFields(procedure))
        .bind(12, change.recordJson);
    if (record.kep.competentAuthorityId.empty()) {
        upsert.bindNull(8);
    } else {
        upsert.bind(8, record.kep.competentAuthorityId);
    }
    upsert.run();
    return true;
}

std::vector<IndexEntry> CatalogueStore::indexEntries() const {
    auto statement = db_.prepare(kIndexColumns);
    std::vector<IndexEntry> entries;
    while (statement.step()) {
        entries.push_back(readIndexEntry(statement));
    }
    return entries;
}

std::optional<IndexEntry> CatalogueStore::indexEntry(std::string_view id) const {
    auto statement = db_.prepare(std::string(kIndexColumns) + " WHERE id = ?1");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readIndexEntry(statement);
}

std::optional<PublishedRecord> CatalogueStore::current(std::string_view id) const {
    auto statement = db_.prepare("SELECT record FROM catalogue_procedure WHERE id = ?1");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readPublishedRecord(statement.text(0));
}

std::optional<PublishedRecord> CatalogueStore::previous(std::string_view id) const {
    auto statement = db_.prepare(
        "SELECT record FROM catalogue_previous WHERE id = ?1 ORDER BY version DESC LIMIT 1");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readPublishedRecord(statement.text(0));
}

std::vector<std::int64_t> CatalogueStore::previousVersions(std::string_view id) const {
    auto statement =
        db_.prepare("SELECT version FROM catalogue_previous WHERE id = ?1 ORDER BY version DESC");
    statement.bind(1, id);
    std::vector<std::int64_t> versions;
    while (statement.step()) {
        versions.push_back(statement.int64(0));
    }
    return versions;
}

std::optional<std::int64_t> CatalogueStore::viewedVersion(std::string_view id) const {
    auto statement = db_.prepare("SELECT viewed_version FROM catalogue_procedure WHERE id = ?1");
    statement.bind(1, id);
    return statement.step() ? statement.optionalInt64(0) : std::nullopt;
}

void CatalogueStore::markViewed(std::string_view id, std::int64_t version) {
    db_.prepare("UPDATE catalogue_procedure SET viewed_version = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, version)
        .run();
}

std::size_t CatalogueStore::count() const {
    auto statement = db_.prepare("SELECT count(*) FROM catalogue_procedure");
    statement.step();
    return static_cast<std::size_t>(statement.int64(0));
}

}  // namespace kep::desk::catalogue
