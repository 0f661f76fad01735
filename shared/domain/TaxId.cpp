#include "shared/domain/TaxId.h"

#include <algorithm>

namespace kep::domain {

namespace {

using namespace std::chrono;

bool allDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digit(char c) {
    return c - '0';
}

int afmCheckDigit(std::string_view firstEight) {
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        sum += digit(firstEight[i]) << (8 - i);
    }
    return sum % 11 % 10;
}

// Luhn: from the rightmost digit of the payload leftwards, double every other digit starting
// with the rightmost, subtract 9 from results above 9; the check digit tops the sum up to a
// multiple of 10.
int luhnCheckDigit(std::string_view payload) {
    int sum = 0;
    bool doubleIt = true;
    for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
        int d = digit(*it);
        if (doubleIt) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
}

struct Ddmmyy {
    unsigned day;
    unsigned month;
    int yy;
};

Ddmmyy splitDate(std::string_view amka) {
    return {static_cast<unsigned>(digit(amka[0]) * 10 + digit(amka[1])),
            static_cast<unsigned>(digit(amka[2]) * 10 + digit(amka[3])),
            digit(amka[4]) * 10 + digit(amka[5])};
}

bool isDateInEitherCentury(const Ddmmyy& d) {
    const year_month_day in19{year{1900 + d.yy}, month{d.month}, day{d.day}};
    const year_month_day in20{year{2000 + d.yy}, month{d.month}, day{d.day}};
    return in19.ok() || in20.ok();
}

}  // namespace

std::string_view TaxIdCheck::message() const {
    switch (error) {
        case TaxIdError::None:
            return "valid";
        case TaxIdError::WrongLength:
            return kind == TaxIdKind::Afm ? "ΑΦΜ must be 9 digits" : "ΑΜΚΑ must be 11 digits";
        case TaxIdError::NotDigits:
            return kind == TaxIdKind::Afm ? "ΑΦΜ must contain digits only"
                                          : "ΑΜΚΑ must contain digits only";
        case TaxIdError::AllZeros:
            return "ΑΦΜ cannot be all zeros";
        case TaxIdError::InvalidBirthDate:
            return "ΑΜΚΑ must start with a real birth date DDMMYY";
        case TaxIdError::CheckDigitMismatch:
            return "check digit mismatch";
    }
    return "unknown error";
}

TaxIdCheck validateAfm(std::string_view afm) {
    if (afm.size() != 9) {
        return {TaxIdKind::Afm, TaxIdError::WrongLength};
    }
    if (!allDigits(afm)) {
        return {TaxIdKind::Afm, TaxIdError::NotDigits};
    }
    if (afm == "000000000") {
        return {TaxIdKind::Afm, TaxIdError::AllZeros};
    }
    if (afmCheckDigit(afm.substr(0, 8)) != digit(afm[8])) {
        return {TaxIdKind::Afm, TaxIdError::CheckDigitMismatch};
    }
    return {TaxIdKind::Afm, TaxIdError::None};
}

TaxIdCheck validateAmka(std::string_view amka) {
    if (amka.size() != 11) {
        return {TaxIdKind::Amka, TaxIdError::WrongLength};
    }
    if (!allDigits(amka)) {
        return {TaxIdKind::Amka, TaxIdError::NotDigits};
    }
    if (!isDateInEitherCentury(splitDate(amka))) {
        return {TaxIdKind::Amka, TaxIdError::InvalidBirthDate};
    }
    if (luhnCheckDigit(amka.substr(0, 10)) != digit(amka[10])) {
        return {TaxIdKind::Amka, TaxIdError::CheckDigitMismatch};
    }
    return {TaxIdKind::Amka, TaxIdError::None};
}

std::optional<year_month_day> amkaBirthDate(std::string_view amka, year_month_day today) {
    if (!validateAmka(amka).ok()) {
        return std::nullopt;
    }
    const Ddmmyy d = splitDate(amka);
    const year_month_day in20{year{2000 + d.yy}, month{d.month}, day{d.day}};
    if (in20.ok() && sys_days{in20} <= sys_days{today}) {
        return in20;
    }
    const year_month_day in19{year{1900 + d.yy}, month{d.month}, day{d.day}};
    if (in19.ok()) {
        return in19;
    }
    return std::nullopt;  // 29 Feb 2000 not yet reached and 1900 not a leap year
}

std::string SyntheticTaxIds::afm() {
    std::uniform_int_distribution<int> digits(0, 9);
    for (;;) {
        std::string out(9, '0');
        for (std::size_t i = 0; i < 8; ++i) {
            out[i] = static_cast<char>('0' + digits(engine_));
        }
        out[8] = static_cast<char>('0' + afmCheckDigit(out));
        if (validateAfm(out).ok()) {
            return out;
        }
    }
}

std::string SyntheticTaxIds::amka(year_month_day birthDate) {
    std::uniform_int_distribution<int> digits(0, 9);
    const auto twoDigits = [](unsigned value) {
        return std::string{static_cast<char>('0' + value / 10),
                           static_cast<char>('0' + value % 10)};
    };
    std::string out = twoDigits(static_cast<unsigned>(birthDate.day())) +
                      twoDigits(static_cast<unsigned>(birthDate.month())) +
                      twoDigits(static_cast<unsigned>(static_cast<int>(birthDate.year()) % 100));
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<char>('0' + digits(engine_)));
    }
    out.push_back(static_cast<char>('0' + luhnCheckDigit(out)));
    return out;
}

}  // namespace kep::domain
