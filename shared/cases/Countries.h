// Nationality codes for non-Greek citizens: the ISO 3166-1 alpha-2 list as data, and which of
// them are EU / EEA states, whose citizens are served as EU citizens.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kep::cases {

// The 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency), sorted.
std::span<const std::string_view> iso3166Alpha2Codes();

bool isIso3166Alpha2(std::string_view code);

// Upper-cases and trims the code and maps the EU's own two exceptions to ISO: "EL" (the EU's
// code for Greece) to "GR" and "UK" to "GB". nullopt when the result is not an ISO code.
std::optional<std::string> normaliseNationality(std::string_view text);

// The 27 EU member states.
bool isEuMemberState(std::string_view alpha2);

// EU member states plus Iceland, Liechtenstein, Norway (EEA) and Switzerland: their citizens
// have the EU citizen's rights of residence (Directive 2004/38/EC, the EEA Agreement and the
// EU–Swiss agreement on free movement), so the counter serves them as EU citizens.
bool hasEuFreeMovement(std::string_view alpha2);

}  // namespace kep::cases
