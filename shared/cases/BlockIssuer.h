// The server's side of protocol-number leasing: given the office sequence's high-water mark
// for a year, the next block to hand out. Pure: the server stores the new mark, durably, itself.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "shared/cases/ProtocolNumberBlock.h"

namespace kep::cases {

enum class IssueRefusal {
    None,
    BadOfficeCode,      // "bad_office_code"
    YearNotOpen,        // "year_not_open": not the current year, nor (from 1 December) the next
    BadSize,            // "bad_size": 0 or above the issuer's maximum
    SequenceExhausted,  // "sequence_exhausted": the block would pass ProtocolNumber::kMaxSequence
};

std::string_view toString(IssueRefusal refusal);

struct IssueResult {
    IssueRefusal refusal = IssueRefusal::None;
    std::optional<ProtocolNumberBlock> block;

    bool ok() const { return block.has_value(); }
    std::string_view code() const { return toString(refusal); }
};

class BlockIssuer {
public:
    static constexpr std::uint32_t kDefaultMaxBlockSize = 10'000;

    explicit BlockIssuer(std::uint32_t maxBlockSize = kDefaultMaxBlockSize)
        : maxBlockSize_(maxBlockSize) {}

    // The current year is always open; from 1 December the next one is too, so that a desk
    // can number applications on 2 January before it has been online. `today` is Greek local.
    static bool isYearOpen(int year, std::chrono::year_month_day today);

    // The block {mark + 1 .. mark + size}, where highWaterMark is the last number the office's
    // sequence has issued for that year (0 when none). The server then stores block.last as the
    // new mark in the transaction that records the lease, and answers only after it commits.
    // Numbers the server gives online applications itself are blocks of size 1 from the same
    // mark, so the two never collide.
    IssueResult issue(std::string_view office, int year, std::uint32_t highWaterMark,
                      std::uint32_t size, std::chrono::year_month_day today) const;

private:
    std::uint32_t maxBlockSize_;
};

}  // namespace kep::cases
