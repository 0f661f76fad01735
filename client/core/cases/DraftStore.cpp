#include "cases/DraftStore.h"

namespace kep::desk::cases {

void DraftStore::save(const Draft& draft) {
    db_.prepare(
           "INSERT INTO case_draft (id, user_id, content, saved_at) VALUES (?1, ?2, ?3, ?4) "
           "ON CONFLICT (id) DO UPDATE SET content = excluded.content, "
           "saved_at = excluded.saved_at")
        .bind(1, draft.id)
        .bind(2, draft.userId)
        .bind(3, draft.content)
        .bind(4, draft.savedAtMs)
        .run();
}

std::vector<Draft> DraftStore::draftsOf(const std::string& userId) const {
    auto st = db_.prepare(
        "SELECT id, user_id, content, saved_at FROM case_draft "
        "WHERE user_id = ?1 ORDER BY saved_at DESC");
    st.bind(1, userId);
    std::vector<Draft> drafts;
    while (st.step()) {
        drafts.push_back({st.text(0), st.text(1), st.text(2), st.int64(3)});
    }
    return drafts;
}

std::optional<Draft> DraftStore::latestOf(const std::string& userId) const {
    auto drafts = draftsOf(userId);
    if (drafts.empty()) {
        return std::nullopt;
    }
    return drafts.front();
}

void DraftStore::remove(const std::string& id) {
    db_.prepare("DELETE FROM case_draft WHERE id = ?1").bind(1, id).run();
}

}  // namespace kep::desk::cases
