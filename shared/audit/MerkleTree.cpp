#include "shared/audit/MerkleTree.h"

#include <openssl/evp.h>

#include <bit>
#include <charconv>
#include <memory>
#include <stdexcept>

namespace kep::audit {
namespace {

// Fetched once: OpenSSL 3 otherwise looks the algorithm up by name on every digest, which costs
// more than hashing 65 bytes.
const EVP_MD* sha256() {
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
        EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
    if (!md) {
        throw std::runtime_error("OpenSSL has no SHA-256");
    }
    return md.get();
}

// SHA-256 of prefix ‖ first ‖ second: every hash of RFC 6962 is one of these.
Hash digest(std::uint8_t prefix, std::string_view first, std::string_view second) {
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    Hash out{};
    unsigned int length = 0;
    if (!context || EVP_DigestInit_ex2(context.get(), sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), &prefix, 1) != 1 ||
        EVP_DigestUpdate(context.get(), first.data(), first.size()) != 1 ||
        EVP_DigestUpdate(context.get(), second.data(), second.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), out.data(), &length) != 1 || length != out.size()) {
        throw std::runtime_error("SHA-256 failed");
    }
    return out;
}

std::string_view bytesOf(const Hash& hash) {
    return {reinterpret_cast<const char*>(hash.data()), hash.size()};
}

// k of RFC 6962 §2.1: the largest power of two smaller than n (n > 1).
std::uint64_t splitPoint(std::uint64_t n) {
    return std::bit_floor(n - 1);
}

void path(std::span<const Hash> leaves, std::uint64_t index, std::vector<Hash>& out) {
    if (leaves.size() <= 1) {
        return;
    }
    const std::uint64_t k = splitPoint(leaves.size());
    if (index < k) {
        path(leaves.first(k), index, out);
        out.push_back(treeHead(leaves.subspan(k)));
    } else {
        path(leaves.subspan(k), index - k, out);
        out.push_back(treeHead(leaves.first(k)));
    }
}

// SUBPROOF(m, D[0:n], b) of RFC 6962 §2.1.2.
void subproof(std::uint64_t m, std::span<const Hash> leaves, bool complete,
              std::vector<Hash>& out) {
    const std::uint64_t n = leaves.size();
    if (m == n) {
        if (!complete) {
            out.push_back(treeHead(leaves));
        }
        return;
    }
    const std::uint64_t k = splitPoint(n);
    if (m <= k) {
        subproof(m, leaves.first(k), complete, out);
        out.push_back(treeHead(leaves.subspan(k)));
    } else {
        subproof(m - k, leaves.subspan(k), false, out);
        out.push_back(treeHead(leaves.first(k)));
    }
}

// Drops the trailing zero bits of `first`, and as many bits of `second` (RFC 9162 §2.1.3.2).
void shiftWhileEven(std::uint64_t& first, std::uint64_t& second) {
    while (first != 0 && (first & 1U) == 0) {
        first >>= 1U;
        second >>= 1U;
    }
}

constexpr std::string_view kHexDigits = "0123456789abcdef";

}  // namespace

Hash leafHash(std::string_view entryBytes) {
    return digest(0x00, entryBytes, {});
}

Hash nodeHash(const Hash& left, const Hash& right) {
    return digest(0x01, bytesOf(left), bytesOf(right));
}

Hash emptyTreeHash() {
    static const Hash empty = [] {
        Hash out{};
        unsigned int length = 0;
        if (EVP_Digest(nullptr, 0, out.data(), &length, sha256(), nullptr) != 1) {
            throw std::runtime_error("SHA-256 failed");
        }
        return out;
    }();
    return empty;
}

std::string toHex(const Hash& hash) {
    std::string out;
    out.reserve(2 * hash.size());
    for (const std::uint8_t byte : hash) {
        out.push_back(kHexDigits[byte >> 4U]);
        out.push_back(kHexDigits[byte & 0x0FU]);
    }
    return out;
}

std::optional<Hash> hashFromHex(std::string_view hex) {
    Hash out{};
    if (hex.size() != 2 * out.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        // Two digits at a time; from_chars takes no sign, space or prefix for an unsigned type.
        const char* first = hex.data() + 2 * i;
        const auto [end, error] = std::from_chars(first, first + 2, out[i], 16);
        if (error != std::errc{} || end != first + 2) {
            return std::nullopt;
        }
    }
    return out;
}

Hash treeHead(std::span<const Hash> leaves) {
    if (leaves.empty()) {
        return emptyTreeHash();
    }
    if (leaves.size() == 1) {
        return leaves.front();
    }
    const std::uint64_t k = splitPoint(leaves.size());
    return nodeHash(treeHead(leaves.first(k)), treeHead(leaves.subspan(k)));
}

std::vector<Hash> inclusionProof(std::span<const Hash> leaves, std::uint64_t index) {
    if (index >= leaves.size()) {
        throw std::out_of_range("inclusion proof: index " + std::to_string(index) +
                                " is not in a tree of " + std::to_string(leaves.size()));
    }
    std::vector<Hash> out;
    path(leaves, index, out);
    return out;
}

