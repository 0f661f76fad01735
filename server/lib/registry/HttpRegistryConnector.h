// The registry connector kep-server uses: each document request posted as JSON over HTTPS to
// the configured gateway (RegistryWire.h has the contract), through the project's HttpsClient.
#pragma once

#include "net/HttpsClient.h"
#include "registry/RegistryConnector.h"
#include "registry/RegistrySettings.h"

#include <memory>
#include <string>

namespace kep::server::registry {

// Not thread-safe (one HttpsClient, kept alive between requests): the registry job's thread.
class HttpRegistryConnector final : public RegistryConnector {
public:
    // Throws std::invalid_argument for a URL that is not https://, and kep::net::NetworkError
    // for a CA file that cannot be read: a misconfigured server stops at start-up.
    explicit HttpRegistryConnector(const RegistrySettings& settings);

    RegistryAnswer request(const DocumentRequest& request) override;

private:
    std::string target_;
    std::unique_ptr<kep::net::HttpsClient> client_;
};

}  // namespace kep::server::registry
