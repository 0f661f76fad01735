// The buckets kep-server serves to desks (DESIGN.md decision 2) and who may read each: an office's
// own data, the published catalogue, and the office's directory — derived from the caller only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::sync {

inline constexpr std::string_view kOfficeBucketPrefix = "office:";
inline constexpr std::string_view kCatalogueBucket = "catalogue";
inline constexpr std::string_view kDirectoryBucket = "directory";
// The circulars sent to the caller's office (circulars/CircularsBucket.h).
inline constexpr std::string_view kCircularsBucket = "circulars";

// "office:0101" for office code "0101".
std::string officeBucket(std::string_view officeCode);

// The office code of an "office:<code>" bucket, or nullopt for any other bucket.
std::optional<std::string> officeOfBucket(std::string_view bucket);

// What a workstation enrolled for `officeCode` pulls and is nudged about: its office, the
// catalogue, the directory and the circulars. Nothing else is readable; no request can widen it.
std::vector<std::string> readableBuckets(std::string_view officeCode);

}  // namespace kep::server::sync
