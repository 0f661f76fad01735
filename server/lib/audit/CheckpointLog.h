// DIR/audit/checkpoints.log: every signed checkpoint as one line (kep::audit::toLine), appended
// and fsync'd before its row is committed — the copy outside the database that makes a
// truncation of the log, or a checkpoint removed from the database, visible.
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::audit {

class CheckpointLog {
public:
    explicit CheckpointLog(std::string path) : path_(std::move(path)) {}
    const std::string& path() const { return path_; }

    // Appends `line` and a newline in one write, then fsyncs the file (creating it, 0600, and
    // fsyncing its folder the first time). Throws std::runtime_error naming the path.
    void append(std::string_view line) const;

    // The last line without its newline; nullopt when the file is missing or empty. Reads only
    // the file's tail.
    std::optional<std::string> lastLine() const;

private:
    std::string path_;
};

// Reads the log one line at a time (a missing file reads as empty), in bounded memory.
class CheckpointLogReader {
public:
    // Reads no further than `limit` bytes from the start.
    explicit CheckpointLogReader(const std::string& path, std::uint64_t limit = UINT64_MAX);
    bool exists() const { return exists_; }
    // The next line without its newline, with its 1-based number; false at the end.
    bool next(std::string& line);
    std::uint64_t lineNumber() const { return lineNumber_; }

private:
    std::ifstream in_;
    std::uint64_t limit_;
    std::uint64_t consumed_ = 0;
    bool exists_ = false;
    std::uint64_t lineNumber_ = 0;
};

}  // namespace kep::server::audit
