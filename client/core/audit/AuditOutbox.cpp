#include "audit/AuditOutbox.h"

namespace kep::desk::audit {

using kep::audit::AuditEntry;

void AuditOutbox::add(const AuditEntry& entry) {
    db_.prepare(
           "INSERT INTO audit_outbox (entry_id, at, actor_kind, actor_id, role, office, "
           "workstation, action, record_type, record_id, purpose, outcome) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .bind(1, entry.entryId)
        .bind(2, entry.at)
        .bind(3, entry.actorKind)
        .bind(4, entry.actorId)
        .bind(5, entry.role)
        .bind(6, entry.office)
        .bind(7, entry.workstation)
        .bind(8, entry.action)
        .bind(9, entry.recordType)
        .bind(10, entry.recordId)
        .bind(11, entry.purpose)
        .bind(12, entry.outcome)
        .run();
}

std::vector<AuditEntry> AuditOutbox::oldest(std::size_t limit) const {
    auto st = db_.prepare(
        "SELECT entry_id, at, actor_kind, actor_id, role, office, workstation, action, "
        "record_type, record_id, purpose, outcome FROM audit_outbox ORDER BY entry_no LIMIT ?1");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> entries;
    while (st.step()) {
        entries.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                           st.text(6), st.text(7), st.text(8), st.text(9), st.text(10),
                           st.text(11)});
    }
    return entries;
}

std::size_t AuditOutbox::count() const {
    auto st = db_.prepare("SELECT count(*) FROM audit_outbox");
    st.step();
    return static_cast<std::size_t>(st.int64(0));
}

void AuditOutbox::remove(std::span<const AuditEntry> entries) {
    kep::db::Transaction tx(db_);
    auto st = db_.prepare("DELETE FROM audit_outbox WHERE entry_id = ?1");
    for (const AuditEntry& entry : entries) {
        st.bind(1, entry.entryId).run();
    }
    tx.commit();
}

}  // namespace kep::desk::audit
