#include "shared/cases/ProtocolNumber.h"

#include <algorithm>

namespace kep::cases {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text) {
    for (const char c : text) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return !text.empty();
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

ProtocolNumber::Parsed failure(ProtocolNumberError error) {
    return {std::nullopt, error};
}

}  // namespace

std::string_view toString(ProtocolNumberError error) {
    switch (error) {
        case ProtocolNumberError::None:
            return "ok";
        case ProtocolNumberError::Empty:
            return "empty";
        case ProtocolNumberError::WrongShape:
            return "wrong_shape";
        case ProtocolNumberError::BadOfficeCode:
            return "bad_office_code";
        case ProtocolNumberError::BadYear:
            return "bad_year";
        case ProtocolNumberError::BadSequence:
            return "bad_sequence";
        case ProtocolNumberError::SequenceTooLarge:
            return "sequence_too_large";
    }
    return "?";
}

std::string_view protocolNumberErrorMessage(ProtocolNumberError error) {
    switch (error) {
        case ProtocolNumberError::None:
            return "valid";
        case ProtocolNumberError::Empty:
            return "the protocol number is empty";
        case ProtocolNumberError::WrongShape:
            return "a protocol number has the form office/year/number, e.g. 0101/2026/42";
        case ProtocolNumberError::BadOfficeCode:
            return "the office code must be 2 to 8 letters or digits";
        case ProtocolNumberError::BadYear:
            return "the year must have four digits";
        case ProtocolNumberError::BadSequence:
            return "the number after the year must be a positive whole number";
        case ProtocolNumberError::SequenceTooLarge:
            return "the number after the year has more than nine digits";
    }
    return "invalid protocol number";
}

bool ProtocolNumber::isValidOfficeCode(std::string_view office) {
    if (office.size() < 2 || office.size() > 8) {
        return false;
    }
    for (const char c : office) {
        if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
            return false;
        }
    }
    return true;
}

std::string ProtocolNumber::toString() const {
    return office + '/' + std::to_string(year) + '/' + std::to_string(sequence);
}

ProtocolNumber::Parsed ProtocolNumber::parse(std::string_view text) {
    text = trim(text);
    if (text.empty()) {
        return failure(ProtocolNumberError::Empty);
    }
    const auto slash1 = text.find('/');
    const auto slash2 = slash1 == std::string_view::npos ? slash1 : text.find('/', slash1 + 1);
    if (slash2 == std::string_view::npos || text.find('/', slash2 + 1) != std::string_view::npos) {
        return failure(ProtocolNumberError::WrongShape);
    }
    std::string office{text.substr(0, slash1)};
    for (char& c : office) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    if (!isValidOfficeCode(office)) {
        return failure(ProtocolNumberError::BadOfficeCode);
    }
    const std::string_view yearText = text.substr(slash1 + 1, slash2 - slash1 - 1);
    if (yearText.size() != 4 || !allDigits(yearText)) {
        return failure(ProtocolNumberError::BadYear);
    }
    const int year = std::stoi(std::string{yearText});
    if (year < kMinYear || year > kMaxYear) {
        return failure(ProtocolNumberError::BadYear);
    }
    std::string_view sequenceText = text.substr(slash2 + 1);
    if (!allDigits(sequenceText)) {
        return failure(ProtocolNumberError::BadSequence);
    }
    sequenceText.remove_prefix(std::min(sequenceText.find_first_not_of('0'), sequenceText.size()));
    if (sequenceText.empty()) {
        return failure(ProtocolNumberError::BadSequence);
    }
    if (sequenceText.size() > 9) {
        return failure(ProtocolNumberError::SequenceTooLarge);
    }
    const auto sequence = static_cast<std::uint32_t>(std::stoul(std::string{sequenceText}));
    return {ProtocolNumber{std::move(office), year, sequence}, ProtocolNumberError::None};
}

}  // namespace kep::cases
