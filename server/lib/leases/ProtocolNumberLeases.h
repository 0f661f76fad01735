// Protocol-number blocks handed to workstations: BlockIssuer's rule over the stored
// per-office-and-year high-water mark, advanced and recorded in one IMMEDIATE transaction.
#pragma once

#include "shared/cases/BlockIssuer.h"
#include "storage/ServerStore.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace kep::server::leases {

// Largest block one request may take: a busy counter's week, not the office's year.
constexpr std::uint32_t kMaxLeaseSize = 1000;

class ProtocolNumberLeases {
public:
    explicit ProtocolNumberLeases(storage::ServerStore& store) : store_(store) {}

    // The next `count` numbers of `office` for `year`, recorded against `deviceId` (empty: the
    // server's own numbering). Returns only after the commit, so a block that was answered is
    // never handed out again — by this process or another on the same database. `today` is
    // the Greek local date (which years are open). Thread-safe (holds the store's lock).
    kep::cases::IssueResult lease(std::string_view office, int year, std::uint32_t count,
                                  std::string_view deviceId, std::chrono::year_month_day today,
                                  std::chrono::system_clock::time_point now);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::leases
