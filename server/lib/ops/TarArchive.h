// A backup is one POSIX ustar archive (what `tar -tvf FILE` lists): written member by member
// in a stream by TarWriter, read back by TarReader, which checks every header's checksum.
#pragma once

#include "ops/Sha256.h"

#include <sys/types.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::ops {

// What a member holds, as the manifest lists it.
struct CopiedMember {
    std::string sha256;
    std::uint64_t size = 0;
};

class TarWriter {
public:
    // Creates `path` (0600: a backup holds the CA's and the audit log's private keys).
    explicit TarWriter(const std::string& path);
    ~TarWriter();
    TarWriter(const TarWriter&) = delete;
    TarWriter& operator=(const TarWriter&) = delete;

    // Copies `sourcePath` as member `name`, at most `limit` bytes (a log being appended to is
    // cut at the size it had when asked); returns what it copied, or nullopt when the file no
    // longer exists (a temporary file removed since the folder was listed): nothing written.
    std::optional<CopiedMember> addFile(const std::string& name, const std::string& sourcePath,
                                        mode_t mode,
                                        std::optional<std::uint64_t> limit = std::nullopt);
    std::string addBytes(const std::string& name, std::string_view bytes, mode_t mode);
    // The end-of-archive blocks, then fsync: the archive is durable when this returns.
    void finish();
    std::uint64_t bytesWritten() const { return written_; }

private:
    void header(const std::string& name, std::uint64_t size, mode_t mode);
    void write(std::string_view bytes);
    void pad(std::uint64_t size);

    std::string path_;
    int fd_ = -1;
    std::uint64_t written_ = 0;
};

struct TarMember {
    std::string name;
    std::uint64_t size = 0;
    mode_t mode = 0600;
};

class TarReader {
public:
    explicit TarReader(const std::string& path);

    // The next member's header, or nullopt at the end of the archive. Throws
    // std::runtime_error for a damaged header, a type other than a regular file, or a name that
    // would leave the folder it is extracted into (absolute, or with "..").
    std::optional<TarMember> next();
    // Writes the current member's content to `target` (created, fsynced); returns its SHA-256.
    std::string extractTo(const std::string& target);
    void skip();

private:
    std::string path_;
    std::ifstream in_;
    std::optional<TarMember> current_;
};

}  // namespace kep::server::ops
