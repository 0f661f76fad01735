#include "audit/CheckpointLog.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace kep::server::audit {

namespace {

// The longest line there is (size, hex root, time, base64 signature) is about 200 bytes.
constexpr off_t kTailBytes = 4096;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// A new file's name is durable only once its folder is synced.
void syncFolderOf(const std::string& path) {
    const auto folder = std::filesystem::path(path).parent_path().string();
    FileDescriptor dir(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY));
    if (dir.get() >= 0) {
        ::fsync(dir.get());
    }
}

}  // namespace

void CheckpointLog::append(std::string_view line) const {
    const bool existed = std::filesystem::exists(path_);
    FileDescriptor file(::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600));
    if (file.get() < 0) {
        fail("cannot open", path_);
    }
    std::string text(line);
    text.push_back('\n');
    std::size_t written = 0;
    while (written < text.size()) {
        const auto n = ::write(file.get(), text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            fail("cannot append to", path_);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.get()) != 0) {
        fail("cannot sync", path_);
    }
    if (!existed) {
        syncFolderOf(path_);
    }
}

std::optional<std::string> CheckpointLog::lastLine() const {
    FileDescriptor file(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) {
        if (errno == ENOENT) {
            return std::nullopt;
        }
        fail("cannot open", path_);
    }
    struct stat status {};
    if (::fstat(file.get(), &status) != 0) {
        fail("cannot read", path_);
    }
    const off_t start = status.st_size > kTailBytes ? status.st_size - kTailBytes : 0;
    std::string tail(static_cast<std::size_t>(status.st_size - start), '\0');
    std::size_t got = 0;
    while (got < tail.size()) {
        const auto n = ::pread(file.get(), tail.data() + got, tail.size() - got,
                               start + static_cast<off_t>(got));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            fail("cannot read", path_);
        }
        got += static_cast<std::size_t>(n);
    }
    while (!tail.empty() && tail.back() == '\n') {
        tail.pop_back();
    }
    if (tail.empty()) {
        return std::nullopt;
    }
    const auto newline = tail.rfind('\n');
    return newline == std::string::npos ? tail : tail.substr(newline + 1);
}

CheckpointLogReader::CheckpointLogReader(const std::string& path, std::uint64_t limit)
    : in_(path)
    , limit_(limit) {
    exists_ = in_.is_open();
}

bool CheckpointLogReader::next(std::string& line) {
    if (!exists_ || consumed_ >= limit_ || !std::getline(in_, line)) {
        return false;
    }
    consumed_ += line.size() + 1;
    ++lineNumber_;
    return true;
}

}  // namespace kep::server::audit
