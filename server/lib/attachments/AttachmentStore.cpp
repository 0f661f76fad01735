#include "attachments/AttachmentStore.h"

#include "attachments/UploadFiles.h"
#include "shared/catalogue/CanonicalForm.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace kep::server::attachments {

namespace {

using Reason = AttachmentRefused::Reason;

std::string now() {
    return storage::isoUtc(std::chrono::system_clock::now());
}

std::vector<std::int64_t> allChunks(std::int64_t count) {
    std::vector<std::int64_t> indexes(static_cast<std::size_t>(count));
    std::iota(indexes.begin(), indexes.end(), std::int64_t{0});
    return indexes;
}

AttachmentType typeOfColumn(const std::string& mediaType) {
    // Only the three types are ever written (the routes check the declaration).
    return attachmentTypeOfMedia(mediaType).value_or(AttachmentType::Pdf);
}

}  // namespace

std::vector<std::int64_t> UploadStatus::missing() const {
    std::vector<std::int64_t> result;
    auto next = have.begin();
    for (std::int64_t index = 0; index < chunkCount(); ++index) {
        if (next != have.end() && *next == index) {
            ++next;
        } else {
            result.push_back(index);
        }
    }
    return result;
}

AttachmentStore::AttachmentStore(storage::ServerStore& store, std::string dataDir)
    : store_(store)
    , attachmentsDir_(dataDir + "/attachments")
    , uploadsDir_(dataDir + "/uploads") {
    ensureDirectory(attachmentsDir_);
    ensureDirectory(uploadsDir_);
}

std::string AttachmentStore::contentPath(const AttachmentDeclaration& content) const {
    return attachmentsDir_ + "/" + content.sha256 + "." + std::string(extensionOf(content.type));
}

std::optional<std::string> AttachmentStore::contentPath(std::string_view sha256) {
    if (!isSha256Hex(sha256)) {
        return std::nullopt;
    }
    const auto stored = storedContent(sha256);
    if (!stored) {
        return std::nullopt;
    }
    return contentPath(stored->content);
}

std::string AttachmentStore::storeComplete(std::string_view bytes, AttachmentType type) {
    if (bytes.empty() || !startsAsType(type, bytes.substr(0, 16))) {
        throw AttachmentRefused(Reason::TypeMismatch, "the file is not " +
                                                          std::string(mediaTypeOf(type)) +
                                                          " (its first bytes say otherwise)");
    }
    const AttachmentDeclaration content{kep::catalogue::sha256Hex(bytes),
                                        static_cast<std::int64_t>(bytes.size()), type};
    std::lock_guard transition(mutex_);
    if (storedAs(content)) {
        return content.sha256;
    }
    writeDurably(contentPath(content), bytes);
    recordContent(content);
    return content.sha256;
}

