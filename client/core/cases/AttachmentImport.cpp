#include "cases/AttachmentImport.h"

#include "platform/DeskFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kep::desk::cases {

QString mediaTypeOf(AttachmentType type) {
    switch (type) {
        case AttachmentType::Pdf:
            return QStringLiteral("application/pdf");
        case AttachmentType::Jpeg:
            return QStringLiteral("image/jpeg");
        case AttachmentType::Png:
            return QStringLiteral("image/png");
    }
    return {};
}

std::optional<AttachmentType> attachmentTypeOfMedia(const QString& mediaType) {
    for (const auto type : {AttachmentType::Pdf, AttachmentType::Jpeg, AttachmentType::Png}) {
        if (mediaTypeOf(type) == mediaType) {
            return type;
        }
    }
    return std::nullopt;
}

QString storedFileName(const QString& sha256, AttachmentType type) {
    switch (type) {
        case AttachmentType::Pdf:
            return sha256 + QStringLiteral(".pdf");
        case AttachmentType::Jpeg:
            return sha256 + QStringLiteral(".jpg");
        case AttachmentType::Png:
            return sha256 + QStringLiteral(".png");
    }
    return sha256;
}

std::optional<AttachmentType> sniffAttachmentType(const QByteArray& head) {
    if (head.startsWith("%PDF-")) {
        return AttachmentType::Pdf;
    }
    if (head.startsWith(QByteArray::fromHex("ffd8ff"))) {
        return AttachmentType::Jpeg;
    }
    if (head.startsWith(QByteArray::fromHex("89504e470d0a1a0a"))) {
        return AttachmentType::Png;
    }
    return std::nullopt;
}

AttachmentImportResult importAttachment(const QString& sourceFile, const QString& attachmentsFolder,
                                        std::int64_t maxBytes) {
    using Refusal = AttachmentImportResult::Refusal;
    AttachmentImportResult result;
    QFile source(sourceFile);
    if (!source.open(QIODevice::ReadOnly)) {
        result.refusal = Refusal::Unreadable;
        return result;
    }
    const std::int64_t size = source.size();
    if (size == 0) {
        result.refusal = Refusal::Empty;
        return result;
    }
    if (size > maxBytes) {
        result.refusal = Refusal::TooLarge;
        return result;
    }
    const QByteArray content = source.readAll();
    const auto type = sniffAttachmentType(content.left(16));
    if (!type) {
        result.refusal = Refusal::UnsupportedType;
        return result;
    }
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    const QString stored = QDir(attachmentsFolder).filePath(storedFileName(sha, *type));
    if (!QFileInfo::exists(stored)) {
        // Written atomically, so a crash never leaves a truncated file under a content address;
        // in the desk's private folder (0770), readable by the counter's clerks only (0660)
        // from the moment it exists.
        QString error;
        if (!makeDeskFolder(attachmentsFolder, &error) ||
            !writeFileAtomically(stored, content, FileAccess::OwnerAndGroup, &error)) {
            result.refusal = Refusal::StoreFailed;
            return result;
        }
    }
    result.attachment = ImportedAttachment{sha, *type, size, stored};
    return result;
}

}  // namespace kep::desk::cases
