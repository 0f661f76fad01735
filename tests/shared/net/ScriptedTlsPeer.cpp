#include "ScriptedTlsPeer.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace kep::test {

bool PeerConnection::fill() {
    char chunk[4096];
    const int n = SSL_read(ssl_, chunk, sizeof chunk);
    if (n <= 0) {
        return false;
    }
    pending_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::string PeerConnection::readExactly(std::size_t count) {
    while (pending_.size() < count && fill()) {
    }
    std::string bytes = pending_.substr(0, count);
    pending_.erase(0, bytes.size());
    return bytes;
}

std::string PeerConnection::readHttpRequest() {
    std::size_t headEnd = std::string::npos;
    while ((headEnd = pending_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill()) {
            return {};
        }
    }
    std::string request = pending_.substr(0, headEnd + 4);
    pending_.erase(0, headEnd + 4);
    const std::string length = headerValue(request, "Content-Length");
    if (!length.empty()) {
        request += readExactly(std::stoul(length));
    }
    return request;
}

bool PeerConnection::write(std::string_view bytes) {
    return SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) ==
           static_cast<int>(bytes.size());
}

ScriptedTlsPeer::ScriptedTlsPeer(const std::string& certFile, const std::string& keyFile,
                                 Script script)
    : script_(std::move(script)) {
    context_ = SSL_CTX_new(TLS_server_method());
    if (!context_ || SSL_CTX_use_certificate_chain_file(context_, certFile.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(context_, keyFile.c_str(), SSL_FILETYPE_PEM) != 1) {
        SSL_CTX_free(context_);
        throw std::runtime_error("ScriptedTlsPeer: cannot load the server certificate");
    }
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(listener_);
        SSL_CTX_free(context_);
        throw std::runtime_error("ScriptedTlsPeer: cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

ScriptedTlsPeer::~ScriptedTlsPeer() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
    SSL_CTX_free(context_);
}

bool ScriptedTlsPeer::waitForClosed(int count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return closedChanged_.wait_for(lock, timeout, [&] { return closed_ >= count; });
}

void ScriptedTlsPeer::serve() {
    while (!stopping_) {
        pollfd listening{listener_, POLLIN, 0};
        if (::poll(&listening, 1, 50) <= 0) {
            continue;
        }
        const int fd = ::accept(listener_, nullptr, nullptr);
        if (fd < 0) {
            continue;
        }
        // No script may hang the test: reads give up after 5 s.
        timeval limit{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        const int index = accepted_++;
        SSL* ssl = SSL_new(context_);
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) == 1) {
            PeerConnection connection(ssl);
            script_(index, connection);
            SSL_shutdown(ssl);
        }
        ERR_clear_error();
        SSL_free(ssl);
        ::close(fd);
        {
            std::lock_guard lock(mutex_);
            ++closed_;
        }
        closedChanged_.notify_all();
    }
}

std::string headerValue(const std::string& request, std::string_view name) {
    std::string lowered = request;
    std::string key = "\r\n" + std::string(name) + ":";
    auto lower = [](std::string& text) {
        std::ranges::transform(text, text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    };
    lower(lowered);
    lower(key);
    const auto at = lowered.find(key);
    if (at == std::string::npos) {
        return {};
    }
    const auto start = request.find_first_not_of(' ', at + key.size());
    const auto end = request.find("\r\n", start);
    return request.substr(start, end - start);
}

std::string httpResponse(std::string_view body, std::string_view extraHeaders) {
    return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
           std::string(extraHeaders) + "\r\n" + std::string(body);
}

}  // namespace kep::test
