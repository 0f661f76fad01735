// The audit log's Merkle tree as RFC 6962 §2.1 defines it (Certificate Transparency): leaf and
// node hashes with distinct prefixes, the tree head of any size, inclusion and consistency
// proofs and their checks, and the compact range that appends leaves in O(log n) memory.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kep::audit {

using Hash = std::array<std::uint8_t, 32>;  // SHA-256

Hash leafHash(std::string_view entryBytes);          // SHA-256(0x00 ‖ entry)
Hash nodeHash(const Hash& left, const Hash& right);  // SHA-256(0x01 ‖ left ‖ right)
Hash emptyTreeHash();                                // SHA-256 of nothing

std::string toHex(const Hash& hash);  // lowercase
// nullopt unless exactly 64 hexadecimal digits.
std::optional<Hash> hashFromHex(std::string_view hex);

// MTH(D[0:n]) over leaf hashes already computed (leafHash of each entry).
Hash treeHead(std::span<const Hash> leaves);

// PATH(m, D[0:n]) of RFC 6962 §2.1.1; `index` < leaves.size().
std::vector<Hash> inclusionProof(std::span<const Hash> leaves, std::uint64_t index);
bool verifyInclusion(const Hash& leaf, std::uint64_t index, std::uint64_t treeSize,
                     std::span<const Hash> proof, const Hash& root);

// PROOF(m, D[0:n]) of RFC 6962 §2.1.2 with n = leaves.size(); 0 < m <= n.
std::vector<Hash> consistencyProof(std::span<const Hash> leaves, std::uint64_t m);
bool verifyConsistency(std::uint64_t m, std::uint64_t n, const Hash& rootM, const Hash& rootN,
                       std::span<const Hash> proof);

// The right edge of a tree: the roots of its perfect subtrees, largest first. Appending a leaf
// and taking the head cost O(log n), so the checkpointer never rereads the whole log.
class CompactRange {
public:
    void append(const Hash& leaf);
    std::uint64_t size() const { return size_; }
    Hash head() const;  // equals treeHead() of every leaf appended so far

    // For keeping it beside a checkpoint: the size as 8 bytes big-endian, then the hashes.
    std::string serialize() const;
    // Throws std::invalid_argument when the bytes are not a serialized range.
    static CompactRange parse(std::string_view bytes);

private:
    std::uint64_t size_ = 0;
    std::vector<Hash> peaks_;  // one per set bit of size_, highest bit first
};

}  // namespace kep::audit
