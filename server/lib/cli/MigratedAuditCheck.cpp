#include "cli/MigratedAuditCheck.h"

#include <algorithm>
#include <optional>

namespace kep::server::cli {

namespace {

namespace pg = kep::server::pg;

constexpr int kLeavesPerBatch = 10000;

std::optional<kep::audit::Hash> asHash(const std::vector<std::uint8_t>& bytes) {
    if (bytes.size() != kep::audit::Hash{}.size()) {
        return std::nullopt;
    }
    kep::audit::Hash hash{};
    std::copy(bytes.begin(), bytes.end(), hash.begin());
    return hash;
}

// The checkpoints in size order, read whole: one per second of the server's life at most, a
// small table beside the entries.
std::vector<kep::audit::Checkpoint> checkpointsOf(pg::Connection& target,
                                                  std::vector<std::string>& problems) {
    const auto rows = target.query(
        "SELECT tree_size, root, at, signature FROM audit_checkpoint ORDER BY tree_size");
    std::vector<kep::audit::Checkpoint> checkpoints;
    for (int row = 0; row < rows.rows(); ++row) {
        kep::audit::Checkpoint checkpoint;
        checkpoint.treeSize = static_cast<std::uint64_t>(rows.int64(row, 0));
        const auto root = asHash(rows.blob(row, 1));
        if (!root) {
            problems.push_back("checkpoint of size " + std::to_string(checkpoint.treeSize) +
                               ": the root is not 32 bytes");
            continue;
        }
        checkpoint.root = *root;
        checkpoint.at = rows.text(row, 2);
        checkpoint.signature = rows.blob(row, 3);
        checkpoints.push_back(std::move(checkpoint));
    }
    return checkpoints;
}

}  // namespace

MigratedAudit checkMigratedAudit(pg::Connection& target,
                                 const audit::CheckpointSignatures& signatures) {
    MigratedAudit result;
    const auto checkpoints = checkpointsOf(target, result.problems);
    auto nextCheckpoint = checkpoints.begin();
    kep::audit::CompactRange tree;
    // A checkpoint is compared when the tree has grown to its size (size 0 never occurs).
    auto compareCheckpointsAtSize = [&] {
        while (nextCheckpoint != checkpoints.end() && nextCheckpoint->treeSize == tree.size()) {
            const auto& checkpoint = *nextCheckpoint++;
            const auto size = std::to_string(checkpoint.treeSize);
            if (checkpoint.root != tree.head()) {
                result.problems.push_back("checkpoint of size " + size +
                                          ": its root is not the tree head of the entries");
            } else if (!signatures.verify(checkpoint)) {
                result.problems.push_back("checkpoint of size " + size +
                                          ": the signature does not verify");
            } else {
                ++result.checkpoints;
            }
        }
    };
    std::int64_t after = 0;
    for (;;) {
        const auto batch = target.query(
            "SELECT leaf_index, leaf_hash FROM audit_entry WHERE leaf_index > $1 "
            "ORDER BY leaf_index LIMIT $2",
            pg::Params().add(after).add(kLeavesPerBatch));
        for (int row = 0; row < batch.rows(); ++row) {
            const auto index = batch.int64(row, 0);
            const auto leaf = asHash(batch.blob(row, 1));
            if (index != after + 1) {
                result.problems.push_back("leaf " + std::to_string(after + 1) + " is missing");
                return result;
            }
            if (!leaf) {
                result.problems.push_back("leaf " + std::to_string(index) +
                                          ": the leaf hash is not 32 bytes");
                return result;
            }
            after = index;
            tree.append(*leaf);
            compareCheckpointsAtSize();
        }
        if (batch.rows() < kLeavesPerBatch) {
            break;
        }
    }
    for (; nextCheckpoint != checkpoints.end(); ++nextCheckpoint) {
        result.problems.push_back("checkpoint of size " + std::to_string(nextCheckpoint->treeSize) +
                                  " is beyond the entries");
    }
    result.entries = tree.size();
    result.head = tree.head();
    return result;
}

}  // namespace kep::server::cli
