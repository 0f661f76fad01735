// libFuzzer target: the audit log's three readers of stored bytes — an entry's canonical
// encoding, a checkpoint line, a serialized compact range — which `audit verify` runs over
// whatever the database and checkpoints.log hold, tampered with or not.
#include "FuzzCheck.h"

#include "shared/audit/AuditEntry.h"
#include "shared/audit/Checkpoint.h"
#include "shared/audit/MerkleTree.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using kep::fuzz::expect;
namespace audit = kep::audit;

bool allowedIdentifierByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("._:/@-").find(c) != std::string_view::npos;
}

void checkEntry(std::string_view bytes) {
    audit::AuditEntry entry;
    try {
        entry = audit::parseCanonical(bytes);
    } catch (const std::invalid_argument&) {
        return;
    }
    // One encoding per entry: whatever parses is exactly the encoding of what it parsed to.
    expect(audit::canonicalBytes(entry) == bytes, "parseCanonical inverts canonicalBytes");
    if (!audit::problemWith(entry)) {
        for (const std::string* member : {&entry.actorId, &entry.recordId, &entry.purpose}) {
            expect(member->size() <= audit::kMaxFieldBytes, "a valid member is short");
            for (const char c : *member) {
                expect(allowedIdentifierByte(c), "a valid member holds identifier bytes only");
            }
        }
    }
}

void checkCheckpointLine(std::string_view line) {
    audit::Checkpoint checkpoint;
    try {
        checkpoint = audit::checkpointFromLine(line);
    } catch (const std::invalid_argument&) {
        return;
    }
    expect(audit::toLine(checkpoint) == line, "a checkpoint line has one text form");
    expect(checkpoint.signature.size() == 64, "a checkpoint carries an Ed25519 signature");
    // A line nobody signed with this key must not verify (and must not crash the verifier).
    static const std::string publicPem = audit::SigningKey::generate().publicPem();
    expect(!audit::verifyCheckpoint(publicPem, checkpoint), "a forged checkpoint fails");
}

void checkCompactRange(std::string_view bytes) {
    try {
        const audit::CompactRange range = audit::CompactRange::parse(bytes);
        expect(range.serialize() == bytes, "a compact range has one serialization");
        if (range.size() < UINT64_MAX) {
            audit::CompactRange longer = range;
            longer.append(audit::leafHash(bytes));
            expect(longer.size() == range.size() + 1, "appending grows the range by one");
        }
    } catch (const std::invalid_argument&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    checkEntry(input);
    checkCheckpointLine(input);
    checkCompactRange(input);
    return 0;
}
