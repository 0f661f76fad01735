#include "shared/domain/IsoDuration.h"

#include <array>

namespace kep::domain {

namespace {

using namespace std::chrono;

struct Field {
    char designator;
    bool timePart;
    std::uint32_t IsoDuration::*member;
    std::uint32_t limit;
};

// Grammar order; an index into this table only ever increases while parsing.
constexpr std::array<Field, 7> kFields{{
    {'Y', false, &IsoDuration::years, 9'999},
    {'M', false, &IsoDuration::months, 99'999},
    {'W', false, &IsoDuration::weeks, 99'999},
    {'D', false, &IsoDuration::days, 99'999},
    {'H', true, &IsoDuration::hours, 999'999},
    {'M', true, &IsoDuration::minutes, 9'999'999},
    {'S', true, &IsoDuration::seconds, 99'999'999},
}};

constexpr std::size_t kFirstTimeField = 4;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

IsoDuration::Parsed failure(DurationError error, std::size_t offset) {
    return {std::nullopt, error, offset};
}

year_month_day addMonths(year_month_day date, std::int64_t monthsToAdd) {
    const year_month ym = date.year() / date.month() + months{monthsToAdd};
    const year_month_day_last last{ym / std::chrono::last};
    return ym / (date.day() > last.day() ? last.day() : date.day());
}

}  // namespace

std::string_view durationErrorMessage(DurationError error) {
    switch (error) {
        case DurationError::None:
            return "valid";
        case DurationError::Empty:
            return "the duration is empty";
        case DurationError::MissingP:
            return "a duration must start with 'P'";
        case DurationError::NoComponents:
            return "a duration needs at least one component";
        case DurationError::EmptyTimePart:
            return "'T' must be followed by hours, minutes or seconds";
        case DurationError::MissingNumber:
            return "a designator without a number";
        case DurationError::MissingDesignator:
            return "a number without a designator";
        case DurationError::UnknownDesignator:
            return "unknown or misplaced designator";
        case DurationError::OutOfOrder:
            return "components out of order or repeated";
        case DurationError::Negative:
            return "negative durations are not allowed";
        case DurationError::Fraction:
            return "fractional values are not supported";
        case DurationError::Overflow:
            return "a number is too large";
    }
    return "invalid duration";
}

IsoDuration::Parsed IsoDuration::parse(std::string_view text) {
    if (text.empty()) {
        return failure(DurationError::Empty, 0);
    }
    if (text[0] == '-' || text[0] == '+') {
        return failure(DurationError::Negative, 0);
    }
    if (text[0] != 'P') {
        return failure(DurationError::MissingP, 0);
    }
    IsoDuration d;
    std::size_t next = 0;  // the first field of kFields still allowed
    bool inTime = false;
    bool any = false;
    bool anyTime = false;
    std::size_t i = 1;
    while (i < text.size()) {
        if (text[i] == 'T') {
            if (inTime) {
                return failure(DurationError::OutOfOrder, i);
            }
            inTime = true;
            next = kFirstTimeField;
            ++i;
            continue;
        }
        if (text[i] == '-') {
            return failure(DurationError::Negative, i);
        }
        const std::size_t numberStart = i;
        std::uint64_t value = 0;
        while (i < text.size() && isDigit(text[i])) {
            value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
            if (value > 99'999'999) {  // the largest limit; the unit's own is checked below
                return failure(DurationError::Overflow, numberStart);
            }
            ++i;
        }
        if (i == numberStart) {
            return failure(DurationError::MissingNumber, i);
        }
        if (i == text.size()) {
            return failure(DurationError::MissingDesignator, i);
        }
        if (text[i] == '.' || text[i] == ',') {
            return failure(DurationError::Fraction, i);
        }
        std::size_t field = 0;
        while (field < kFields.size() &&
               (kFields[field].designator != text[i] || kFields[field].timePart != inTime)) {
            ++field;
        }
        if (field == kFields.size()) {
            return failure(DurationError::UnknownDesignator, i);
        }
        if (field < next) {
            return failure(DurationError::OutOfOrder, i);
        }
        if (value > kFields[field].limit) {
            return failure(DurationError::Overflow, numberStart);
        }
        d.*(kFields[field].member) = static_cast<std::uint32_t>(value);
        next = field + 1;
        any = true;
        anyTime = anyTime || inTime;
        ++i;
    }
    if (inTime && !anyTime) {
        return failure(DurationError::EmptyTimePart, text.size());
    }
    if (!any) {
        return failure(DurationError::NoComponents, text.size());
    }
    return {d, DurationError::None, 0};
}

std::string IsoDuration::toString() const {
    std::string out = "P";
    bool timeStarted = false;
    for (const Field& f : kFields) {
        const std::uint32_t value = this->*(f.member);
        if (value == 0) {
            continue;
        }
        if (f.timePart && !timeStarted) {
            out.push_back('T');
            timeStarted = true;
        }
        out += std::to_string(value);
        out.push_back(f.designator);
    }
    return out == "P" ? "P0D" : out;
}

seconds IsoDuration::timePart() const {
    return hours * 1h + minutes * 1min + seconds * 1s;
}

year_month_day IsoDuration::addTo(year_month_day date) const {
    const year_month_day calendar =
        addMonths(date, static_cast<std::int64_t>(years) * 12 + static_cast<std::int64_t>(months));
    const auto wholeDays = duration_cast<std::chrono::days>(timePart());
    return year_month_day{sys_days{calendar} + std::chrono::days{weeks * 7LL + days} + wholeDays};
}

sys_seconds IsoDuration::addTo(sys_seconds instant) const {
    const sys_days day = floor<std::chrono::days>(instant);
    const auto timeOfDay = instant - day;
    const year_month_day calendar =
        addMonths(year_month_day{day},
                  static_cast<std::int64_t>(years) * 12 + static_cast<std::int64_t>(months));
    return sys_days{calendar} + std::chrono::days{weeks * 7LL + days} + timeOfDay + timePart();
}

}  // namespace kep::domain
