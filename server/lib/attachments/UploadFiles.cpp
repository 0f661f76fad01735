#include "attachments/UploadFiles.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace kep::server::attachments {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

// Closes the descriptor on every path out, including exceptions.
class FileDescriptor {
public:
    FileDescriptor(const std::string& path, int flags, mode_t mode = 0600)
        : fd_(::open(path.c_str(), flags | O_CLOEXEC, mode)) {
        if (fd_ < 0) {
            fail("cannot open", path);
        }
    }
    ~FileDescriptor() { ::close(fd_); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

void writeAll(int fd, std::string_view bytes, const std::string& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            fail("cannot write", path);
        }
        written += static_cast<std::size_t>(n);
    }
}

void syncFile(int fd, const std::string& path) {
    if (::fsync(fd) != 0) {
        fail("cannot sync", path);
    }
}

// A rename is durable only once the directory that holds the new name is synced.
void syncDirectoryOf(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path().string();
    FileDescriptor dir(parent, O_RDONLY | O_DIRECTORY);
    syncFile(dir.get(), parent);
}

struct DigestDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

std::string toHex(const unsigned char* bytes, unsigned length) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned i = 0; i < length; ++i) {
        hex.push_back(kDigits[bytes[i] >> 4]);
        hex.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return hex;
}

}  // namespace

void ensureDirectory(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        return;
    }
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
        fail("cannot create the directory", path);
    }
}

void removeTree(const std::string& path) noexcept {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

void writeDurably(const std::string& path, std::string_view bytes) {
    const auto temporary = path + ".part";
    {
        FileDescriptor file(temporary, O_WRONLY | O_CREAT | O_TRUNC);
        writeAll(file.get(), bytes, temporary);
        syncFile(file.get(), temporary);
    }
    moveDurably(temporary, path);
}

Assembled concatenateAndHash(const std::vector<std::string>& parts, const std::string& out) {
    std::unique_ptr<EVP_MD_CTX, DigestDeleter> digest(EVP_MD_CTX_new());
    if (!digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("cannot start a SHA-256 digest");
    }
    Assembled result;
    FileDescriptor target(out, O_WRONLY | O_CREAT | O_TRUNC);
    std::string buffer(64 * 1024, '\0');
    for (const auto& part : parts) {
        FileDescriptor source(part, O_RDONLY);
        while (true) {
            const auto n = ::read(source.get(), buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                fail("cannot read", part);
            }
            if (n == 0) {
                break;
            }
            const std::string_view bytes(buffer.data(), static_cast<std::size_t>(n));
            if (result.head.size() < 16) {
                result.head.append(bytes.substr(0, 16 - result.head.size()));
            }
            EVP_DigestUpdate(digest.get(), bytes.data(), bytes.size());
            writeAll(target.get(), bytes, out);
            result.size += n;
        }
    }
    syncFile(target.get(), out);
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (EVP_DigestFinal_ex(digest.get(), hash, &length) != 1) {
        throw std::runtime_error("cannot finish a SHA-256 digest");
    }
    result.sha256 = toHex(hash, length);
    return result;
}

void moveDurably(const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
        fail("cannot rename " + from + " to", to);
    }
    syncDirectoryOf(to);
}

}  // namespace kep::server::attachments
