// kep-loadgen's file descriptors: how many a run needs and the process's limit raised to cover
// them, so that a run too big for the limit stops with a clear message instead of stalling.
#pragma once

#include <cstddef>

namespace kep::loadgen {

// Each simulated desk keeps an HTTPS client (its socket, and its io_context's epoll, eventfd and
// timerfd) and, with --websockets, one socket more; plus a margin for the set-up and the check.
std::size_t descriptorsNeeded(int desks, bool websockets);

// Raises the soft RLIMIT_NOFILE towards the hard limit when it is below `needed`; returns the
// soft limit in force afterwards.
std::size_t raiseOpenFilesLimitTo(std::size_t needed);

}  // namespace kep::loadgen
