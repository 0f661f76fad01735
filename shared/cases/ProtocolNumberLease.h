// The desk's pure allocator of protocol numbers: the blocks it holds, the next number of each,
// when to ask the server for more, and its JSON form for the desk store. Never reuses a number.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "shared/cases/ProtocolNumber.h"
#include "shared/cases/ProtocolNumberBlock.h"

namespace kep::cases {

// When a year's stock counts as low: fewer than minimumLeft numbers, or fewer than
// percentOfBlock % of the newest block held for that year. Stock of 0 is always low.
struct LowStockRule {
    std::uint32_t minimumLeft = 25;
    std::uint32_t percentOfBlock = 20;
};

enum class BlockRefusal {
    None,
    WrongOffice,  // "wrong_office": the block is another office's
    BadYear,      // "bad_year": outside ProtocolNumber::kMinYear..kMaxYear
    BadRange,     // "bad_range": first 0, last < first, or last above kMaxSequence
    StaleBlock,   // "stale_block": not above every number this desk has held for that year
};

std::string_view toString(BlockRefusal refusal);

// Thrown by ProtocolNumberLease::fromJson; the message says what is wrong, never a number.
class LeaseFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ProtocolNumberLease {
public:
    struct HeldBlock {
        ProtocolNumberBlock block;
        std::uint32_t next = 0;  // the next number to hand out, first..last
        friend bool operator==(const HeldBlock&, const HeldBlock&) = default;
    };

    explicit ProtocolNumberLease(std::string office, LowStockRule rule = {});

    const std::string& office() const { return office_; }

    // Takes a block the server issued. The server issues an office's numbers in increasing
    // order, so a block must lie above everything this desk ever held for that year: this is
    // what guarantees no reuse even after exhausted blocks are forgotten. A block identical to
    // one still held (a retried lease answer) is accepted and changes nothing.
    BlockRefusal add(const ProtocolNumberBlock& block);

    // The next number for the year of `localDate` (Greek local date of filing), lowest block
    // first; nullopt when this desk holds none for that year.
    std::optional<ProtocolNumber> draw(std::chrono::year_month_day localDate);

    std::uint64_t remaining(int year) const;
    bool isLow(int year) const;

    // The years to ask the server for a block for, today (Greek local date): the current year
    // when its stock is low, and from 1 December the next year when its stock is low (also when
    // it has none yet), so 2 January works offline.
    std::vector<int> yearsToLease(std::chrono::year_month_day today) const;

    // Forgets the unused numbers of years before `year` (they stay unused: a gap in an office's
    // sequence is allowed, a repeat is not).
    void discardYearsBefore(int year);

    const std::vector<HeldBlock>& heldBlocks() const { return held_; }

    // {"format": 1, "office": "0101",
    //  "blocks": [{"year": 2026, "first": 101, "last": 200, "next": 150}],
    //  "highest": [{"year": 2026, "last": 200}]}
    // "highest" is the last number of the highest block ever added, per year.
    std::string toJson() const;
    static ProtocolNumberLease fromJson(std::string_view json, LowStockRule rule = {});

    friend bool operator==(const ProtocolNumberLease& a, const ProtocolNumberLease& b) {
        return a.office_ == b.office_ && a.held_ == b.held_ && a.highest_ == b.highest_;
    }

private:
    std::string office_;
    LowStockRule rule_;
    std::vector<HeldBlock> held_;           // by (year, first); exhausted blocks removed
    std::map<int, std::uint32_t> highest_;  // year -> last number ever held
};

}  // namespace kep::cases
