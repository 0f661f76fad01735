// Validation of the two identifiers a citizen gives at the counter: ΑΦΜ (tax registration
// number) and ΑΜΚΑ (social security number), plus synthetic valid ones for tests and demos.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace kep::domain {

// Why an identifier was rejected; the UI translates by this code, not by the message.
enum class TaxIdError {
    None,
    WrongLength,         // ΑΦΜ not 9 characters, ΑΜΚΑ not 11
    NotDigits,           // a character other than 0-9 (spaces and "EL" prefixes included)
    AllZeros,            // ΑΦΜ 000000000, which passes the check-digit formula
    InvalidBirthDate,    // ΑΜΚΑ whose first six digits are no DDMMYY date
    CheckDigitMismatch,  // the last digit does not match the others
};

enum class TaxIdKind { Afm, Amka };

struct TaxIdCheck {
    TaxIdKind kind = TaxIdKind::Afm;
    TaxIdError error = TaxIdError::None;

    bool ok() const { return error == TaxIdError::None; }
    // English text for logs and the English UI; never contains the identifier itself.
    std::string_view message() const;
};

// ΑΦΜ: 9 digits d0..d8; d8 == (Σ_{i=0..7} d_i · 2^(8-i)) mod 11 mod 10; not all zeros.
TaxIdCheck validateAfm(std::string_view afm);

// ΑΜΚΑ: 11 digits; digits 1-6 are the holder's birth date DDMMYY; digit 11 is a Luhn check
// digit over the first ten. The century is not encoded, so a DDMMYY is accepted when it is a
// real date in 19YY or in 20YY: 29 February is valid when YY is a multiple of 4, 00 included
// (2000 was a leap year even though 1900 was not).
TaxIdCheck validateAmka(std::string_view amka);

// The birth date of a valid ΑΜΚΑ, resolving the century as the latest one that does not put
// the date after `today` (a person born 1 Jan 2030 cannot be served in 2026, so 010130 is 1930).
std::optional<std::chrono::year_month_day> amkaBirthDate(std::string_view amka,
                                                         std::chrono::year_month_day today);

// Valid synthetic identifiers for tests, demos and the load generator. Deterministic for a
// given seed; not a CSPRNG. Nothing marks them as synthetic (a real person may hold the same
// number), so they belong in test and demo databases only.
class SyntheticTaxIds {
public:
    explicit SyntheticTaxIds(std::uint64_t seed) : engine_(seed) {}

    std::string afm();
    // An ΑΜΚΑ for someone born on birthDate (serial digits 7-10 random).
    std::string amka(std::chrono::year_month_day birthDate);

private:
    std::mt19937_64 engine_;
};

}  // namespace kep::domain
