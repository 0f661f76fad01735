// Processing times as the statistics keep them: counts in log-spaced buckets of days, from which
// a median and a p90 are read for any sum of offices, procedures and months without the cases.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace kep::server::stats {

// Resolution: bucket 0 holds [0, 1/8 day) (under three hours); bucket k >= 1 holds
// [2^((k-1)/4 - 3), 2^(k/4 - 3)) days, a quarter of an octave (each bucket 19% wider than the
// one before), up to bucket kLastBucket, which holds everything from about 3,444 days on. A
// figure is reported as its bucket's geometric middle, so it is within 9.1% of the true value
// (within 1.5 hours in bucket 0).
inline constexpr int kLastBucket = 60;

int durationBucket(std::int64_t durationMs);
double bucketMiddleDays(int bucket);

// Nearest-rank percentiles: the q-quantile is the bucket of the ceil(q * n)-th smallest duration.
class DurationHistogram {
public:
    void add(int bucket, std::int64_t cases);
    std::int64_t total() const { return total_; }
    // Days, rounded to two decimals; nullopt when the histogram is empty.
    std::optional<double> percentile(double q) const;

private:
    std::array<std::int64_t, kLastBucket + 1> counts_{};
    std::int64_t total_ = 0;
};

}  // namespace kep::server::stats
