// Process-wide settings a server needs from the operating system before it accepts anyone:
// enough file descriptors for ten thousand connections, and no death by SIGPIPE.
#pragma once

namespace kep::server::platform {

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the new soft limit.
unsigned long raiseOpenFilesLimit();

// A write to a connection the peer has closed must fail with EPIPE, not kill the process.
void ignoreBrokenPipe();

}  // namespace kep::server::platform
