// The server's view of one HTTP exchange, free of Beast: handlers, the router and the policy
// see only these types, so that Beast stays inside server/lib/net.
#pragma once

#include "auth/Principal.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kep::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

// What the TLS layer proved about the peer. Empty when no certificate was presented or it did
// not verify against the server's CA (the handshake still succeeds: public routes need none).
struct PeerCertificate {
    std::string subjectCommonName;
    std::string serialHex;          // lowercase hex, no separators
    std::string sha256Fingerprint;  // lowercase hex of the DER encoding
    std::chrono::system_clock::time_point notAfter;
};

// Who stands behind a request, as the request gate established it before the handler runs.
// Absent on public routes.
struct Caller {
    auth::Principal workstation;  // kind Workstation (an enrolled device) or AdminTool (admin.pem)
    std::string deviceId;         // the enrolled device's id; empty for the admin tool
    std::string certificateFingerprint;
    std::optional<auth::Principal> user;    // the signed-in user, on session routes
    std::string sessionToken;               // as presented (session routes), for sign-out
    std::optional<auth::Principal> system;  // the system behind an API key, on API-key routes
    std::string systemName;                 // that key's name, as `api-key add` gave it
    std::string systemKeyId;                // that key's id: the actor a system's changes name
};

struct Request {
    Method method = Method::Other;
    std::string methodText;                         // as sent, for logs and 405 answers
    std::string target;                             // path + query, as sent
    std::string path;                               // decoded path, no query
    std::map<std::string, std::string> query;       // decoded query parameters
    std::map<std::string, std::string> pathParams;  // filled by the router from {name}
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remoteAddress;  // "127.0.0.1"
    std::optional<PeerCertificate> peerCertificate;
    std::string requestId;         // for logs and error answers
    std::optional<Caller> caller;  // set by the request gate

    // Case-insensitive header look-up; the first one if repeated.
    std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers

    static Response json(int status, std::string body);
    // {"error":{"code":"…","message":"…"}} — every error the server sends has this shape.
    static Response error(int status, std::string_view code, std::string_view message);
};

}  // namespace kep::http
