// The Prometheus text exposition format (version 0.0.4) written by hand: families with HELP and
// TYPE lines, samples with escaped label values. What GET /metrics answers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kep::server::metrics {

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

inline constexpr std::string_view kExpositionContentType = "text/plain; version=0.0.4";

class Exposition {
public:
    // Starts a family: "# HELP name help" and "# TYPE name type" (counter, gauge, histogram).
    void family(std::string_view name, std::string_view type, std::string_view help);
    // One sample line. `name` is the family's, or for a histogram its _bucket/_sum/_count.
    void sample(std::string_view name, const Labels& labels, double value);
    void sample(std::string_view name, const Labels& labels, std::uint64_t value);

    const std::string& text() const { return text_; }

private:
    void labels(const Labels& labels);
    std::string text_;
};

// Label values escape '\\', '"' and line feeds; HELP text escapes '\\' and line feeds.
std::string escapeLabelValue(std::string_view value);

}  // namespace kep::server::metrics
