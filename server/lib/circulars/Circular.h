// A circular of the central administration (or a region's) to KEP offices: what it says, in
// Greek and optionally English, what kind of news it is, and which offices it is for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::circulars {

// procedure_change | new_rule | outage | announcement.
bool isCircularKind(std::string_view kind);

enum class AudienceKind { All, Region, Offices };

std::string_view toString(AudienceKind kind);  // "all", "region", "offices"
std::optional<AudienceKind> audienceKindFromString(std::string_view text);

struct Audience {
    AudienceKind kind = AudienceKind::All;
    std::string region;                // AudienceKind::Region
    std::vector<std::string> offices;  // AudienceKind::Offices: office codes, sorted, unique
};

// True when the office (code, and the region it is in) is among the audience.
bool reaches(const Audience& audience, std::string_view officeCode, std::string_view officeRegion);

struct CircularText {
    std::string titleEl;
    std::string titleEn;  // "" when sent in Greek only
    std::string bodyEl;
    std::string bodyEn;
};

struct NewCircular {
    std::string kind;
    CircularText text;
    Audience audience;
    // The one region all the audience's offices are in, "" when national: where the policy
    // sees the circular, so that a region's sender reads the receipts of its own only.
    std::string scopeRegion;
    std::string senderUserId;
    std::string senderRegion;  // "" for the central administration, else the sending region
};

struct Circular {
    std::int64_t seq = 0;  // the `circulars` bucket's change sequence
    std::string id;        // UUIDv7
    std::string kind;
    CircularText text;
    Audience audience;
    std::string scopeRegion;
    std::string senderUserId;
    std::string senderRegion;
    std::string sentAt;  // ISO 8601 UTC
};

}  // namespace kep::server::circulars
