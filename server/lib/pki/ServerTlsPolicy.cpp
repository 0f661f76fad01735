#include "pki/ServerTlsPolicy.h"

#include "pki/OpenSslHandles.h"

#include <openssl/err.h>

#include <ctime>

namespace kep::pki {

namespace {

// Records, never refuses: the verdict stays in the X509_STORE_CTX and reaches
// SSL_get_verify_result, which verifiedPeerCertificate() reads. Routes that need a workstation
// certificate then answer 401 instead of the client seeing a failed handshake.
int acceptAndRecord(int /*preverified*/, X509_STORE_CTX* /*context*/) {
    return 1;
}

void require(bool ok, const std::string& what) {
    if (!ok) {
        throw OpenSslError(what);
    }
}

}  // namespace

void applyServerTlsPolicy(SSL_CTX* context, const ServerTlsFiles& files) {
    require(SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1, "TLS minimum version");
    require(SSL_CTX_set_max_proto_version(context, TLS1_3_VERSION) == 1, "TLS maximum version");
    require(SSL_CTX_set_cipher_list(context, kTls12Ciphers) == 1, "TLS 1.2 cipher list");
    require(SSL_CTX_set_ciphersuites(context, kTls13Suites) == 1, "TLS 1.3 cipher suites");
    require(SSL_CTX_set1_groups_list(context, kGroups) == 1, "TLS groups");
    SSL_CTX_set_dh_auto(context, 1);
    // Mozilla intermediate: the client's cipher order; no renegotiation, no compression, no
    // session tickets (their keys would need rotation across restarts).
    SSL_CTX_set_options(context,
                        SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);

    require(SSL_CTX_use_certificate_chain_file(context, files.certificateFile.c_str()) == 1,
            "cannot load the server certificate " + files.certificateFile);
    require(
        SSL_CTX_use_PrivateKey_file(context, files.privateKeyFile.c_str(), SSL_FILETYPE_PEM) == 1,
        "cannot load the server key " + files.privateKeyFile);
    require(SSL_CTX_check_private_key(context) == 1,
            "the server key does not match " + files.certificateFile);

    require(SSL_CTX_load_verify_locations(context, files.clientCaFile.c_str(), nullptr) == 1,
            "cannot load the client CA " + files.clientCaFile);
    STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(files.clientCaFile.c_str());
    require(names != nullptr, "cannot read the client CA names from " + files.clientCaFile);
    SSL_CTX_set_client_CA_list(context, names);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, acceptAndRecord);
    SSL_CTX_set_verify_depth(context, 2);
    // Needed as soon as peers are verified, or session resumption fails the handshake.
    static constexpr unsigned char kSessionContext[] = "kep-server";
    require(
        SSL_CTX_set_session_id_context(context, kSessionContext, sizeof kSessionContext - 1) == 1,
        "TLS session id context");
}

std::optional<http::PeerCertificate> verifiedPeerCertificate(SSL* connection) {
    CertificateHandle peer(SSL_get1_peer_certificate(connection));
    if (!peer || SSL_get_verify_result(connection) != X509_V_OK) {
        return std::nullopt;
    }
    http::PeerCertificate result;
    result.subjectCommonName = subjectCommonName(peer.get());
    result.serialHex = serialHex(peer.get());
    result.sha256Fingerprint = sha256Fingerprint(peer.get());
    std::tm when{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(peer.get()), &when) == 1) {
        result.notAfter = std::chrono::system_clock::from_time_t(timegm(&when));
    }
    return result;
}

}  // namespace kep::pki