bool verifyInclusion(const Hash& leaf, std::uint64_t index, std::uint64_t treeSize,
                     std::span<const Hash> proof, const Hash& root) {
    if (index >= treeSize) {
        return false;
    }
    std::uint64_t fn = index;
    std::uint64_t sn = treeSize - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
        if (sn == 0) {
            return false;
        }
        if ((fn & 1U) != 0 || fn == sn) {
            r = nodeHash(p, r);
            shiftWhileEven(fn, sn);
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1U;
        sn >>= 1U;
    }
    return sn == 0 && r == root;
}

std::vector<Hash> consistencyProof(std::span<const Hash> leaves, std::uint64_t m) {
    if (m == 0 || m > leaves.size()) {
        throw std::out_of_range("consistency proof: size " + std::to_string(m) + " is not in 1.." +
                                std::to_string(leaves.size()));
    }
    std::vector<Hash> out;
    subproof(m, leaves, true, out);
    return out;
}

bool verifyConsistency(std::uint64_t m, std::uint64_t n, const Hash& rootM, const Hash& rootN,
                       std::span<const Hash> proof) {
    // RFC 9162 §2.1.4.2, the verifier of RFC 6962's proofs.
    if (m == 0 || m > n) {
        return false;
    }
    if (m == n) {
        return proof.empty() && rootM == rootN;
    }
    if (proof.empty()) {
        return false;
    }
    // When m is a power of two the old tree is a subtree of the new one: its root heads the path.
    const bool oldIsPerfect = std::has_single_bit(m);
    std::uint64_t fn = m - 1;
    std::uint64_t sn = n - 1;
    // Climb to the root of the largest perfect subtree at the old tree's right edge.
    while ((fn & 1U) != 0) {
        fn >>= 1U;
        sn >>= 1U;
    }
    const std::size_t first = oldIsPerfect ? 0 : 1;
    Hash fr = oldIsPerfect ? rootM : proof.front();
    Hash sr = fr;
    for (std::size_t i = first; i < proof.size(); ++i) {
        const Hash& c = proof[i];
        if (sn == 0) {
            return false;
        }
        if ((fn & 1U) != 0 || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            shiftWhileEven(fn, sn);
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1U;
        sn >>= 1U;
    }
    return fr == rootM && sr == rootN && sn == 0;
}

void CompactRange::append(const Hash& leaf) {
    if (size_ == UINT64_MAX) {
        throw std::length_error("compact range: the tree is full");
    }
    // Each set low bit of the size is a perfect subtree of that height that the new leaf
    // completes: merge them right to left, as a binary counter carries.
    Hash carry = leaf;
    for (std::uint64_t s = size_; (s & 1U) != 0; s >>= 1U) {
        carry = nodeHash(peaks_.back(), carry);
        peaks_.pop_back();
    }
    peaks_.push_back(carry);
    ++size_;
}

Hash CompactRange::head() const {
    if (peaks_.empty()) {
        return emptyTreeHash();
    }
    // MTH splits at the largest power of two, which is the largest peak: fold from the right.
    Hash out = peaks_.back();
    for (auto it = peaks_.rbegin() + 1; it != peaks_.rend(); ++it) {
        out = nodeHash(*it, out);
    }
    return out;
}

std::string CompactRange::serialize() const {
    std::string out;
    out.reserve(8 + peaks_.size() * sizeof(Hash));
    for (int shift = 56; shift >= 0; shift -= 8) {
        out.push_back(static_cast<char>((size_ >> static_cast<unsigned>(shift)) & 0xFFU));
    }
    for (const Hash& peak : peaks_) {
        out.append(bytesOf(peak));
    }
    return out;
}

CompactRange CompactRange::parse(std::string_view bytes) {
    if (bytes.size() < 8) {
        throw std::invalid_argument("compact range: shorter than its 8-byte size");
    }
    CompactRange range;
    for (std::size_t i = 0; i < 8; ++i) {
        range.size_ = (range.size_ << 8U) | static_cast<unsigned char>(bytes[i]);
    }
    const std::string_view hashes = bytes.substr(8);
    const auto expected = static_cast<std::size_t>(std::popcount(range.size_));
    if (hashes.size() != expected * sizeof(Hash)) {
        throw std::invalid_argument("compact range: a size of " + std::to_string(range.size_) +
                                    " needs " + std::to_string(expected) + " hashes, found " +
                                    std::to_string(hashes.size()) + " bytes");
    }
    range.peaks_.resize(expected);
    for (std::size_t i = 0; i < expected; ++i) {
        const std::string_view peak = hashes.substr(i * sizeof(Hash), sizeof(Hash));
        std::copy(peak.begin(), peak.end(), reinterpret_cast<char*>(range.peaks_[i].data()));
    }
    return range;
}

}  // namespace kep::audit
