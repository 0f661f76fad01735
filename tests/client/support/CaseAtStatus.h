// A case filed at the counter and then moved, as a pull from the server would move it, to a
// later status: where the tests of the counter's steps (documents, pickup, hand-over) start.
#pragma once

#include "cases/CaseStore.h"
#include "shared/domain/TaxId.h"
#include "sync/CaseReplica.h"

#include <QtGlobal>

#include <string>
#include <string_view>

namespace kep::desk::test {

// Tuesday 10 March 2026, 10:00 UTC.
inline const kep::cases::Instant kCounterNow{
    std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} + std::chrono::hours{10}};

// Files a synthetic citizen's case (ΑΦΜ from `seed`; procedure 900012, no approval) as clerk
// user-clerk-1 of office 0101 and, unless `status` is submitted, writes `status` at `version`
// into desk.db as the server's change would. "" when the filing is refused.
inline std::string caseAtStatus(kep::desk::cases::CaseStore& store, kep::db::Database& db, int seed,
                                std::string_view status, std::int64_t version) {
    kep::desk::cases::CaseFiling f;
    f.procedureId = "900012";
    f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
    f.requiresApproval = false;
    f.citizen.person.afm = kep::domain::SyntheticTaxIds(std::uint64_t(seed)).afm();
    f.citizen.person.surnameEl = "Παπαδοπούλου";
    f.citizen.person.givenNameEl = "Ελένη";
    f.dueDate = std::chrono::year{2026} / 3 / 20;
    const auto filed = store.file(f, {"user-clerk-1", kep::cases::ActorRole::Clerk}, kCounterNow);
    if (!filed.ok()) {
        qWarning("filing refused: %s", filed.message.c_str());
        return {};
    }
    const std::string id = filed.filed->id;
    if (status != "submitted") {
        kep::desk::sync::writeCase(db, {id, "0101", {{"status", std::string(status)}}, version},
                                   kCounterNow);
    }
    return id;
}

}  // namespace kep::desk::test
