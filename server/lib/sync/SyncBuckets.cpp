#include "sync/SyncBuckets.h"

namespace kep::server::sync {

std::string officeBucket(std::string_view officeCode) {
    std::string bucket(kOfficeBucketPrefix);
    bucket += officeCode;
    return bucket;
}

std::optional<std::string> officeOfBucket(std::string_view bucket) {
    if (!bucket.starts_with(kOfficeBucketPrefix) || bucket.size() == kOfficeBucketPrefix.size()) {
        return std::nullopt;
    }
    return std::string(bucket.substr(kOfficeBucketPrefix.size()));
}

std::vector<std::string> readableBuckets(std::string_view officeCode) {
    return {officeBucket(officeCode), std::string(kCatalogueBucket), std::string(kDirectoryBucket),
            std::string(kCircularsBucket)};
}

}  // namespace kep::server::sync
