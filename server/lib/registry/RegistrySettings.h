// Where kep-server asks registries for documents obtained ex officio (`serve --registry-url`,
// `--registry-ca`, `--registry-retry-base-ms`): one gateway that routes by issuing authority.
#pragma once

#include <chrono>
#include <string>

namespace kep::server::registry {

// Debian's bundle of the public CAs: the trust for a gateway with a public certificate.
inline constexpr const char* kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

struct RegistrySettings {
    std::string url;  // https://host[:port]/path; empty: no registry, requests stay queued
    std::string caFile = kSystemCaBundle;  // PEM the gateway's certificate must chain to
    // The first wait after a failure; each further failure doubles it, up to an hour.
    std::chrono::milliseconds retryBase{30'000};
    std::chrono::milliseconds timeout{10'000};  // each step of one request (HttpsClient)

    bool configured() const { return !url.empty(); }
};

}  // namespace kep::server::registry
