// The server's TLS policy in OpenSSL terms, kept apart from Asio so it can be tested over memory
// BIOs: Mozilla "intermediate" (TLS 1.2 + 1.3, AEAD ciphers, X25519/P-256/P-384), and a request
// for a client certificate that never fails the handshake (public routes need none).
#pragma once

#include "http/HttpMessage.h"

#include <openssl/ssl.h>

#include <optional>
#include <string>

namespace kep::pki {

struct ServerTlsFiles {
    std::string certificateFile;  // the server certificate (PEM)
    std::string privateKeyFile;   // its key (PEM)
    std::string clientCaFile;     // the CA that client certificates must chain to (PEM)
};

// Mozilla "intermediate" (v5.7) for TLS 1.2; TLS 1.3 suites are all AEAD.
inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
inline constexpr const char* kTls13Suites =
    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
inline constexpr const char* kGroups = "X25519:prime256v1:secp384r1";

// Configures a server context: protocol range, ciphers, groups, certificate and key, and the
// client-certificate request (SSL_VERIFY_PEER without FAIL_IF_NO_PEER_CERT, with a callback that
// accepts the handshake and leaves the verdict in SSL_get_verify_result). Throws
// std::runtime_error naming the file or setting that failed.
void applyServerTlsPolicy(SSL_CTX* context, const ServerTlsFiles& files);

// The peer's certificate after the handshake, only if one was presented and it verified
// against the client CA; std::nullopt otherwise.
std::optional<http::PeerCertificate> verifiedPeerCertificate(SSL* connection);

}  // namespace kep::pki
