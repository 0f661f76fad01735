#include "audit/KeyFile.h"

#include "platform/Files.h"

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace kep::server::audit {

namespace {

constexpr mode_t kOwnerOnly = 0600;

// Unique among the threads and processes that may create the same file at once.
std::string temporaryName(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const auto thread = std::hash<std::thread::id>{}(std::this_thread::get_id());
    return path + ".new." + std::to_string(thread) + "." + std::to_string(++counter);
}

}  // namespace

std::string readOrCreateSecretFile(const std::string& path,
                                   const std::function<std::string()>& make) {
    if (!platform::exists(path)) {
        const auto temporary = temporaryName(path);
        platform::writeNewFile(temporary, make(), kOwnerOnly);
        std::error_code error;
        // link() never replaces: whoever links first wins, and the others read the winner's.
        std::filesystem::create_hard_link(temporary, path, error);
        platform::removeFile(temporary);
        if (error && error != std::errc::file_exists) {
            throw std::runtime_error("cannot create " + path + ": " + error.message());
        }
    }
    return platform::readFile(path);
}

}  // namespace kep::server::audit
