// A TCP proxy on loopback whose faults a test switches at run time (this kernel has no netem):
// delay, black hole, dropped bytes, resets, a cut after N bytes, refused connections.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace kep::test {

// Listens on 127.0.0.1 (a free port) and forwards each accepted connection to the target, one
// upstream connection per client connection, byte for byte. Everything runs on the proxy's own
// thread (poll over non-blocking sockets); the controls may be called from any thread and take
// effect at once, for open connections as well as new ones.
//
// The faults, as a peer sees them:
//   - None: a plain forwarder.
//   - BlackHole: nothing moves and nothing new is accepted (connects wait in the backlog), as if
//     the network went silent; bytes already written wait in the socket buffers and flow again,
//     intact, after heal() — like TCP retransmitting over a link that came back.
//   - Drop: bytes are read and thrown away, connects are accepted and never answered; the
//     connections that lost bytes are broken for good, so heal() resets them (RST).
//   - Reset: every open connection is reset on both sides (SO_LINGER 0 then close), and so is
//     every new one as soon as it is accepted.
//   - Refuse: the listening socket is closed (connect() gets ECONNREFUSED); open connections go
//     on. The same port is listened on again when the fault changes.
// Independent of the fault: a delay held on every chunk in each direction (latency), and a cut
// that resets a connection once it has forwarded N more bytes (both directions together).
class FaultProxy {
public:
    enum class Fault { None, BlackHole, Drop, Reset, Refuse };

    struct Counters {
        std::uint64_t accepted = 0;        // client connections accepted
        std::uint64_t forwardedBytes = 0;  // delivered to a peer, both directions
        std::uint64_t droppedBytes = 0;    // read under Drop and thrown away
        std::uint64_t resets = 0;          // connections reset by a fault or a cut
        std::size_t open = 0;              // connections open now
    };

    FaultProxy(std::string targetHost, std::uint16_t targetPort);
    ~FaultProxy();  // stops the thread and closes every socket
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    // Binds 127.0.0.1:0 and starts the thread. False (see errorString) if it could not.
    bool start();
    std::string errorString() const;
    std::uint16_t port() const;
    std::string url() const;  // "https://127.0.0.1:<port>": what a client connects to

    void setFault(Fault fault);
    Fault fault() const;
    void setDelay(std::chrono::milliseconds perChunk);
    // From now on, each connection (open or new) is reset after forwarding this many more bytes.
    void setCutAfter(std::optional<std::size_t> bytes);
    // Fault None, no delay, no cut.
    void heal();
    // Resets every open connection once; the fault stays as it is.
    void resetOpenConnections();

    Counters counters() const;

private:
    struct Engine;
    std::unique_ptr<Engine> engine_;
};

}  // namespace kep::test
