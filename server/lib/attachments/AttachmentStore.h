// The server's attachments (issue 6, must-have 5; DESIGN.md decision 5): uploads opened per
// content and office, chunks stored durably before they are acknowledged, and content that
// becomes complete only when the whole file's SHA-256, size and magic bytes match what was
// declared — then moved atomically to DIR/attachments/<sha256>.<ext> and shared by hash.
#pragma once

#include "attachments/AttachmentRules.h"
#include "storage/ServerStore.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::attachments {

// What a desk declares when it opens an upload.
struct AttachmentDeclaration {
    std::string sha256;  // lowercase hex (isSha256Hex)
    std::int64_t size = 0;
    AttachmentType type = AttachmentType::Pdf;
};

// The workstation that asks, by its certificate: uploads in progress are its office's.
struct Uploader {
    std::string deviceId;
    std::string officeCode;
};

struct UploadStatus {
    AttachmentDeclaration content;
    std::int64_t chunkSize = kChunkSize;
    bool complete = false;
    std::vector<std::int64_t> have;  // chunk indexes the server holds, ascending
    std::int64_t chunkCount() const { return attachments::chunkCount(content.size, chunkSize); }
    std::vector<std::int64_t> missing() const;
};

// A request the store refuses; the routes turn `reason` into the HTTP answer.
class AttachmentRefused : public std::runtime_error {
public:
    enum class Reason {
        NoUpload,         // no upload of this content is open for the caller's office
        ChunkOutOfRange,  // index not in [0, chunkCount)
        ChunkLength,      // a chunk of the wrong length
        HashMismatch,     // the assembled file's SHA-256 is not its address (upload discarded)
        TypeMismatch,     // its first bytes are not the declared type's (upload discarded)
        Conflict,         // declared size or type differ from the content already stored
    };
    AttachmentRefused(Reason reason, const std::string& message)
        : std::runtime_error(message)
        , reason_(reason) {}
    Reason reason() const noexcept { return reason_; }

private:
    Reason reason_;
};

// Thread-safe: one transition at a time (the store's own lock, held over the file work); the
// ServerStore's lock is taken only around each SQL statement, so identity look-ups of other
// requests never wait for an fsync here.
class AttachmentStore {
public:
    // `dataDir` is the server's data folder; attachments/ and uploads/ are created in it.
    AttachmentStore(storage::ServerStore& store, std::string dataDir);

    // Opens the office's upload of this content, or finds it, or answers complete at once when
    // the content is already stored (whoever uploaded it). An open upload declared differently
    // is discarded and opened again as now declared.
    UploadStatus open(const AttachmentDeclaration& content, const Uploader& uploader);
    // Complete content, or the office's upload in progress; nullopt when neither exists.
    std::optional<UploadStatus> status(std::string_view sha256, const Uploader& uploader);
    // Stores a chunk durably, then — if it was the last one missing — verifies and completes
    // the content. A chunk for content already complete changes nothing and answers complete.
    UploadStatus putChunk(std::string_view sha256, const Uploader& uploader, std::int64_t index,
                          std::string_view bytes);

    // Where complete content lives (the file may be read by whoever serves it later).
    std::string contentPath(const AttachmentDeclaration& content) const;
    // The same for stored content known only by its hash; nullopt unless it is complete here.
    std::optional<std::string> contentPath(std::string_view sha256);

    // Stores a whole file the server itself received (an authority's result, a registry's
    // answer) as complete content, as a finished upload would be: magic bytes checked (else
    // AttachmentRefused TypeMismatch), written durably to its content address, recorded, and
    // shared by hash. Returns its SHA-256. Content already stored differently is Conflict.
    std::string storeComplete(std::string_view bytes, AttachmentType type);

private:
    struct OpenUpload {
        std::int64_t number = 0;
        UploadStatus status;
    };
    std::optional<UploadStatus> storedContent(std::string_view sha256);
    // The stored content of this declaration's hash; throws Conflict when it was stored with
    // another size or type than declared now.
    std::optional<UploadStatus> storedAs(const AttachmentDeclaration& content);
    std::optional<OpenUpload> openUpload(std::string_view sha256, std::string_view office);
    OpenUpload createUpload(const AttachmentDeclaration& content, const Uploader& uploader);
    void discardUpload(std::int64_t number);
    UploadStatus complete(const OpenUpload& upload);
    // Records verified content on disk as stored, and drops every upload of it.
    void recordContent(const AttachmentDeclaration& content);
    std::string uploadDir(std::int64_t number) const;

    storage::ServerStore& store_;
    std::string attachmentsDir_;
    std::string uploadsDir_;
    std::mutex mutex_;
};

}  // namespace kep::server::attachments
