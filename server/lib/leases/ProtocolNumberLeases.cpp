#include "leases/ProtocolNumberLeases.h"

#include "db/Database.h"
#include "shared/domain/Uuid.h"

#include <mutex>

namespace kep::server::leases {

kep::cases::IssueResult ProtocolNumberLeases::lease(std::string_view office, int year,
                                                    std::uint32_t count, std::string_view deviceId,
                                                    std::chrono::year_month_day today,
                                                    std::chrono::system_clock::time_point now) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    // IMMEDIATE: the write lock is taken before the mark is read, so two processes cannot both
    // read the same mark and cut the same block.
    kep::db::Transaction tx(db);
    auto read = db.prepare(
        "SELECT high_water FROM protocol_sequences WHERE office_code = ?1 AND year = ?2");
    read.bind(1, office).bind(2, year);
    const std::uint32_t mark = read.step() ? static_cast<std::uint32_t>(read.int64(0)) : 0;

    auto result = kep::cases::BlockIssuer(kMaxLeaseSize).issue(office, year, mark, count, today);
    if (!result.ok()) {
        return result;  // the transaction rolls back: nothing was written
    }
    const auto& block = *result.block;
    db.prepare(
          "INSERT INTO protocol_sequences (office_code, year, high_water) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (office_code, year) DO UPDATE SET high_water = excluded.high_water")
        .bind(1, office)
        .bind(2, year)
        .bind(3, static_cast<std::int64_t>(block.last))
        .run();
    auto record = db.prepare(
        "INSERT INTO protocol_leases (id, office_code, year, first, last, device_id, leased_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    record.bind(1, kep::domain::newUuidV7().toString())
        .bind(2, office)
        .bind(3, year)
        .bind(4, static_cast<std::int64_t>(block.first))
        .bind(5, static_cast<std::int64_t>(block.last));
    if (deviceId.empty()) {
        record.bindNull(6);
    } else {
        record.bind(6, deviceId);
    }
    record.bind(7, storage::isoUtc(now)).run();
    tx.commit();  // durable (synchronous=FULL) before the caller may answer
    return result;
}

}  // namespace kep::server::leases
