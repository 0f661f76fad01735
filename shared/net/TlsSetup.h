// How the client trusts the server, in plain OpenSSL: the TLS context made from TlsOptions and
// the identity (name or IP) the server's certificate must carry. Shared by HTTPS and WebSocket.
#pragma once

#include "net/HttpsClient.h"

#include <string>

using SSL_CTX = struct ssl_ctx_st;
using SSL = struct ssl_st;

namespace kep::net {

// What the server's certificate is checked against, by the rule documented at TlsOptions.
struct PeerIdentity {
    std::string name;          // DNS name or IP address literal
    bool isIpAddress = false;  // checked against IP SANs, and sent without SNI
};

PeerIdentity peerIdentityFor(const std::string& endpointHost, const TlsOptions& tls);

// True for IPv4 and IPv6 address literals ("127.0.0.1", "::1"), false for names.
bool isIpLiteral(const std::string& host);

// A new client context that trusts tls.caFile only and carries the client certificate and the
// protocol knobs. The caller owns the result (asio::ssl::context adopts it). Throws as
// documented at TlsOptions.
SSL_CTX* newClientTlsContext(const TlsOptions& tls);

// Sets SNI and the name or IP to verify on one connection, before its handshake.
void applyPeerIdentity(SSL* ssl, const PeerIdentity& peer);

// Why certificate verification failed ("IP address mismatch"), or empty if it did not.
std::string certificateVerifyFailure(const SSL* ssl);

// The negotiated protocol version ("TLSv1.3").
std::string negotiatedTlsVersion(const SSL* ssl);

}  // namespace kep::net
