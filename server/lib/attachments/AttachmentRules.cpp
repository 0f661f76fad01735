#include "attachments/AttachmentRules.h"

#include <algorithm>
#include <array>

namespace kep::server::attachments {

namespace {

constexpr std::array kTypes{AttachmentType::Pdf, AttachmentType::Jpeg, AttachmentType::Png};

}  // namespace

std::string_view mediaTypeOf(AttachmentType type) {
    switch (type) {
        case AttachmentType::Pdf:
            return "application/pdf";
        case AttachmentType::Jpeg:
            return "image/jpeg";
        case AttachmentType::Png:
            return "image/png";
    }
    return {};
}

std::optional<AttachmentType> attachmentTypeOfMedia(std::string_view mediaType) {
    for (const auto type : kTypes) {
        if (mediaTypeOf(type) == mediaType) {
            return type;
        }
    }
    return std::nullopt;
}

std::string_view extensionOf(AttachmentType type) {
    switch (type) {
        case AttachmentType::Pdf:
            return "pdf";
        case AttachmentType::Jpeg:
            return "jpg";
        case AttachmentType::Png:
            return "png";
    }
    return {};
}

bool startsAsType(AttachmentType type, std::string_view head) {
    switch (type) {
        case AttachmentType::Pdf:
            return head.starts_with("%PDF-");
        case AttachmentType::Jpeg:
            return head.starts_with("\xff\xd8\xff");
        case AttachmentType::Png:
            return head.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8));
    }
    return false;
}

bool isSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::int64_t chunkCount(std::int64_t size, std::int64_t chunkSize) {
    return (size + chunkSize - 1) / chunkSize;
}

std::int64_t chunkLength(std::int64_t size, std::int64_t chunkSize, std::int64_t index) {
    return std::min(chunkSize, size - index * chunkSize);
}

}  // namespace kep::server::attachments
