// A TLS server on loopback whose every connection follows a script the test writes: answer,
// keep alive, close early, speak WebSocket frames. Plain OpenSSL on a thread of its own.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace kep::test {

// One accepted connection, as the script sees it. Reads block for at most 5 s.
class PeerConnection {
public:
    explicit PeerConnection(SSL* ssl) : ssl_(ssl) {}
    // One HTTP request: head and (Content-Length) body; empty if the client closed first.
    std::string readHttpRequest();
    // Exactly `count` bytes, or fewer if the connection ended.
    std::string readExactly(std::size_t count);
    bool write(std::string_view bytes);

private:
    bool fill();
    SSL* ssl_;
    std::string pending_;  // read but not yet handed out
};

class ScriptedTlsPeer {
public:
    // Called once per accepted connection, in accept order from 0; returning closes it
    // (close_notify, then the socket).
    using Script = std::function<void(int connection, PeerConnection&)>;

    ScriptedTlsPeer(const std::string& certFile, const std::string& keyFile, Script script);
    ~ScriptedTlsPeer();
    ScriptedTlsPeer(const ScriptedTlsPeer&) = delete;
    ScriptedTlsPeer& operator=(const ScriptedTlsPeer&) = delete;

    std::uint16_t port() const { return port_; }
    int connectionsAccepted() const { return accepted_; }
    // Waits until `count` connections have been closed by the peer.
    bool waitForClosed(int count, std::chrono::milliseconds timeout);

private:
    void serve();

    Script script_;
    SSL_CTX* context_ = nullptr;
    int listener_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> accepted_{0};
    std::mutex mutex_;
    std::condition_variable closedChanged_;
    int closed_ = 0;
    std::thread thread_;
};

// The value of an HTTP header in a request head, or empty.
std::string headerValue(const std::string& request, std::string_view name);

// "HTTP/1.1 200 OK" with Content-Length and keep-alive.
std::string httpResponse(std::string_view body, std::string_view extraHeaders = {});

}  // namespace kep::test
