#include "shared/audit/UtcMillis.h"

#include "shared/domain/UtcTime.h"

#include <string>

namespace kep::audit {

bool isUtcMillis(std::string_view text) {
    // "2026-11-27T14:03:05" ".123" "Z": the seconds part is the project's one UTC form.
    constexpr std::size_t kSeconds = 19;
    if (text.size() != kSeconds + 5 || text[kSeconds] != '.' || text.back() != 'Z') {
        return false;
    }
    for (std::size_t i = kSeconds + 1; i < kSeconds + 4; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return domain::fromUtcText(std::string(text.substr(0, kSeconds)) + "Z").has_value();
}

}  // namespace kep::audit