void AttachmentStore::recordContent(const AttachmentDeclaration& content) {
    // Every office's upload of this content is moot now: their next request answers complete.
    std::vector<std::int64_t> moot;
    {
        std::lock_guard lock(store_.mutex());
        auto& db = store_.database();
        kep::db::Transaction transaction(db);
        db.prepare(
              "INSERT INTO attachment_content (sha256, size, media_type, stored_at) "
              "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .bind(1, content.sha256)
            .bind(2, content.size)
            .bind(3, mediaTypeOf(content.type))
            .bind(4, now())
            .run();
        auto uploads = db.prepare("SELECT upload_no FROM attachment_upload WHERE sha256 = ?");
        uploads.bind(1, content.sha256);
        while (uploads.step()) {
            moot.push_back(uploads.int64(0));
        }
        auto dropChunks = db.prepare("DELETE FROM attachment_chunk WHERE upload_no = ?");
        auto dropUpload = db.prepare("DELETE FROM attachment_upload WHERE upload_no = ?");
        for (const auto number : moot) {
            dropChunks.bind(1, number).run();
            dropUpload.bind(1, number).run();
        }
        transaction.commit();
    }
    for (const auto number : moot) {
        removeTree(uploadDir(number));
    }
}

std::string AttachmentStore::uploadDir(std::int64_t number) const {
    return uploadsDir_ + "/" + std::to_string(number);
}

std::optional<UploadStatus> AttachmentStore::storedAs(const AttachmentDeclaration& content) {
    auto stored = storedContent(content.sha256);
    if (stored && (stored->content.size != content.size || stored->content.type != content.type)) {
        throw AttachmentRefused(Reason::Conflict,
                                "the server holds this content as " +
                                    std::string(mediaTypeOf(stored->content.type)) + " of " +
                                    std::to_string(stored->content.size) + " bytes");
    }
    return stored;
}

std::optional<UploadStatus> AttachmentStore::storedContent(std::string_view sha256) {
    std::lock_guard lock(store_.mutex());
    auto query = store_.database().prepare(
        "SELECT size, media_type FROM attachment_content WHERE sha256 = ?");
    query.bind(1, sha256);
    if (!query.step()) {
        return std::nullopt;
    }
    UploadStatus status;
    status.content = {std::string(sha256), query.int64(0), typeOfColumn(query.text(1))};
    status.complete = true;
    status.have = allChunks(status.chunkCount());
    return status;
}

std::optional<AttachmentStore::OpenUpload> AttachmentStore::openUpload(std::string_view sha256,
                                                                       std::string_view office) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    auto query = db.prepare(
        "SELECT upload_no, size, media_type, chunk_size FROM attachment_upload "
        "WHERE sha256 = ? AND office_code = ?");
    query.bind(1, sha256).bind(2, office);
    if (!query.step()) {
        return std::nullopt;
    }
    OpenUpload upload;
    upload.number = query.int64(0);
    upload.status.content = {std::string(sha256), query.int64(1), typeOfColumn(query.text(2))};
    upload.status.chunkSize = query.int64(3);
    auto chunks = db.prepare(
        "SELECT chunk_index FROM attachment_chunk WHERE upload_no = ? ORDER BY chunk_index");
    chunks.bind(1, upload.number);
    while (chunks.step()) {
        upload.status.have.push_back(chunks.int64(0));
    }
    return upload;
}

AttachmentStore::OpenUpload AttachmentStore::createUpload(const AttachmentDeclaration& content,
                                                          const Uploader& uploader) {
    OpenUpload upload;
    {
        std::lock_guard lock(store_.mutex());
        auto& db = store_.database();
        // RETURNING rather than lastInsertRowId(), which only SQLite has.
        auto insert = db.prepare(
            "INSERT INTO attachment_upload (sha256, office_code, device_id, size, media_type, "
            "chunk_size, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING upload_no");
        insert.bind(1, content.sha256)
            .bind(2, uploader.officeCode)
            .bind(3, uploader.deviceId)
            .bind(4, content.size)
            .bind(5, mediaTypeOf(content.type))
            .bind(6, kChunkSize)
            .bind(7, now());
        if (!insert.step()) {
            throw kep::db::Error(0, "attachments: the insert returned no upload_no");
        }
        upload.number = insert.int64(0);
        insert.reset();  // SQLite ends the insert (and its implicit transaction) only here
    }
    upload.status.content = content;
    upload.status.chunkSize = kChunkSize;
    // A number may be reused after a discard; chunks of a crashed earlier upload must not count.
    removeTree(uploadDir(upload.number));
    ensureDirectory(uploadDir(upload.number));
    return upload;
}

void AttachmentStore::discardUpload(std::int64_t number) {
    {
        std::lock_guard lock(store_.mutex());
        kep::db::Transaction transaction(store_.database());
        store_.database()
            .prepare("DELETE FROM attachment_chunk WHERE upload_no = ?")
            .bind(1, number)
            .run();
        store_.database()
            .prepare("DELETE FROM attachment_upload WHERE upload_no = ?")
            .bind(1, number)
            .run();
        transaction.commit();
    }
    removeTree(uploadDir(number));
}

