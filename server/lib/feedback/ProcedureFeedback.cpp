#include "feedback/ProcedureFeedback.h"

#include <array>
#include <chrono>
#include <mutex>

namespace kep::server::feedback {

namespace {

constexpr std::array<std::string_view, 4> kKinds{"outdated_fee", "missing_document",
                                                 "wrong_authority", "other"};

constexpr const char* kColumns =
    "SELECT id, procedure_id, kind, text, office_code, user_id, flagged_at, received_at, state, "
    "closed_by, closed_at, close_note FROM procedure_feedback ";

Flag readFlag(kep::db::Statement& row) {
    Flag flag;
    flag.raised = {row.text(0), row.text(1), row.text(2), row.text(3),
                   row.text(4), row.text(5), row.text(6)};
    flag.receivedAt = row.text(7);
    flag.open = row.text(8) == "open";
    flag.closedBy = row.optionalText(9).value_or("");
    flag.closedAt = row.optionalText(10).value_or("");
    flag.closeNote = row.optionalText(11).value_or("");
    return flag;
}

std::optional<Flag> findLocked(kep::db::Database& db, std::string_view id) {
    auto st = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    return readFlag(st);
}

}  // namespace

bool isFeedbackKind(std::string_view kind) {
    for (const auto known : kKinds) {
        if (known == kind) {
            return true;
        }
    }
    return false;
}

std::optional<Flag> ProcedureFeedback::raise(const NewFlag& flag) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction tx(db);
    db.prepare(
          "INSERT INTO procedure_feedback (id, procedure_id, kind, text, office_code, user_id, "
          "flagged_at, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
          "ON CONFLICT (id) DO NOTHING")
        .bind(1, flag.id)
        .bind(2, flag.procedureId)
        .bind(3, flag.kind)
        .bind(4, flag.text)
        .bind(5, flag.officeCode)
        .bind(6, flag.userId)
        .bind(7, flag.flaggedAt)
        .bind(8, storage::isoUtc(std::chrono::system_clock::now()))
        .run();
    auto stored = findLocked(db, flag.id);
    tx.commit();
    if (!stored || stored->raised.procedureId != flag.procedureId ||
        stored->raised.officeCode != flag.officeCode) {
        return std::nullopt;
    }
    return stored;
}

std::optional<Flag> ProcedureFeedback::find(std::string_view id) {
    std::lock_guard lock(store_.mutex());
    return findLocked(store_.database(), id);
}

std::vector<Flag> ProcedureFeedback::list(bool open, std::string_view procedureId, int limit) {
    std::lock_guard lock(store_.mutex());
    auto st = store_.database().prepare(std::string(kColumns) +
                                        "WHERE state = ?1 AND (?2 = '' OR procedure_id = ?2) "
                                        "ORDER BY procedure_id, flagged_at, id LIMIT ?3");
    st.bind(1, open ? "open" : "closed").bind(2, procedureId).bind(3, limit);
    std::vector<Flag> flags;
    while (st.step()) {
        flags.push_back(readFlag(st));
    }
    return flags;
}

bool ProcedureFeedback::close(std::string_view id, std::string_view userId, std::string_view note) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    db.prepare(
          "UPDATE procedure_feedback SET state = 'closed', closed_by = ?2, closed_at = ?3, "
          "close_note = ?4 WHERE id = ?1 AND state = 'open'")
        .bind(1, id)
        .bind(2, userId)
        .bind(3, storage::isoUtc(std::chrono::system_clock::now()))
        .bind(4, note)
        .run();
    return db.changes() > 0;
}

}  // namespace kep::server::feedback
