#include "authorities/InboxCase.h"

#include "attachments/AttachmentRules.h"
#include "shared/cases/CaseFields.h"

#include <boost/json.hpp>

namespace kep::server::authorities {

std::optional<sync::CaseRecord> findInboxCase(kep::db::Database& db, std::string_view caseId,
                                              std::string_view authorityId) {
    if (authorityId.empty()) {
        return std::nullopt;
    }
    auto reached = db.prepare(
        "SELECT 1 FROM sync_entity WHERE entity_type = 'case' AND entity_id = ?1 "
        "AND authority_id = ?2");
    reached.bind(1, caseId).bind(2, authorityId);
    if (!reached.step()) {
        return std::nullopt;
    }
    return sync::findCase(db, caseId);
}

std::vector<CaseDocument> documentsOf(const sync::CaseRecord& record) {
    std::vector<CaseDocument> documents;
    boost::system::error_code error;
    const auto parsed = boost::json::parse(record.field("attachments"), error);
    if (error || !parsed.is_array()) {
        return documents;
    }
    for (const auto& entry : parsed.get_array()) {
        const auto* object = entry.if_object();
        const auto* sha = object ? object->if_contains("sha256") : nullptr;
        if (!sha || !sha->is_string() || !attachments::isSha256Hex(sha->get_string())) {
            continue;
        }
        CaseDocument document{std::string(sha->get_string()), {}, {}};
        if (const auto* type = object->if_contains("media_type"); type && type->is_string()) {
            document.mediaType = type->get_string();
        }
        if (const auto* evidence = object->if_contains("evidence_id");
            evidence && evidence->is_string()) {
            document.evidenceId = evidence->get_string();
        }
        documents.push_back(std::move(document));
    }
    return documents;
}

std::optional<kep::cases::Instant> forwardedAt(
    const std::vector<kep::cases::HistoryEntry>& history) {
    std::optional<kep::cases::Instant> at;
    for (const auto& entry : history) {
        if (entry.to == kep::cases::CaseStatus::Forwarded) {
            at = entry.at;
        }
    }
    return at;
}

}  // namespace kep::server::authorities
