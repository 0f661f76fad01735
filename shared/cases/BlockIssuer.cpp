#include "shared/cases/BlockIssuer.h"

#include <string>

#include "shared/cases/ProtocolNumber.h"

namespace kep::cases {

using namespace std::chrono;

std::string_view toString(IssueRefusal refusal) {
    switch (refusal) {
        case IssueRefusal::None:
            return "ok";
        case IssueRefusal::BadOfficeCode:
            return "bad_office_code";
        case IssueRefusal::YearNotOpen:
            return "year_not_open";
        case IssueRefusal::BadSize:
            return "bad_size";
        case IssueRefusal::SequenceExhausted:
            return "sequence_exhausted";
    }
    return "?";
}

bool BlockIssuer::isYearOpen(int year, year_month_day today) {
    const int current = static_cast<int>(today.year());
    return year == current || (year == current + 1 && today.month() == December);
}

IssueResult BlockIssuer::issue(std::string_view office, int year, std::uint32_t highWaterMark,
                               std::uint32_t size, year_month_day today) const {
    if (!ProtocolNumber::isValidOfficeCode(office)) {
        return {IssueRefusal::BadOfficeCode, std::nullopt};
    }
    if (!isYearOpen(year, today)) {
        return {IssueRefusal::YearNotOpen, std::nullopt};
    }
    if (size == 0 || size > maxBlockSize_) {
        return {IssueRefusal::BadSize, std::nullopt};
    }
    if (highWaterMark >= ProtocolNumber::kMaxSequence ||
        size > ProtocolNumber::kMaxSequence - highWaterMark) {
        return {IssueRefusal::SequenceExhausted, std::nullopt};
    }
    return {IssueRefusal::None, ProtocolNumberBlock{std::string{office}, year, highWaterMark + 1,
                                                    highWaterMark + size}};
}

}  // namespace kep::cases
