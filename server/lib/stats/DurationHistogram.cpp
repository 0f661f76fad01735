#include "stats/DurationHistogram.h"

#include <algorithm>
#include <cmath>

namespace kep::server::stats {

namespace {

constexpr double kMsPerDay = 86'400'000.0;
constexpr double kBucketsPerOctave = 4.0;
constexpr double kFirstBoundLog2 = -3.0;  // bucket 1 starts at 1/8 day

}  // namespace

int durationBucket(std::int64_t durationMs) {
    const double days = static_cast<double>(std::max<std::int64_t>(durationMs, 0)) / kMsPerDay;
    if (days < std::exp2(kFirstBoundLog2)) {
        return 0;
    }
    const double position = kBucketsPerOctave * (std::log2(days) - kFirstBoundLog2);
    return std::clamp(static_cast<int>(std::floor(position)) + 1, 1, kLastBucket);
}

double bucketMiddleDays(int bucket) {
    if (bucket <= 0) {
        return std::exp2(kFirstBoundLog2) / 2.0;
    }
    const double k = std::min(bucket, kLastBucket);
    return std::exp2((k - 0.5) / kBucketsPerOctave + kFirstBoundLog2);
}

void DurationHistogram::add(int bucket, std::int64_t cases) {
    counts_[static_cast<std::size_t>(std::clamp(bucket, 0, kLastBucket))] += cases;
    total_ += cases;
}

std::optional<double> DurationHistogram::percentile(double q) const {
    if (total_ <= 0) {
        return std::nullopt;
    }
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(q * static_cast<double>(total_))));
    std::int64_t seen = 0;
    int bucket = kLastBucket;
    for (int k = 0; k <= kLastBucket; ++k) {
        seen += counts_[static_cast<std::size_t>(k)];
        if (seen >= rank) {
            bucket = k;
            break;
        }
    }
    return std::round(bucketMiddleDays(bucket) * 100.0) / 100.0;
}

}  // namespace kep::server::stats
