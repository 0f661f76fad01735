// The versioned procedure catalogue in kep-server's database: drafts made by imports, published
// versions, the KEP-side options and the change sequence desks pull deltas by (0004_catalogue.sql).
#pragma once

#include "db/Database.h"
#include "shared/catalogue/Procedure.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::catalogue {

struct StoredVersion {
    std::string procedureId;
    std::int64_t version = 0;
    std::string contentHash;
    std::string canonicalJson;  // {"el":…,"en":…,"id":…} (CanonicalForm.h)
    std::string titleEl;
    std::string titleEn;
    std::string importedAt;
    std::optional<std::string> publishedAt;  // empty for a draft
};

// What MITOS does not hold and the central administration decides per procedure.
struct KepOptions {
    bool requiresApproval = true;  // the office manager approves before forwarding
    std::optional<std::string> competentAuthorityId;  // empty: the register's org_owner
    bool offeredAtKep = true;
};

// A change to some of the options; unset members stay as they are.
struct KepOptionsChange {
    std::optional<bool> requiresApproval;
    std::optional<std::string> competentAuthorityId;
    std::optional<bool> offeredAtKep;
};

// A procedure as desks see it: its published version, its options, and the sequence number of
// its last publication or option change.
struct PublishedProcedure {
    StoredVersion version;
    KepOptions options;
    std::int64_t changeSeq = 0;
};

enum class DraftOutcome {
    Created,    // a new draft (a new procedure, or a change to the published version)
    Updated,    // the existing draft now holds other content
    Unchanged,  // the same content as the draft, or as the published version without a draft
    Reverted,   // the draft was dropped: the import brought back the published content
};

struct PublishResult {
    std::size_t published = 0;
    std::int64_t lastSeq = 0;  // the catalogue sequence after publishing
};

// All methods run on the caller's connection and thread; the caller opens the transaction that
// makes a batch all-or-nothing (kep::db::Transaction). Throws kep::db::Error.
class CatalogueStore {
public:
    explicit CatalogueStore(kep::db::Database& db) : db_(db) {}

    std::optional<StoredVersion> draft(std::string_view id);
    std::optional<StoredVersion> published(std::string_view id);
    // The draft when there is one, else the published version.
    std::optional<StoredVersion> latest(std::string_view id);

    // Saves `procedure` (documents and id set, CanonicalForm.h) as the procedure's draft unless
    // its content hash equals the draft's, or the published version's when there is no draft.
    DraftOutcome saveDraft(const kep::catalogue::Procedure& procedure, std::string_view now);

    // Ids of the procedures that have a draft, in id order.
    std::vector<std::string> draftIds();
    // Publishes every draft: each procedure gets the next sequence number.
    PublishResult publishDrafts(std::string_view now);
    // Publishes the drafts of these procedures, in this order; an id without a draft is skipped
    // (CataloguePublication.h refuses those before anything is written).
    PublishResult publishDrafts(const std::vector<std::string>& ids, std::string_view now);

    // Every version of a procedure, oldest first (the draft last); empty for an unknown id.
    std::vector<StoredVersion> history(std::string_view id);

    // False for an unknown procedure. A published procedure gets the next sequence number, so
    // that desks pull the new options.
    bool changeOptions(std::string_view id, const KepOptionsChange& change);
    std::optional<KepOptions> options(std::string_view id);

    // The last sequence number handed out (0 before any publication).
    std::int64_t changeSequence();

    // Published procedures with changeSeq > since, in sequence order, at most `limit`.
    std::vector<PublishedProcedure> publishedSince(std::int64_t since, std::size_t limit);
    std::optional<PublishedProcedure> publishedProcedure(std::string_view id);

private:
    std::int64_t nextSequence();

    kep::db::Database& db_;
};

}  // namespace kep::server::catalogue
