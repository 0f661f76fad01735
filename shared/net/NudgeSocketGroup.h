// Many desks' nudge WebSockets (/api/v1/sync/ws) on one event loop and one thread, for
// kep-loadgen: each socket costs one descriptor and one TLS session, not a client of its own.
#pragma once

#include "net/HttpsClient.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kep::net {

// What one desk's socket has done so far.
struct NudgeSocketReport {
    bool opened = false;       // the server accepted the upgrade
    bool open = false;         // and has not closed it since
    std::uint64_t nudges = 0;  // nudges of the desk's own bucket heard
    std::string failure;       // why it did not open, or why it closed; empty if neither
};

// WebSocketClient holds an io_context (three descriptors) and a TLS context per socket, and is
// read only while its owner waits in receive(): thousands of them exhaust the open-files limit,
// and sockets nobody reads leave the server's pings unanswered until it closes them as dead.
// Here every socket is read all the time on the group's thread (pings answered, nudges counted
// as they come), over one TLS context that trusts the CA, each connection with its own desk's
// certificate. Sockets are not reopened: a close is what a measurement must see.
class NudgeSocketGroup {
public:
    // `timeout` bounds each step of opening and, once open, silence from the server: the socket
    // pings after `timeout` without a frame and gives up after twice that (as WebSocketClient).
    NudgeSocketGroup(Endpoint server, std::string caFile,
                     std::chrono::milliseconds timeout = std::chrono::seconds(15));
    ~NudgeSocketGroup();  // drops every socket without a close frame
    NudgeSocketGroup(const NudgeSocketGroup&) = delete;
    NudgeSocketGroup& operator=(const NudgeSocketGroup&) = delete;

    // A desk to connect, before open(): its certificate and key (one PEM file) and the bucket
    // whose nudges it counts. Returns its index in reports().
    std::size_t add(std::string credentialFile, std::string bucket);

    // Opens every desk's socket, `parallel` at a time, and returns once each is open or has
    // failed (its report says why). Throws NetworkError if the server's address cannot be
    // resolved. Call once.
    void open(std::size_t parallel = 32);

    // Thread-safe snapshot, in the order of add().
    std::vector<NudgeSocketReport> reports() const;

    // Sends each open socket a close frame and waits for the server's answers, up to the
    // timeout in all; then drops what is left. The reports stay readable.
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kep::net
