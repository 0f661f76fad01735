// The files behind attachment uploads, written so that a crash or kill -9 never leaves a torn
// chunk under its final name and never a half-written file under a content address (POSIX).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::attachments {

// Creates `path` (0700) unless it is already a directory; throws std::runtime_error naming it.
void ensureDirectory(const std::string& path);
// Removes a directory and everything in it; a missing one is not an error.
void removeTree(const std::string& path) noexcept;

// Writes `bytes` to `path` through a temporary name, fsyncs it, renames it into place and
// fsyncs the directory: once this returns the file is durable, whole, under its name.
void writeDurably(const std::string& path, std::string_view bytes);

// What concatenating the chunk files produced.
struct Assembled {
    std::string sha256;  // lowercase hex of everything written
    std::int64_t size = 0;
    std::string head;  // the first bytes (at most 16), for the magic-bytes check
};

// Writes the files of `parts`, in order, into the new file `out` (fsynced), hashing as it goes.
Assembled concatenateAndHash(const std::vector<std::string>& parts, const std::string& out);

// rename(2) `from` onto `to` (atomic, replacing any file there), then fsyncs `to`'s directory.
void moveDurably(const std::string& from, const std::string& to);

}  // namespace kep::server::attachments
