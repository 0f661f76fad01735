#include "audit/AuditProofs.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <utility>

namespace kep::server::audit {

namespace {

using kep::audit::Hash;

// Leaves [begin, end) (0-based) whose tree head a proof needs, in the proof's order.
struct Span {
    std::uint64_t begin;
    std::uint64_t end;
};

// The largest power of two below n (n > 1), RFC 6962's k.
std::uint64_t split(std::uint64_t n) {
    return std::bit_floor(n - 1);
}

// PATH(m, D[offset : offset + n]) as spans, RFC 6962 §2.1.1, deepest first.
void pathSpans(std::uint64_t m, std::uint64_t offset, std::uint64_t n, std::vector<Span>& out) {
    if (n <= 1) {
        return;
    }
    const auto k = split(n);
    if (m < k) {
        pathSpans(m, offset, k, out);
        out.push_back({offset + k, offset + n});
    } else {
        pathSpans(m - k, offset + k, n - k, out);
        out.push_back({offset, offset + k});
    }
}

// SUBPROOF(m, D[offset : offset + n], whole) as spans, RFC 6962 §2.1.2.
void subproofSpans(std::uint64_t m, std::uint64_t offset, std::uint64_t n, bool whole,
                   std::vector<Span>& out) {
    if (m == n) {
        if (!whole) {
            out.push_back({offset, offset + n});
        }
        return;
    }
    const auto k = split(n);
    if (m <= k) {
        subproofSpans(m, offset, k, whole, out);
        out.push_back({offset + k, offset + n});
    } else {
        subproofSpans(m - k, offset + k, n - k, false, out);
        out.push_back({offset, offset + k});
    }
}

// The tree head of every span, read in one pass: the spans are disjoint, so each stored leaf
// goes to at most one of them.
std::vector<Hash> headsOf(kep::db::Database& db, const std::vector<Span>& spans) {
    std::vector<std::size_t> order(spans.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return spans[a].begin < spans[b].begin; });
    std::vector<Hash> heads(spans.size());
    if (spans.empty()) {
        return heads;
    }
    const auto first = spans[order.front()].begin;
    const auto last = spans[order.back()].end;
    auto select = db.prepare(
        "SELECT leaf_index, leaf_hash FROM audit_entry WHERE leaf_index > ?1 AND leaf_index <= ?2 "
        "ORDER BY leaf_index");
    select.bind(1, static_cast<std::int64_t>(first)).bind(2, static_cast<std::int64_t>(last));
    std::size_t current = 0;
    kep::audit::CompactRange range;
    std::uint64_t expected = first;
    auto finish = [&] {
        heads[order[current]] = range.head();
        range = {};
        ++current;
    };
    while (select.step()) {
        const auto leaf = static_cast<std::uint64_t>(select.int64(0)) - 1;
        const auto bytes = select.blob(1);
        if (leaf != expected || bytes.size() != Hash{}.size()) {
            throw std::runtime_error("the audit log is damaged at leaf " +
                                     std::to_string(expected + 1) +
                                     ": run kep-server audit verify");
        }
        ++expected;
        while (current < order.size() && leaf >= spans[order[current]].end) {
            finish();
        }
        if (current < order.size() && leaf >= spans[order[current]].begin) {
            Hash hash;
            std::copy(bytes.begin(), bytes.end(), hash.begin());
            range.append(hash);
        }
    }
    if (expected != last) {
        throw std::runtime_error("the audit log holds fewer than " + std::to_string(last) +
                                 " entries");
    }
    while (current < order.size()) {
        finish();
    }
    return heads;
}

}  // namespace

std::vector<Hash> inclusionProofOf(kep::db::Database& db, std::uint64_t index, std::uint64_t size) {
    if (index >= size) {
        throw std::invalid_argument("the leaf is not in a tree of that size");
    }
    std::vector<Span> spans;
    pathSpans(index, 0, size, spans);
    return headsOf(db, spans);
}

std::vector<Hash> consistencyProofOf(kep::db::Database& db, std::uint64_t first,
                                     std::uint64_t second) {
    if (first == 0 || first > second) {
        throw std::invalid_argument("a consistency proof needs 0 < first <= second");
    }
    std::vector<Span> spans;
    subproofSpans(first, 0, second, true, spans);
    return headsOf(db, spans);
}

Hash treeHeadOf(kep::db::Database& db, std::uint64_t size) {
    if (size == 0) {
        return kep::audit::emptyTreeHash();
    }
    return headsOf(db, {{0, size}}).front();
}

}  // namespace kep::server::audit
