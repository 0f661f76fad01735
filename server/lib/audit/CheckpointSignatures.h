// Checks many checkpoints' signatures with one public key, parsed once: `audit verify` checks
// one checkpoint per second of the server's life, and parsing the PEM for each would cost more
// than the Ed25519 verification itself (kep::audit::verifyCheckpoint parses it every call).
#pragma once

#include "shared/audit/Checkpoint.h"

#include <memory>
#include <string_view>

namespace kep::server::audit {

class CheckpointSignatures {
public:
    // A PEM that is not an Ed25519 public key verifies nothing.
    explicit CheckpointSignatures(std::string_view publicPem);
    ~CheckpointSignatures();
    CheckpointSignatures(const CheckpointSignatures&) = delete;
    CheckpointSignatures& operator=(const CheckpointSignatures&) = delete;

    // The same answer as kep::audit::verifyCheckpoint(publicPem, checkpoint).
    bool verify(const kep::audit::Checkpoint& checkpoint) const;

private:
    struct Key;
    std::unique_ptr<Key> key_;
};

}  // namespace kep::server::audit
