// The one HTTPS client of the project (kep-desk, kep-loadgen, the tests): Beast/Asio over
// OpenSSL, verifying the server against a given CA and presenting a client certificate if given.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kep::net {

// Where to connect and how to trust. Defaults are the production ones; tests may lower them
// (e.g. to prove that the server refuses TLS 1.1, the client must be allowed to offer it).
struct TlsOptions {
    std::string caFile;              // PEM bundle the server's certificate must chain to
    std::string clientCertFile;      // PEM; empty = present no certificate
    std::string clientKeyFile;       // PEM; may be the same file as clientCertFile
    std::string serverName = "localhost";  // SNI and the name checked in the certificate
    // Test knobs: protocol range ("TLSv1.1", "TLSv1.2", "TLSv1.3"; empty = library default),
    // an OpenSSL cipher list for TLS <= 1.2 (e.g. "AES128-SHA@SECLEVEL=0").
    std::string minProtocol;
    std::string maxProtocol;
    std::string cipherList;
};

struct Endpoint {
    std::string host;  // name or address
    std::string port;
    // Parses "https://host:port" (path ignored); throws std::invalid_argument naming the fault.
    static Endpoint fromUrl(const std::string& url);
};

struct Response {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<std::string> header(std::string_view name) const;  // case-insensitive
};

// Thrown when no HTTP answer could be had: resolve, connect, TLS handshake, time-out, reset.
class NetworkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A keep-alive HTTPS connection, opened on first use and reopened after a failure.
// Blocking, with a deadline on every operation. One instance per thread.
class HttpsClient {
public:
    HttpsClient(Endpoint endpoint, TlsOptions tls,
                std::chrono::milliseconds timeout = std::chrono::seconds(15));
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    Response request(const std::string& method, const std::string& target,
                     const std::string& body = {},
                     const std::string& contentType = "application/json",
                     const std::vector<std::pair<std::string, std::string>>& headers = {});
    Response get(const std::string& target) { return request("GET", target); }
    Response post(const std::string& target, const std::string& jsonBody) {
        return request("POST", target, jsonBody);
    }
    // The TLS version the last connection negotiated ("TLSv1.3"), for tests and diagnostics.
    std::string negotiatedProtocol() const;
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A WebSocket client over TLS (wss), for the server's nudges. Blocking reads with a deadline.
class WebSocketClient {
public:
    WebSocketClient(Endpoint endpoint, TlsOptions tls,
                    std::chrono::milliseconds timeout = std::chrono::seconds(15));
    ~WebSocketClient();
    WebSocketClient(const WebSocketClient&) = delete;
    WebSocketClient& operator=(const WebSocketClient&) = delete;

    // Connects and upgrades; extra headers (e.g. Authorization) go on the upgrade request.
    void connect(const std::string& target,
                 const std::vector<std::pair<std::string, std::string>>& headers = {});
    void send(const std::string& text);
    // The next text message, or std::nullopt if none arrived before the deadline.
    std::optional<std::string> receive(std::chrono::milliseconds deadline);
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kep::net
