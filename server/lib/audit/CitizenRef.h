// How the audit log names a citizen without holding personal data: a keyed pseudonym of the
// ΑΦΜ (HMAC-SHA-256 under the server's own key, DIR/audit/citizen-ref.key, owner-only), so that
// entries about one person can be found with the key and read by nobody without it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kep::server::audit {

class CitizenRef {
public:
    using Key = std::array<std::uint8_t, 32>;
    explicit CitizenRef(const Key& key) : key_(key) {}

    // Reads the key file, or creates it (32 random bytes, mode 0600) when it does not exist.
    static CitizenRef loadOrCreate(const std::filesystem::path& keyFile);

    // "c1:" and 32 lowercase hex digits (the first 16 bytes of the HMAC); the same ΑΦΜ always
    // gives the same reference. Audit entries use it as recordId with recordType "citizen".
    std::string of(std::string_view taxId) const;

private:
    Key key_;
};

}  // namespace kep::server::audit
