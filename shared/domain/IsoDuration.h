// Durations in the ISO 8601 form the MITOS catalogue uses for procedure deadlines (P5D, P2M,
// PT48H, P1Y2M10D, P2W, PT30M): parsing with a reason on rejection, applying, printing.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::domain {

enum class DurationError {
    None,
    Empty,              // ""
    MissingP,           // "5D": must start with 'P'
    NoComponents,       // "P"
    EmptyTimePart,      // "PT", "P1DT"
    MissingNumber,      // "PD", "PTM"
    MissingDesignator,  // "P5", "PT5"
    UnknownDesignator,  // "P5X", "P5H" (H belongs after T), "PT5D", lowercase "p5d"
    OutOfOrder,         // "P5D2M", "P1D1D", "PT5M2H"
    Negative,           // "-P5D", "P-5D"
    Fraction,           // "PT0.5H", "P1,5D": not used by MITOS, rejected rather than rounded
    Overflow,           // a number above its unit's limit (see IsoDuration)
};

std::string_view durationErrorMessage(DurationError error);

struct IsoDuration {
    // Limits per unit: Y 9 999, M 99 999, W 99 999, D 99 999, H 999 999, M 9 999 999,
    // S 99 999 999 — far beyond any deadline, and small enough that applying the largest
    // duration to any date up to year 9999 stays within std::chrono::year's range.

    std::uint32_t years = 0;
    std::uint32_t months = 0;
    std::uint32_t weeks = 0;
    std::uint32_t days = 0;
    std::uint32_t hours = 0;
    std::uint32_t minutes = 0;
    std::uint32_t seconds = 0;

    struct Parsed;
    // Grammar: P [nY] [nM] [nW] [nD] [T [nH] [nM] [nS]], at least one component, each n a
    // non-negative integer, designators uppercase and in this order, each at most once. Weeks
    // may be combined with the other components (ISO 8601-1:2019 allows it).
    static Parsed parse(std::string_view text);

    // Canonical text: the non-zero components in grammar order, no carrying between units
    // (PT48H stays PT48H: a day is not always 24 hours, a month never a fixed number of days);
    // an all-zero duration is "P0D".
    std::string toString() const;

    // Applies years and months first, as calendar units that clamp to the end of the month
    // (31 Jan + P1M = 28 or 29 Feb), then weeks and days, then the time part in whole days
    // (floor of its length / 24 h; PT48H = 2 days, PT30M = 0) since a date has no time of day.
    std::chrono::year_month_day addTo(std::chrono::year_month_day date) const;
    // The same on an instant: calendar part on the UTC date, then days, then the exact time part.
    std::chrono::sys_seconds addTo(std::chrono::sys_seconds instant) const;

    std::chrono::seconds timePart() const;

    friend bool operator==(const IsoDuration&, const IsoDuration&) = default;
};

struct IsoDuration::Parsed {
    std::optional<IsoDuration> duration;
    DurationError error = DurationError::None;
    std::size_t errorOffset = 0;  // index of the offending character in the text

    bool ok() const { return duration.has_value(); }
};

}  // namespace kep::domain
