// A signed checkpoint of the audit log: "the first N entries have this tree head", signed with
// the server's Ed25519 audit key (OpenSSL), so that a later edit, deletion, reordering or
// truncation of entries that a checkpoint covers cannot go unnoticed.
#pragma once

#include "shared/audit/MerkleTree.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::audit {

struct Checkpoint {
    std::uint64_t treeSize = 0;
    Hash root{};
    std::string at;                       // UTC, as AuditEntry::at
    std::vector<std::uint8_t> signature;  // Ed25519, 64 bytes, over signedText()

    friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The bytes that are signed: "kep.audit.checkpoint.v1\n<size>\n<hex root>\n<at>\n".
std::string signedText(const Checkpoint& checkpoint);

// One line for a checkpoint file or an HTTP body: "<size> <hex root> <at> <base64 signature>".
std::string toLine(const Checkpoint& checkpoint);
// Throws std::invalid_argument naming the part that is wrong.
Checkpoint checkpointFromLine(std::string_view line);

// The server's Ed25519 audit key. Move-only; the private key never leaves it except as PEM for
// the owner-only key file.
class SigningKey {
public:
    static SigningKey generate();
    static SigningKey fromPrivatePem(std::string_view pem);  // throws std::invalid_argument
    SigningKey(SigningKey&&) noexcept;
    SigningKey& operator=(SigningKey&&) noexcept;
    ~SigningKey();

    std::string privatePem() const;
    std::string publicPem() const;
    std::vector<std::uint8_t> sign(std::string_view message) const;
    // Fills in the signature of a checkpoint whose size, root and time are set; throws
    // std::invalid_argument when the time is not in AuditEntry::at's form.
    void signCheckpoint(Checkpoint& checkpoint) const;

private:
    struct Key;
    explicit SigningKey(std::unique_ptr<Key> key);
    std::unique_ptr<Key> key_;
};

// False for a wrong signature, a malformed key or a signature of the wrong length.
bool verifySignature(std::string_view publicPem, std::string_view message,
                     std::span<const std::uint8_t> signature);
bool verifyCheckpoint(std::string_view publicPem, const Checkpoint& checkpoint);

}  // namespace kep::audit
