// The protocol number a citizen's application gets at filing, "<office>/<year>/<sequence>"
// (e.g. "0101/2026/42"): one sequence per office and year, shared by all its counters.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::cases {

enum class ProtocolNumberError {
    None,
    Empty,            // "empty": nothing but spaces
    WrongShape,       // "wrong_shape": not three parts separated by '/'
    BadOfficeCode,    // "bad_office_code": not 2..8 letters A-Z or digits
    BadYear,          // "bad_year": not four digits in kMinYear..kMaxYear
    BadSequence,      // "bad_sequence": not digits, or zero
    SequenceTooLarge  // "sequence_too_large": above kMaxSequence
};

std::string_view toString(ProtocolNumberError error);
std::string_view protocolNumberErrorMessage(ProtocolNumberError error);

struct ProtocolNumber {
    static constexpr int kMinYear = 2000;
    static constexpr int kMaxYear = 9999;
    static constexpr std::uint32_t kMaxSequence = 999'999'999;  // nine digits

    std::string office;  // KEP office code, upper case: "0101"
    int year = 0;
    std::uint32_t sequence = 0;  // 1..kMaxSequence

    // Canonical text: the sequence without leading zeros, "0101/2026/42".
    std::string toString() const;

    struct Parsed;
    // Lenient where a citizen typing it from a receipt would slip, strict otherwise: surrounding
    // spaces are ignored, office letters are upper-cased and leading zeros of the sequence are
    // accepted ("0101/2026/00042" is "0101/2026/42"); nothing else is.
    static Parsed parse(std::string_view text);

    static bool isValidOfficeCode(std::string_view office);

    // Office, then year, then the sequence as a number ("…/9" before "…/10").
    friend auto operator<=>(const ProtocolNumber&, const ProtocolNumber&) = default;
    friend bool operator==(const ProtocolNumber&, const ProtocolNumber&) = default;
};

struct ProtocolNumber::Parsed {
    std::optional<ProtocolNumber> number;
    ProtocolNumberError error = ProtocolNumberError::None;

    bool ok() const { return number.has_value(); }
};

}  // namespace kep::cases
