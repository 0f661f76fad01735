#include "net/TlsSetup.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace kep::net {

namespace {

const std::string kDefaultServerName = TlsOptions{}.serverName;

// The reasons OpenSSL queued for the last failure, and an empty queue for the next one.
std::string takeOpenSslErrors() {
    std::string reasons;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        if (!reasons.empty()) {
            reasons += "; ";
        }
        reasons += text;
    }
    return reasons.empty() ? "unknown OpenSSL error" : reasons;
}

int protocolVersion(const std::string& name) {
    if (name == "TLSv1") {
        return TLS1_VERSION;
    }
    if (name == "TLSv1.1") {
        return TLS1_1_VERSION;
    }
    if (name == "TLSv1.2") {
        return TLS1_2_VERSION;
    }
    if (name == "TLSv1.3") {
        return TLS1_3_VERSION;
    }
    throw std::invalid_argument("Unknown TLS protocol version '" + name +
                                "' (expected TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3)");
}

struct ContextFree {
    void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};

// The key is parsed from memory and handed to the context; no copy of it reaches the disk.
// The error names the source, never the key.
void useKeyFromMemory(SSL_CTX* ctx, const std::string& pem) {
    BIO* source = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* key = source ? PEM_read_bio_PrivateKey(source, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(source);
    const bool used = key != nullptr && SSL_CTX_use_PrivateKey(ctx, key) == 1;
    EVP_PKEY_free(key);
    if (!used) {
        throw NetworkError("Loading the client key from the key store failed: " +
                           takeOpenSslErrors());
    }
}

}  // namespace

bool isIpLiteral(const std::string& host) {
    ASN1_OCTET_STRING* address = a2i_IPADDRESS(host.c_str());
    ASN1_OCTET_STRING_free(address);
    return address != nullptr;
}

PeerIdentity peerIdentityFor(const std::string& endpointHost, const TlsOptions& tls) {
    // "localhost" is the default, so it stands for "not overridden": the endpoint itself is then
    // what the certificate must name.
    const bool overridden = !tls.serverName.empty() && tls.serverName != kDefaultServerName;
    PeerIdentity peer;
    peer.name = overridden ? tls.serverName : endpointHost;
    peer.isIpAddress = isIpLiteral(peer.name);
    return peer;
}

SSL_CTX* newClientTlsContext(const TlsOptions& tls) {
    if (tls.caFile.empty()) {
        throw std::invalid_argument("TlsOptions.caFile is empty: the server cannot be verified");
    }
    ERR_clear_error();
    std::unique_ptr<SSL_CTX, ContextFree> ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx) {
        throw NetworkError("Creating the TLS context failed: " + takeOpenSslErrors());
    }
    // Only the project's CA: no SSL_CTX_set_default_verify_paths, so the system store is unused.
    if (SSL_CTX_load_verify_locations(ctx.get(), tls.caFile.c_str(), nullptr) != 1) {
        throw NetworkError("Loading the CA file '" + tls.caFile +
                           "' failed: " + takeOpenSslErrors());
    }
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);

    if (!tls.clientCertFile.empty()) {
        if (SSL_CTX_use_certificate_chain_file(ctx.get(), tls.clientCertFile.c_str()) != 1) {
            throw NetworkError("Loading the client certificate '" + tls.clientCertFile +
                               "' failed: " + takeOpenSslErrors());
        }
        if (!tls.clientKeyPem.empty() && !tls.clientKeyFile.empty()) {
            throw std::invalid_argument("TlsOptions: clientKeyPem and clientKeyFile are both set");
        }
        // OpenSSL refuses a key that does not match the certificate ("key values mismatch").
        if (!tls.clientKeyPem.empty()) {
            useKeyFromMemory(ctx.get(), tls.clientKeyPem);
        } else {
            const std::string& keyFile =
                tls.clientKeyFile.empty() ? tls.clientCertFile : tls.clientKeyFile;
            if (SSL_CTX_use_PrivateKey_file(ctx.get(), keyFile.c_str(), SSL_FILETYPE_PEM) != 1) {
                throw NetworkError("Loading the client key '" + keyFile +
                                   "' failed: " + takeOpenSslErrors());
            }
        }
    } else if (!tls.clientKeyFile.empty() || !tls.clientKeyPem.empty()) {
        throw std::invalid_argument("TlsOptions: a client key is set without clientCertFile");
    }

    if (!tls.minProtocol.empty() &&
        SSL_CTX_set_min_proto_version(ctx.get(), protocolVersion(tls.minProtocol)) != 1) {
        throw NetworkError("Setting the minimum TLS version failed: " + takeOpenSslErrors());
    }
    if (!tls.maxProtocol.empty() &&
        SSL_CTX_set_max_proto_version(ctx.get(), protocolVersion(tls.maxProtocol)) != 1) {
        throw NetworkError("Setting the maximum TLS version failed: " + takeOpenSslErrors());
    }
    if (!tls.cipherList.empty() &&
        SSL_CTX_set_cipher_list(ctx.get(), tls.cipherList.c_str()) != 1) {
        throw std::invalid_argument("OpenSSL accepts no cipher of the list '" + tls.cipherList +
                                    "': " + takeOpenSslErrors());
    }
    return ctx.release();
}

void applyPeerIdentity(SSL* ssl, const PeerIdentity& peer) {
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (peer.isIpAddress) {
        // An IP literal must match an IP SAN; SSL_set1_host would compare it as a DNS name.
        if (X509_VERIFY_PARAM_set1_ip_asc(param, peer.name.c_str()) != 1) {
            throw NetworkError("Cannot verify the address '" + peer.name + "'");
        }
        return;
    }
    // SSL_set_tlsext_host_name is a macro over SSL_ctrl that casts away const.
    if (SSL_set1_host(ssl, peer.name.c_str()) != 1 ||
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(peer.name.c_str())) != 1) {
        throw NetworkError("Cannot verify the name '" + peer.name + "': " + takeOpenSslErrors());
    }
}

std::string certificateVerifyFailure(const SSL* ssl) {
    const long result = SSL_get_verify_result(ssl);
    return result == X509_V_OK ? std::string() : X509_verify_cert_error_string(result);
}

std::string negotiatedTlsVersion(const SSL* ssl) {
    return SSL_get_version(ssl);
}

}  // namespace kep::net
