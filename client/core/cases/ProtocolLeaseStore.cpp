#include "cases/ProtocolLeaseStore.h"

namespace kep::desk::cases {

kep::cases::ProtocolNumberLease ProtocolLeaseStore::load() const {
    auto st = db_.prepare("SELECT lease FROM protocol_lease WHERE office = ?1");
    st.bind(1, office_);
    if (!st.step()) {
        return kep::cases::ProtocolNumberLease(office_);
    }
    return kep::cases::ProtocolNumberLease::fromJson(st.text(0));
}

void ProtocolLeaseStore::save(const kep::cases::ProtocolNumberLease& lease) {
    db_.prepare(
           "INSERT INTO protocol_lease (office, lease) VALUES (?1, ?2) "
           "ON CONFLICT (office) DO UPDATE SET lease = excluded.lease")
        .bind(1, office_)
        .bind(2, lease.toJson())
        .run();
}

kep::cases::BlockRefusal ProtocolLeaseStore::addBlock(
    const kep::cases::ProtocolNumberBlock& block) {
    kep::db::Transaction tx(db_);
    auto lease = load();
    const auto refusal = lease.add(block);
    if (refusal == kep::cases::BlockRefusal::None) {
        save(lease);
        tx.commit();
    }
    return refusal;
}

}  // namespace kep::desk::cases
