#include "ops/TarArchive.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace kep::server::ops {

namespace {

constexpr std::size_t kBlock = 512;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void putOctal(char* field, std::size_t width, std::uint64_t value) {
    // width - 1 digits and a NUL, as ustar writes them.
    for (std::size_t i = width - 1; i-- > 0;) {
        field[i] = static_cast<char>('0' + (value & 7));
        value >>= 3;
    }
    if (value != 0) {
        throw std::runtime_error("a value is too large for a tar header field");
    }
    field[width - 1] = '\0';
}

std::uint64_t readOctal(const char* field, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width && field[i] != '\0' && field[i] != ' '; ++i) {
        if (field[i] < '0' || field[i] > '7') {
            throw std::runtime_error("malformed number in a tar header");
        }
        value = (value << 3) | static_cast<std::uint64_t>(field[i] - '0');
    }
    return value;
}

unsigned checksumOf(const std::array<char, kBlock>& block) {
    unsigned sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i) {
        // The checksum field itself counts as eight spaces.
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
    }
    return sum;
}

bool isSafeName(std::string_view name) {
    if (name.empty() || name.front() == '/') {
        return false;
    }
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find('/', start), name.size());
        const auto part = name.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace

TarWriter::TarWriter(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        fail("cannot create", path);
    }
}

TarWriter::~TarWriter() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void TarWriter::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            fail("cannot write", path_);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
        written_ += static_cast<std::uint64_t>(n);
    }
}

void TarWriter::pad(std::uint64_t size) {
    static const std::array<char, kBlock> zeros{};
    if (const auto rest = size % kBlock; rest != 0) {
        write(std::string_view(zeros.data(), kBlock - rest));
    }
}

void TarWriter::header(const std::string& name, std::uint64_t size, mode_t mode) {
    std::array<char, kBlock> block{};
    // ustar: up to 100 bytes of name, and a prefix of up to 155 split at a '/'.
    std::string_view prefix;
    std::string_view rest = name;
    if (name.size() > 100) {
        const auto slash = name.rfind('/', 155);
        if (slash == std::string::npos || name.size() - slash - 1 > 100) {
            throw std::runtime_error("a path is too long for the backup archive: " + name);
        }
        prefix = std::string_view(name).substr(0, slash);
        rest = std::string_view(name).substr(slash + 1);
    }
    std::copy(rest.begin(), rest.end(), block.data());
    putOctal(block.data() + 100, 8, mode & 07777);
    putOctal(block.data() + 108, 8, 0);
    putOctal(block.data() + 116, 8, 0);
    putOctal(block.data() + 124, 12, size);
    putOctal(block.data() + 136, 12, static_cast<std::uint64_t>(std::time(nullptr)));
    block[156] = '0';
    std::memcpy(block.data() + 257, "ustar", 6);
    std::memcpy(block.data() + 263, "00", 2);
    // std::copy, not memcpy: an empty prefix's data() is null, which memcpy must never get.
    std::copy(prefix.begin(), prefix.end(), block.data() + 345);
    putOctal(block.data() + 148, 7, checksumOf(block));
    block[155] = ' ';
    write(std::string_view(block.data(), kBlock));
}

std::optional<CopiedMember> TarWriter::addFile(const std::string& name,
                                               const std::string& sourcePath, mode_t mode,
                                               std::optional<std::uint64_t> limit) {
    const int source = ::open(sourcePath.c_str(), O_RDONLY | O_CLOEXEC);
    if (source < 0 && errno == ENOENT) {
        return std::nullopt;
    }
    if (source < 0) {
        fail("cannot read", sourcePath);
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{source};
    // The size is fixed now: bytes appended while copying belong to the next backup.
    const auto end = ::lseek(source, 0, SEEK_END);
    ::lseek(source, 0, SEEK_SET);
    auto size = static_cast<std::uint64_t>(end < 0 ? 0 : end);
    if (limit && *limit < size) {
        size = *limit;
    }
    header(name, size, mode);
    Sha256 digest;
    std::string buffer(256 * 1024, '\0');
    std::uint64_t left = size;
    while (left > 0) {
        const auto n =
            ::read(source, buffer.data(),
                   static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size())));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw std::runtime_error("cannot read " + sourcePath + ": it shrank while copied");
        }
        const std::string_view bytes(buffer.data(), static_cast<std::size_t>(n));
        digest.update(bytes);
        write(bytes);
        left -= static_cast<std::uint64_t>(n);
    }
    pad(size);
    return CopiedMember{digest.hex(), size};
}

