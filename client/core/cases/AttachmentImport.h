// Attachments brought in from a file at the counter: the type judged from the content's magic
// bytes (never the file name), a size limit, and a content-addressed copy (SHA-256 file name).
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace kep::desk::cases {

inline constexpr std::int64_t kMaxAttachmentBytes = 20 * 1024 * 1024;

enum class AttachmentType { Pdf, Jpeg, Png };

// "application/pdf", "image/jpeg", "image/png".
QString mediaTypeOf(AttachmentType type);
// The inverse of mediaTypeOf; nullopt for any other media type.
std::optional<AttachmentType> attachmentTypeOfMedia(const QString& mediaType);
// The content-addressed copy's name in the attachments folder: "<sha256>.pdf|jpg|png".
QString storedFileName(const QString& sha256, AttachmentType type);

// The type the first bytes announce; nullopt for anything else.
std::optional<AttachmentType> sniffAttachmentType(const QByteArray& head);

struct ImportedAttachment {
    QString sha256;  // lowercase hex: also the stored file's name (plus the type's extension)
    AttachmentType type = AttachmentType::Pdf;
    std::int64_t size = 0;
    QString storedPath;
};

struct AttachmentImportResult {
    enum class Refusal { None, Unreadable, Empty, TooLarge, UnsupportedType, StoreFailed };
    Refusal refusal = Refusal::None;
    std::optional<ImportedAttachment> attachment;
    bool ok() const { return refusal == Refusal::None; }
};

// Copies `sourceFile` into `attachmentsFolder` as <sha256>.<ext> unless that file is already
// there (de-duplicated). Nothing is left behind when it is refused.
AttachmentImportResult importAttachment(const QString& sourceFile, const QString& attachmentsFolder,
                                        std::int64_t maxBytes = kMaxAttachmentBytes);

}  // namespace kep::desk::cases
