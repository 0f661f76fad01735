// What the server accepts as an attachment (issue 6, must-have 5): its content address, the media
// types and their magic bytes, the size limit and how an upload is cut into chunks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::attachments {

// The same limit as the desk's import (client/core/cases/AttachmentImport.h).
inline constexpr std::int64_t kMaxAttachmentBytes = 20 * 1024 * 1024;
// 256 KiB: a chunk fits the server's default 1 MiB body limit with room to spare, and a cut
// connection loses at most this much.
inline constexpr std::int64_t kChunkSize = 256 * 1024;

enum class AttachmentType { Pdf, Jpeg, Png };

// "application/pdf", "image/jpeg", "image/png" (and back: nullopt for any other).
std::string_view mediaTypeOf(AttachmentType type);
std::optional<AttachmentType> attachmentTypeOfMedia(std::string_view mediaType);
// "pdf", "jpg", "png": the stored file's extension.
std::string_view extensionOf(AttachmentType type);
// Whether the content starts with the magic bytes of `type`.
bool startsAsType(AttachmentType type, std::string_view head);

// 64 lowercase hexadecimal digits.
bool isSha256Hex(std::string_view text);

// How many chunks a file of `size` bytes has, and how long chunk `index` must be.
std::int64_t chunkCount(std::int64_t size, std::int64_t chunkSize);
std::int64_t chunkLength(std::int64_t size, std::int64_t chunkSize, std::int64_t index);

}  // namespace kep::server::attachments
