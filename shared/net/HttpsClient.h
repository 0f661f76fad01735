// The one HTTPS client of the project (kep-desk, kep-loadgen, the tests): Beast/Asio over
// OpenSSL, verifying the server against a given CA and presenting a client certificate if given.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kep::net {

// Where to connect and how to trust. Defaults are the production ones; tests may lower them
// (e.g. to prove that the server refuses TLS 1.1, the client must be allowed to offer it).
//
// Trust: only caFile is trusted, never the system store (the server's certificate comes from
// the project's own CA). Which identity the certificate must carry:
//   - serverName left at "localhost" (or empty): the endpoint's host is checked — its IP
//     address against the certificate's IP SANs when it is an IP literal (127.0.0.1, ::1), its
//     name against the DNS SANs otherwise;
//   - serverName set to anything else: that name is checked (or that IP, if it is an IP literal).
// SNI carries the checked name, and is left out when an IP address is checked (RFC 6066).
// A missing or unreadable file throws NetworkError naming the file; an unknown protocol name or
// an empty caFile throws std::invalid_argument — both when the client is constructed.
struct TlsOptions {
    std::string caFile;          // PEM bundle the server's certificate must chain to
    std::string clientCertFile;  // PEM; empty = present no certificate
    std::string clientKeyFile;   // PEM; may be the same file as clientCertFile
    // The client key as PEM in memory, instead of clientKeyFile (set one of the two): for a key
    // kept in the operating system's key store, which must never be written to a file.
    std::string clientKeyPem;
    std::string serverName = "localhost";  // SNI and the name checked in the certificate
    // Test knobs: protocol range ("TLSv1.1", "TLSv1.2", "TLSv1.3"; empty = library default),
    // an OpenSSL cipher list for TLS <= 1.2 (e.g. "AES128-SHA@SECLEVEL=0"). OpenSSL 3 refuses
    // to even offer TLS 1.1 at its default security level: a test that needs the client to
    // offer it must pass minProtocol "TLSv1.1" and a cipherList ending in "@SECLEVEL=0".
    std::string minProtocol;
    std::string maxProtocol;
    std::string cipherList;
};

struct Endpoint {
    std::string host;  // name or address (an IPv6 address without its brackets)
    std::string port;
    // Parses "https://host:port" (path ignored); throws std::invalid_argument naming the fault.
    // Only https is accepted; a missing port means 443; IPv6 literals in brackets ("[::1]:8443").
    static Endpoint fromUrl(const std::string& url);
    // "host:port" as it goes in a Host header and in error messages ("[::1]:8443" for IPv6).
    std::string authority() const;
};

struct Response {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<std::string> header(std::string_view name) const;  // case-insensitive
};

// Thrown when no HTTP answer could be had: resolve, connect, TLS handshake, time-out, reset.
// The message names the step, the endpoint and the cause ("TLS handshake with 127.0.0.1:8443
// failed: certificate verify failed (IP address mismatch)"), never a request or response body.
class NetworkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A keep-alive HTTPS connection, opened on first use and reopened after a failure.
// Blocking, with a deadline on every operation. One instance per thread.
//
// Each step (resolve, connect, TLS handshake, write the request, read the response) has its own
// deadline of `timeout`. (Resolving by name waits for the system resolver, which cannot be
// interrupted; a cancelled look-up reports once the resolver returns.)
//
// Retry rule. A keep-alive connection may have been closed by the server while idle. Before
// sending on a reused connection the client checks whether the server has already closed it,
// and if so opens a new one (nothing was sent). If the request still fails on a reused
// connection because it was closed or reset before any byte of the answer arrived, it is sent
// again on a new connection ONCE, and only if it is idempotent (GET, HEAD, PUT, DELETE, OPTIONS)
// or no byte of it had been written. A POST that may have reached the server is never resent:
// the server could have filed the case already, and a second copy would file it twice. Such a
// failure is reported as NetworkError; the caller's outbox retries it with the same op id,
// which the server recognises. Time-outs are never retried.
//
// Not thread-safe: use one instance per thread (it owns its own io_context).
class HttpsClient {
public:
    static constexpr std::uint64_t kDefaultBodyLimit = 64ull * 1024 * 1024;

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
    // Larger response bodies fail with NetworkError, so that a hostile or broken server cannot
    // exhaust the desk's memory. Default kDefaultBodyLimit (64 MiB).
    void setBodyLimit(std::uint64_t bytes);
    // How many TLS connections this client has opened: shows keep-alive at work.
    std::size_t connectionsOpened() const;
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A WebSocket client over TLS (wss), for the server's nudges. Blocking reads with a deadline.
// Same TLS rules as HttpsClient. Text messages only: send() sends text frames, and receive()
// throws NetworkError on a binary message (the connection stays usable). Pings from the server
// are answered while receive() waits; when receive() waits with nothing arriving, the client
// pings the server after `timeout` and gives the connection up (NetworkError) if nothing came
// back after twice `timeout`. Not thread-safe: use one instance per thread.
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
    // The next text message, or std::nullopt if none arrived before the deadline. A time-out
    // leaves the connection open: the read goes on in the background of the next call.
    // Throws NetworkError when the connection is lost or the server closed it.
    std::optional<std::string> receive(std::chrono::milliseconds deadline);
    // Sends a close frame and waits (up to `timeout`) for the server's; never throws.
    // The destructor drops the connection without a close frame.
    void close();
    bool isOpen() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kep::net
