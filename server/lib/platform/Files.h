// The few file-system operations kep-server needs with exact POSIX semantics: creating a file
// that must not exist yet with a given mode (keys are 0600 from their first byte). One of the
// places to change for another operating system (with Process.h and Terminal.h).
#pragma once

#include <sys/types.h>
#include <string>
#include <string_view>

namespace kep::server::platform {

// Creates `path` (O_CREAT|O_EXCL, so nothing is ever overwritten) with `mode`, writes `content`
// and fsyncs it. Throws std::runtime_error naming the path and the system's reason.
void writeNewFile(const std::string& path, std::string_view content, mode_t mode);

// Reads a whole file; throws std::runtime_error naming the path.
std::string readFile(const std::string& path);

bool exists(const std::string& path);
bool isDirectory(const std::string& path);
// Creates one directory (mode 0700); its parent must exist. Throws naming the reason.
void makeDirectory(const std::string& path);
void removeFile(const std::string& path) noexcept;

}  // namespace kep::server::platform
