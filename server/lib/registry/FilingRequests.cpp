#include "registry/FilingRequests.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/StoredProcedure.h"
#include "shared/cases/CaseFields.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/CaseRecords.h"

#include <charconv>

namespace kep::server::registry {

namespace {

namespace fields = kep::cases::fields;

// The catalogue version the case was filed under: written by the desk (and by online intake)
// at filing, not one of CaseFields.h's shared names.
constexpr std::string_view kCatalogueVersion = "catalogue_version";

// Enough for every procedure of the register at a few versions each.
constexpr std::size_t kPinnedVersionsKept = 4096;

std::optional<std::int64_t> versionNumber(const std::string& text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [rest, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || rest != end || value < 1) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

bool filesTheCase(const jobs::CaseChange& change) {
    const auto status = change.fields.find(std::string{kep::sync::case_fields::kStatus});
    if (status == change.fields.end()) {
        return false;
    }
    const auto parsed = kep::cases::caseStatusFromString(status->second);
    return parsed == kep::cases::CaseStatus::Submitted ||
           parsed == kep::cases::CaseStatus::PendingApproval;
}

FilingRequests::FilingRequests(kep::db::Database& db, Clock now)
    : db_(db)
    , now_(std::move(now))
    , requests_(db) {}

std::vector<ExOfficioDocument> FilingRequests::documentsOf(const std::string& procedureId,
                                                           const std::string& catalogueVersion) {
    catalogue::CatalogueStore store(db_);
    const auto pinned = versionNumber(catalogueVersion);
    if (pinned) {
        const auto key = std::make_pair(procedureId, *pinned);
        if (const auto it = pinned_.find(key); it != pinned_.end()) {
            return it->second;
        }
        for (const auto& version : store.history(procedureId)) {
            if (version.version == *pinned && version.publishedAt) {
                if (pinned_.size() >= kPinnedVersionsKept) {
                    pinned_.clear();
                }
                return pinned_[key] =
                           exOfficioDocuments(catalogue::restoreProcedure(version.canonicalJson));
            }
        }
    }
    const auto published = store.published(procedureId);
    return published ? exOfficioDocuments(catalogue::restoreProcedure(published->canonicalJson))
                     : std::vector<ExOfficioDocument>{};
}

std::size_t FilingRequests::onChange(const jobs::CaseChange& change) {
    if (!filesTheCase(change)) {
        return 0;
    }
    // The case as it is now (a later change may be in the log already): the same connection
    // and transaction as the cursor's.
    const auto record = sync::findCase(db_, change.caseId);
    if (!record) {
        return 0;
    }
    const std::string& procedureId = record->field(fields::kProcedureId);
    if (procedureId.empty()) {
        return 0;
    }
    const auto needed =
        documentsToRequest(documentsOf(procedureId, record->field(kCatalogueVersion)),
                           record->field(fields::kEvidence));
    std::size_t queued = 0;
    const Instant now = now_();
    for (const auto& document : needed) {
        const CaseDocument subject{record->id, record->officeCode,
                                   record->field(fields::kProtocolNumber), procedureId, document};
        if (requests_.enqueue(subject, ids_.next().toString(), change.seq, now)) {
            ++queued;
        }
    }
    return queued;
}

}  // namespace kep::server::registry
