#include "shared/audit/AuditEntry.h"

#include "shared/audit/UtcMillis.h"
#include "shared/domain/Uuid.h"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace kep::audit {
namespace {

// The members in declaration order: the order of the canonical encoding and of the checks.
struct Member {
    std::string AuditEntry::*field;
    std::string_view name;
    bool required;
};

constexpr std::array<Member, 12> kMembers{{
    {&AuditEntry::entryId, "entryId", true},
    {&AuditEntry::at, "at", true},
    {&AuditEntry::actorKind, "actorKind", true},
    {&AuditEntry::actorId, "actorId", true},
    {&AuditEntry::role, "role", false},
    {&AuditEntry::office, "office", false},
    {&AuditEntry::workstation, "workstation", false},
    {&AuditEntry::action, "action", true},
    {&AuditEntry::recordType, "recordType", true},
    {&AuditEntry::recordId, "recordId", true},
    {&AuditEntry::purpose, "purpose", false},
    {&AuditEntry::outcome, "outcome", true},
}};

// Twelve NUL-padded bytes of name and version: a future v2 cannot be mistaken for v1.
constexpr std::string_view kTag{"kep.audit.v1\0\0\0\0", 16};

bool isAllowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '/' || c == '@' || c == '-';
}

std::string hexByte(unsigned char c) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    return std::string("0x") + kHex[c >> 4U] + kHex[c & 0x0FU];
}

std::optional<std::string> characterProblem(const std::string& value) {
    if (value.size() > kMaxFieldBytes) {
        return "longer than " + std::to_string(kMaxFieldBytes) + " bytes";
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!isAllowed(value[i])) {
            return "byte " + hexByte(static_cast<unsigned char>(value[i])) + " at " +
                   std::to_string(i) + " not allowed (letters, digits and . _ : / @ - only)";
        }
    }
    return std::nullopt;
}

// One text form per identifier, so that one entry has one encoding: lowercase 8-4-4-4-12.
bool isCanonicalUuid(const std::string& text) {
    const auto uuid = domain::Uuid::parse(text);
    return uuid && uuid->toString() == text;
}

void appendLength(std::string& out, std::uint32_t length) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<char>((length >> static_cast<unsigned>(shift)) & 0xFFU));
    }
}

}  // namespace

std::optional<std::string> problemWith(const AuditEntry& entry) {
    for (const Member& member : kMembers) {
        const std::string& value = entry.*member.field;
        const std::string name(member.name);
        if (value.empty()) {
            if (member.required) {
                return name + ": required";
            }
            continue;
        }
        if (auto problem = characterProblem(value)) {
            return name + ": " + *problem;
        }
    }
    if (!isCanonicalUuid(entry.entryId)) {
        return "entryId: not a lowercase UUID (8-4-4-4-12 hexadecimal digits)";
    }
    if (!isUtcMillis(entry.at)) {
        return "at: not a UTC time to the millisecond (2026-11-27T14:03:05.123Z)";
    }
    return std::nullopt;
}

std::string canonicalBytes(const AuditEntry& entry) {
    std::size_t total = kTag.size();
    for (const Member& member : kMembers) {
        total += 4 + (entry.*member.field).size();
    }
    std::string out;
    out.reserve(total);
    out.append(kTag);
    for (const Member& member : kMembers) {
        const std::string& value = entry.*member.field;
        if (value.size() > UINT32_MAX) {
            throw std::length_error(std::string(member.name) + ": too long to encode");
        }
        appendLength(out, static_cast<std::uint32_t>(value.size()));
        out.append(value);
    }
    return out;
}

AuditEntry parseCanonical(std::string_view bytes) {
    if (bytes.substr(0, kTag.size()) != kTag) {
        throw std::invalid_argument("audit entry: the tag is not kep.audit.v1");
    }
    std::size_t at = kTag.size();
    AuditEntry entry;
    for (const Member& member : kMembers) {
        if (bytes.size() - at < 4) {
            throw std::invalid_argument("audit entry: " + std::string(member.name) +
                                        ": the length is past the end");
        }
        std::uint32_t length = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            length = (length << 8U) | static_cast<unsigned char>(bytes[at + i]);
        }
        at += 4;
        if (bytes.size() - at < length) {
            throw std::invalid_argument("audit entry: " + std::string(member.name) +
                                        ": the value runs past the end");
        }
        entry.*member.field = std::string(bytes.substr(at, length));
        at += length;
    }
    if (at != bytes.size()) {
        throw std::invalid_argument("audit entry: " + std::to_string(bytes.size() - at) +
                                    " trailing bytes");
    }
    return entry;
}

}  // namespace kep::audit