std::string TarWriter::addBytes(const std::string& name, std::string_view bytes, mode_t mode) {
    header(name, bytes.size(), mode);
    write(bytes);
    pad(bytes.size());
    Sha256 digest;
    digest.update(bytes);
    return digest.hex();
}

void TarWriter::finish() {
    static const std::array<char, 2 * kBlock> zeros{};
    write(std::string_view(zeros.data(), zeros.size()));
    if (::fsync(fd_) != 0) {
        fail("cannot fsync", path_);
    }
    if (::close(fd_) != 0) {
        fd_ = -1;
        fail("cannot close", path_);
    }
    fd_ = -1;
}

TarReader::TarReader(const std::string& path) : path_(path), in_(path, std::ios::binary) {
    if (!in_) {
        throw std::runtime_error("cannot read " + path);
    }
}

std::optional<TarMember> TarReader::next() {
    if (current_) {
        skip();
    }
    std::array<char, kBlock> block{};
    if (!in_.read(block.data(), kBlock)) {
        throw std::runtime_error(path_ + " ends before its end-of-archive blocks (truncated)");
    }
    if (std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; })) {
        return std::nullopt;
    }
    if (readOctal(block.data() + 148, 8) != checksumOf(block)) {
        throw std::runtime_error(path_ + ": a member's header is damaged (checksum)");
    }
    if (block[156] != '0' && block[156] != '\0') {
        throw std::runtime_error(path_ + ": holds a member that is not a regular file");
    }
    TarMember member;
    const std::string name(block.data(), strnlen(block.data(), 100));
    const std::string prefix(block.data() + 345, strnlen(block.data() + 345, 155));
    member.name = prefix.empty() ? name : prefix + "/" + name;
    if (!isSafeName(member.name)) {
        throw std::runtime_error(path_ + ": refuses member '" + member.name +
                                 "' (absolute, or leaves the folder)");
    }
    member.size = readOctal(block.data() + 124, 12);
    member.mode = static_cast<mode_t>(readOctal(block.data() + 100, 8) & 0777);
    current_ = member;
    return member;
}

std::string TarReader::extractTo(const std::string& target) {
    if (!current_) {
        throw std::logic_error("TarReader::extractTo without a member");
    }
    const int out = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                           current_->mode == 0 ? 0600 : current_->mode);
    if (out < 0) {
        fail("cannot create", target);
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{out};
    Sha256 digest;
    std::string buffer(256 * 1024, '\0');
    std::uint64_t left = current_->size;
    while (left > 0) {
        const auto chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
        if (!in_.read(buffer.data(), static_cast<std::streamsize>(chunk))) {
            throw std::runtime_error(path_ + " ends inside member " + current_->name +
                                     " (truncated)");
        }
        const std::string_view bytes(buffer.data(), chunk);
        digest.update(bytes);
        for (std::string_view rest = bytes; !rest.empty();) {
            const auto n = ::write(out, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                fail("cannot write", target);
            }
            rest.remove_prefix(static_cast<std::size_t>(n));
        }
        left -= chunk;
    }
    if (::fsync(out) != 0) {
        fail("cannot fsync", target);
    }
    const auto rest = current_->size % kBlock;
    in_.ignore(rest == 0 ? 0 : static_cast<std::streamsize>(kBlock - rest));
    current_.reset();
    return digest.hex();
}

void TarReader::skip() {
    if (!current_) {
        return;
    }
    const auto padded = (current_->size + kBlock - 1) / kBlock * kBlock;
    in_.ignore(static_cast<std::streamsize>(padded));
    current_.reset();
}

}  // namespace kep::server::ops
