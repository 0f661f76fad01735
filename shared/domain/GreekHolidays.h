// The national public holidays of the Greek public service, as fixed by law and by the
// Orthodox Easter; moved or local holidays are CalendarOverrides, not rules here.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

namespace kep::domain {

// Orthodox Easter Sunday (Gregorian date) for years 1583..9999: Meeus' Julian algorithm, then
// the Julian–Gregorian shift (13 days for 1900..2099, Y/100 - Y/400 - 2 in general).
std::chrono::year_month_day orthodoxEaster(std::chrono::year y);

enum class HolidayId {
    NewYear,               // 1 Jan
    Epiphany,              // 6 Jan
    CleanMonday,           // Easter - 48
    IndependenceDay,       // 25 Mar
    GoodFriday,            // Easter - 2
    EasterMonday,          // Easter + 1
    LabourDay,             // 1 May
    WhitMonday,            // Easter + 50 (Αγίου Πνεύματος)
    Assumption,            // 15 Aug
    OchiDay,               // 28 Oct
    Christmas,             // 25 Dec
    SecondDayOfChristmas,  // 26 Dec
};

struct PublicHoliday {
    std::chrono::year_month_day date;
    HolidayId id;
};

// English name, for logs and the English UI (the Greek UI translates by HolidayId).
std::string_view holidayName(HolidayId id);

// Every national holiday of the year in date order. Two holidays can fall on one date (1 May
// on Good Friday or Easter Monday); both are listed. Holy Saturday is omitted on purpose: it is
// a working day for the public service (only the afternoon is customarily off), and Easter
// Sunday is a Sunday anyway.
std::vector<PublicHoliday> nationalHolidays(std::chrono::year y);

// True when the date is one of nationalHolidays(its year), without building the list.
bool isNationalHoliday(std::chrono::sys_days date);

}  // namespace kep::domain
