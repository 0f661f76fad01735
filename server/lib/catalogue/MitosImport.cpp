#include "catalogue/MitosImport.h"

#include "catalogue/StoredProcedure.h"
#include "storage/ServerStore.h"

#include <chrono>

namespace kep::server::catalogue {

ImportTally& ImportTally::operator+=(const ImportTally& other) {
    imported += other.imported;
    unchanged += other.unchanged;
    rejected += other.rejected;
    return *this;
}

kep::catalogue::Rejection rejectionOf(std::string id, std::string reason) {
    kep::catalogue::Rejection rejection;
    rejection.at.id = std::move(id);
    rejection.reason = std::move(reason);
    return rejection;
}

std::string describeRejection(std::string_view source, const kep::catalogue::Rejection& rejection) {
    std::string text(source);
    if (rejection.at.line > 0) {
        text += ":" + std::to_string(rejection.at.line);
    }
    text += rejection.at.id.empty() ? ": record without id" : ": record " + rejection.at.id;
    return text + ": " + rejection.reason;
}

ImportTally MitosImporter::importInput(std::string_view source, std::string_view bytes,
                                       kep::catalogue::Language language) {
    auto parsed = kep::catalogue::parseMitos(bytes, language);
    ImportTally tally;
    tally.rejected = parsed.rejections.size();
    if (observer_.rejected) {
        for (const auto& rejection : parsed.rejections) {
            observer_.rejected(source, rejection);
        }
    }

    const auto now = storage::isoUtc(std::chrono::system_clock::now());
    CatalogueStore store(db_);
    kep::db::Transaction transaction(db_);
    const std::size_t total = parsed.procedures.size();
    std::size_t done = 0;
    for (auto& procedure : parsed.procedures) {
        const auto latest = store.latest(procedure.id);
        const auto draft = withOtherLanguageOf(
            std::move(procedure), language,
            latest ? std::optional<std::string_view>(latest->canonicalJson) : std::nullopt);
        switch (store.saveDraft(draft, now)) {
            case DraftOutcome::Created:
            case DraftOutcome::Updated:
            case DraftOutcome::Reverted:
                ++tally.imported;
                break;
            case DraftOutcome::Unchanged:
                ++tally.unchanged;
                break;
        }
        if (observer_.progress) {
            observer_.progress(source, ++done, total);
        }
    }
    transaction.commit();
    return tally;
}

}  // namespace kep::server::catalogue
