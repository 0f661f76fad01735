#include "shared/cases/Countries.h"

#include <algorithm>
#include <array>

namespace kep::cases {

namespace {

using namespace std::string_view_literals;

// Officially assigned codes only: no user-assigned (XK) or exceptionally reserved (EU, UK) ones.
constexpr std::array kAlpha2{
    "AD"sv, "AE"sv, "AF"sv, "AG"sv, "AI"sv, "AL"sv, "AM"sv, "AO"sv, "AQ"sv, "AR"sv, "AS"sv, "AT"sv,
    "AU"sv, "AW"sv, "AX"sv, "AZ"sv, "BA"sv, "BB"sv, "BD"sv, "BE"sv, "BF"sv, "BG"sv, "BH"sv, "BI"sv,
    "BJ"sv, "BL"sv, "BM"sv, "BN"sv, "BO"sv, "BQ"sv, "BR"sv, "BS"sv, "BT"sv, "BV"sv, "BW"sv, "BY"sv,
    "BZ"sv, "CA"sv, "CC"sv, "CD"sv, "CF"sv, "CG"sv, "CH"sv, "CI"sv, "CK"sv, "CL"sv, "CM"sv, "CN"sv,
    "CO"sv, "CR"sv, "CU"sv, "CV"sv, "CW"sv, "CX"sv, "CY"sv, "CZ"sv, "DE"sv, "DJ"sv, "DK"sv, "DM"sv,
    "DO"sv, "DZ"sv, "EC"sv, "EE"sv, "EG"sv, "EH"sv, "ER"sv, "ES"sv, "ET"sv, "FI"sv, "FJ"sv, "FK"sv,
    "FM"sv, "FO"sv, "FR"sv, "GA"sv, "GB"sv, "GD"sv, "GE"sv, "GF"sv, "GG"sv, "GH"sv, "GI"sv, "GL"sv,
    "GM"sv, "GN"sv, "GP"sv, "GQ"sv, "GR"sv, "GS"sv, "GT"sv, "GU"sv, "GW"sv, "GY"sv, "HK"sv, "HM"sv,
    "HN"sv, "HR"sv, "HT"sv, "HU"sv, "ID"sv, "IE"sv, "IL"sv, "IM"sv, "IN"sv, "IO"sv, "IQ"sv, "IR"sv,
    "IS"sv, "IT"sv, "JE"sv, "JM"sv, "JO"sv, "JP"sv, "KE"sv, "KG"sv, "KH"sv, "KI"sv, "KM"sv, "KN"sv,
    "KP"sv, "KR"sv, "KW"sv, "KY"sv, "KZ"sv, "LA"sv, "LB"sv, "LC"sv, "LI"sv, "LK"sv, "LR"sv, "LS"sv,
    "LT"sv, "LU"sv, "LV"sv, "LY"sv, "MA"sv, "MC"sv, "MD"sv, "ME"sv, "MF"sv, "MG"sv, "MH"sv, "MK"sv,
    "ML"sv, "MM"sv, "MN"sv, "MO"sv, "MP"sv, "MQ"sv, "MR"sv, "MS"sv, "MT"sv, "MU"sv, "MV"sv, "MW"sv,
    "MX"sv, "MY"sv, "MZ"sv, "NA"sv, "NC"sv, "NE"sv, "NF"sv, "NG"sv, "NI"sv, "NL"sv, "NO"sv, "NP"sv,
    "NR"sv, "NU"sv, "NZ"sv, "OM"sv, "PA"sv, "PE"sv, "PF"sv, "PG"sv, "PH"sv, "PK"sv, "PL"sv, "PM"sv,
    "PN"sv, "PR"sv, "PS"sv, "PT"sv, "PW"sv, "PY"sv, "QA"sv, "RE"sv, "RO"sv, "RS"sv, "RU"sv, "RW"sv,
    "SA"sv, "SB"sv, "SC"sv, "SD"sv, "SE"sv, "SG"sv, "SH"sv, "SI"sv, "SJ"sv, "SK"sv, "SL"sv, "SM"sv,
    "SN"sv, "SO"sv, "SR"sv, "SS"sv, "ST"sv, "SV"sv, "SX"sv, "SY"sv, "SZ"sv, "TC"sv, "TD"sv, "TF"sv,
    "TG"sv, "TH"sv, "TJ"sv, "TK"sv, "TL"sv, "TM"sv, "TN"sv, "TO"sv, "TR"sv, "TT"sv, "TV"sv, "TW"sv,
    "TZ"sv, "UA"sv, "UG"sv, "UM"sv, "US"sv, "UY"sv, "UZ"sv, "VA"sv, "VC"sv, "VE"sv, "VG"sv, "VI"sv,
    "VN"sv, "VU"sv, "WF"sv, "WS"sv, "YE"sv, "YT"sv, "ZA"sv, "ZM"sv, "ZW"sv,
};
static_assert(kAlpha2.size() == 249);

constexpr std::array kEuMembers{
    "AT"sv, "BE"sv, "BG"sv, "CY"sv, "CZ"sv, "DE"sv, "DK"sv, "EE"sv, "ES"sv,
    "FI"sv, "FR"sv, "GR"sv, "HR"sv, "HU"sv, "IE"sv, "IT"sv, "LT"sv, "LU"sv,
    "LV"sv, "MT"sv, "NL"sv, "PL"sv, "PT"sv, "RO"sv, "SE"sv, "SI"sv, "SK"sv,
};
static_assert(kEuMembers.size() == 27);

constexpr std::array kFreeMovementNonEu{"CH"sv, "IS"sv, "LI"sv, "NO"sv};

template <typename List>
bool contains(const List& list, std::string_view code) {
    return std::find(list.begin(), list.end(), code) != list.end();
}

}  // namespace

std::span<const std::string_view> iso3166Alpha2Codes() {
    return kAlpha2;
}

bool isIso3166Alpha2(std::string_view code) {
    return std::binary_search(kAlpha2.begin(), kAlpha2.end(), code);
}

std::optional<std::string> normaliseNationality(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    text = text.substr(first, text.find_last_not_of(' ') - first + 1);
    std::string code;
    for (const char c : text) {
        code.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    if (code == "EL") {
        code = "GR";
    } else if (code == "UK") {
        code = "GB";
    }
    if (!isIso3166Alpha2(code)) {
        return std::nullopt;
    }
    return code;
}

bool isEuMemberState(std::string_view alpha2) {
    return contains(kEuMembers, alpha2);
}

bool hasEuFreeMovement(std::string_view alpha2) {
    return isEuMemberState(alpha2) || contains(kFreeMovementNonEu, alpha2);
}

}  // namespace kep::cases
