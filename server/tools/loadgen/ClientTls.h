// How kep-loadgen's clients trust the server and present themselves: the run's CA, and the
// admin tool's or a desk's certificate (one PEM file holding the certificate and its key).
#pragma once

#include <string>

#include "net/HttpsClient.h"

namespace kep::loadgen {

inline net::TlsOptions clientTls(const std::string& caFile, const std::string& credentialFile) {
    net::TlsOptions tls;
    tls.caFile = caFile;
    tls.clientCertFile = credentialFile;
    tls.clientKeyFile = credentialFile;
    return tls;
}

}  // namespace kep::loadgen
