#include "platform/Process.h"

#include <sys/resource.h>

#include <csignal>

namespace kep::server::platform {

unsigned long raiseOpenFilesLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 0;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return static_cast<unsigned long>(limit.rlim_cur);
}

void ignoreBrokenPipe() {
    std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace kep::server::platform
