#include "shared/domain/GreekHolidays.h"

#include <algorithm>
#include <array>

namespace kep::domain {

namespace {

using namespace std::chrono;

struct FixedHoliday {
    unsigned month;
    unsigned day;
    HolidayId id;
};

constexpr std::array<FixedHoliday, 8> kFixed{{
    {1, 1, HolidayId::NewYear},
    {1, 6, HolidayId::Epiphany},
    {3, 25, HolidayId::IndependenceDay},
    {5, 1, HolidayId::LabourDay},
    {8, 15, HolidayId::Assumption},
    {10, 28, HolidayId::OchiDay},
    {12, 25, HolidayId::Christmas},
    {12, 26, HolidayId::SecondDayOfChristmas},
}};

struct MovableHoliday {
    int daysFromEaster;
    HolidayId id;
};

constexpr std::array<MovableHoliday, 4> kMovable{{
    {-48, HolidayId::CleanMonday},
    {-2, HolidayId::GoodFriday},
    {1, HolidayId::EasterMonday},
    {50, HolidayId::WhitMonday},
}};

}  // namespace

year_month_day orthodoxEaster(year y) {
    const int Y = static_cast<int>(y);
    const int a = Y % 4;
    const int b = Y % 7;
    const int c = Y % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int monthJulian = (d + e + 114) / 31;
    const int dayJulian = (d + e + 114) % 31 + 1;
    // The Julian date is read as if it were Gregorian and shifted by the calendars' difference,
    // which is constant from 1 March of a century year to the end of February of the next one.
    const int shift = Y / 100 - Y / 400 - 2;
    return year_month_day{sys_days{y / month{static_cast<unsigned>(monthJulian)} /
                                   day{static_cast<unsigned>(dayJulian)}} +
                          days{shift}};
}

std::string_view holidayName(HolidayId id) {
    switch (id) {
        case HolidayId::NewYear:
            return "New Year's Day";
        case HolidayId::Epiphany:
            return "Epiphany";
        case HolidayId::CleanMonday:
            return "Clean Monday";
        case HolidayId::IndependenceDay:
            return "Independence Day";
        case HolidayId::GoodFriday:
            return "Good Friday";
        case HolidayId::EasterMonday:
            return "Easter Monday";
        case HolidayId::LabourDay:
            return "Labour Day";
        case HolidayId::WhitMonday:
            return "Whit Monday";
        case HolidayId::Assumption:
            return "Assumption of Mary";
        case HolidayId::OchiDay:
            return "Ochi Day";
        case HolidayId::Christmas:
            return "Christmas Day";
        case HolidayId::SecondDayOfChristmas:
            return "Second Day of Christmas";
    }
    return "holiday";
}

std::vector<PublicHoliday> nationalHolidays(year y) {
    std::vector<PublicHoliday> out;
    out.reserve(kFixed.size() + kMovable.size());
    for (const FixedHoliday& f : kFixed) {
        out.push_back({y / month{f.month} / day{f.day}, f.id});
    }
    const sys_days easter{orthodoxEaster(y)};
    for (const MovableHoliday& m : kMovable) {
        out.push_back({year_month_day{easter + days{m.daysFromEaster}}, m.id});
    }
    std::stable_sort(out.begin(), out.end(), [](const PublicHoliday& l, const PublicHoliday& r) {
        return sys_days{l.date} < sys_days{r.date};
    });
    return out;
}

bool isNationalHoliday(sys_days date) {
    const year_month_day ymd{date};
    for (const FixedHoliday& f : kFixed) {
        if (ymd.month() == month{f.month} && ymd.day() == day{f.day}) {
            return true;
        }
    }
    const sys_days easter{orthodoxEaster(ymd.year())};
    const int offset = static_cast<int>((date - easter).count());
    return std::any_of(kMovable.begin(), kMovable.end(),
                       [offset](const MovableHoliday& m) { return m.daysFromEaster == offset; });
}

}  // namespace kep::domain
