#include "OpenFiles.h"

#include <sys/resource.h>

#include <algorithm>

namespace kep::loadgen {

std::size_t descriptorsNeeded(int desks, bool websockets) {
    constexpr std::size_t kPerDesk = 4;  // socket + epoll + eventfd + timerfd
    constexpr std::size_t kMargin = 64;  // stdio, the admin client, the check's clients
    const auto count = static_cast<std::size_t>(std::max(desks, 0));
    return count * (kPerDesk + (websockets ? 1 : 0)) + kMargin;
}

std::size_t raiseOpenFilesLimitTo(std::size_t needed) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 0;
    }
    if (limit.rlim_cur < needed && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, needed);
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return static_cast<std::size_t>(limit.rlim_cur);
}

}  // namespace kep::loadgen
