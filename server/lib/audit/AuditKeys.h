// The server's Ed25519 audit signing key: DIR/audit/signing-key.pem (owner-only), created by
// `init` or by `serve` when missing, and its public half in meta "audit_public_key" so that
// anyone holding the database can check the checkpoints.
#pragma once

#include "audit/AuditFiles.h"
#include "shared/audit/Checkpoint.h"

#include <optional>
#include <string>

namespace kep::server::storage {
class ServerStore;
}

namespace kep::server::audit {

inline constexpr char kPublicKeyMeta[] = "audit_public_key";

// Reads the key, or generates and writes it when the file does not exist (creating DIR/audit);
// stores its public PEM in meta when meta lacks it or holds another. Throws naming the file.
kep::audit::SigningKey loadOrCreateSigningKey(const AuditFiles& files, storage::ServerStore& store);

// Reads an existing key; nullopt when the file does not exist. Throws when it is not a key.
std::optional<kep::audit::SigningKey> loadSigningKey(const AuditFiles& files);

}  // namespace kep::server::audit