UploadStatus AttachmentStore::complete(const OpenUpload& upload) {
    const auto& content = upload.status.content;
    const auto dir = uploadDir(upload.number);
    std::vector<std::string> parts;
    for (std::int64_t index = 0; index < upload.status.chunkCount(); ++index) {
        parts.push_back(dir + "/" + std::to_string(index));
    }
    const auto assembledPath = dir + "/assembled";
    const auto assembled = concatenateAndHash(parts, assembledPath);
    if (assembled.sha256 != content.sha256 || assembled.size != content.size) {
        discardUpload(upload.number);
        throw AttachmentRefused(Reason::HashMismatch,
                                "the uploaded bytes do not hash to " + content.sha256 +
                                    " (the upload is discarded; send the file again)");
    }
    if (!startsAsType(content.type, assembled.head)) {
        discardUpload(upload.number);
        throw AttachmentRefused(Reason::TypeMismatch,
                                "the uploaded file is not " +
                                    std::string(mediaTypeOf(content.type)) +
                                    " (its first bytes say otherwise; the upload is discarded)");
    }
    moveDurably(assembledPath, contentPath(content));
    recordContent(content);
    UploadStatus status = upload.status;
    status.complete = true;
    status.have = allChunks(status.chunkCount());
    return status;
}

UploadStatus AttachmentStore::open(const AttachmentDeclaration& content, const Uploader& uploader) {
    std::lock_guard transition(mutex_);
    if (auto stored = storedAs(content)) {
        return *stored;
    }
    const auto upload = openUpload(content.sha256, uploader.officeCode);
    if (!upload) {
        return createUpload(content, uploader).status;
    }
    if (upload->status.content.size != content.size ||
        upload->status.content.type != content.type) {
        discardUpload(upload->number);
        return createUpload(content, uploader).status;
    }
    if (static_cast<std::int64_t>(upload->status.have.size()) == upload->status.chunkCount()) {
        return complete(*upload);  // every chunk arrived but the server stopped before this
    }
    return upload->status;
}

std::optional<UploadStatus> AttachmentStore::status(std::string_view sha256,
                                                    const Uploader& uploader) {
    std::lock_guard transition(mutex_);
    if (auto stored = storedContent(sha256)) {
        return stored;
    }
    if (auto upload = openUpload(sha256, uploader.officeCode)) {
        return upload->status;
    }
    return std::nullopt;
}

UploadStatus AttachmentStore::putChunk(std::string_view sha256, const Uploader& uploader,
                                       std::int64_t index, std::string_view bytes) {
    std::lock_guard transition(mutex_);
    if (auto stored = storedContent(sha256)) {
        return *stored;
    }
    auto upload = openUpload(sha256, uploader.officeCode);
    if (!upload) {
        throw AttachmentRefused(Reason::NoUpload,
                                "no upload of this content is open for this office (open it with "
                                "PUT /api/v1/attachments/{sha256}?size=&type= first)");
    }
    auto& status = upload->status;
    if (index < 0 || index >= status.chunkCount()) {
        throw AttachmentRefused(
            Reason::ChunkOutOfRange,
            "chunk index must be between 0 and " + std::to_string(status.chunkCount() - 1));
    }
    const auto expected = chunkLength(status.content.size, status.chunkSize, index);
    if (static_cast<std::int64_t>(bytes.size()) != expected) {
        throw AttachmentRefused(Reason::ChunkLength, "chunk " + std::to_string(index) +
                                                         " must be " + std::to_string(expected) +
                                                         " bytes, not " +
                                                         std::to_string(bytes.size()));
    }
    const auto dir = uploadDir(upload->number);
    ensureDirectory(dir);
    writeDurably(dir + "/" + std::to_string(index), bytes);
    {
        std::lock_guard lock(store_.mutex());
        store_.database()
            .prepare(
                "INSERT INTO attachment_chunk (upload_no, chunk_index) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING")
            .bind(1, upload->number)
            .bind(2, index)
            .run();
    }
    const auto at = std::lower_bound(status.have.begin(), status.have.end(), index);
    if (at == status.have.end() || *at != index) {
        status.have.insert(at, index);
    }
    if (static_cast<std::int64_t>(status.have.size()) == status.chunkCount()) {
        return complete(*upload);
    }
    return status;
}

}  // namespace kep::server::attachments
