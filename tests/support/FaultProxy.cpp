#include "FaultProxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace kep::test {

namespace {

using Clock = std::chrono::steady_clock;

// Bytes read ahead per direction while a delay holds them: bounds the proxy's memory and lets
// TCP's own flow control push back on a fast sender, as a slow link would.
constexpr std::size_t kMaxQueuedBytes = 1 << 20;
constexpr std::size_t kReadChunk = 64 * 1024;

void setNonBlocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

// SO_LINGER with a zero time-out makes close() send RST instead of FIN: the peer's next read or
// write fails with ECONNRESET, which is what a reset by the network looks like.
void resetSocket(int fd) {
    if (fd < 0) {
        return;
    }
    const linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
}

bool wouldBlock(int error) {
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

struct Chunk {
    Clock::time_point due;
    std::string bytes;
    std::size_t offset = 0;
};

// One way of a proxied connection: read from `from`, held until due, written to `to`.
struct Direction {
    int from = -1;
    int to = -1;
    std::deque<Chunk> queue;
    std::size_t queued = 0;
    bool eof = false;           // `from` sent FIN
    bool shutdownSent = false;  // and it was passed on to `to` once the queue drained

    bool finished() const { return shutdownSent; }
};

struct Connection {
    int client = -1;
    int upstream = -1;
    Direction up;                       // client → target
    Direction down;                     // target → client
    std::optional<std::size_t> budget;  // bytes left before the cut
    bool lostBytes = false;             // bytes were dropped: the stream is broken
    bool dead = false;
};

}  // namespace

struct FaultProxy::Engine {
    std::string targetHost;
    std::uint16_t targetPort = 0;

    mutable std::mutex mutex;  // guards the controls below and `error`
    Fault fault = Fault::None;
    std::chrono::milliseconds delay{0};
    std::optional<std::size_t> cutAfter;
    std::uint64_t cutGeneration = 0;
    std::uint64_t resetGeneration = 0;
    std::uint64_t version = 0;  // bumped by every control
    std::string error;

    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> forwardedBytes{0};
    std::atomic<std::uint64_t> droppedBytes{0};
    std::atomic<std::uint64_t> resets{0};
    std::atomic<std::size_t> open{0};

    int listener = -1;
    std::uint16_t port = 0;
    int wake = -1;
    std::list<Connection> connections;  // the proxy thread's alone
    std::thread thread;

    ~Engine() {
        stopping = true;
        notify();
        if (thread.joinable()) {
            thread.join();
        }
        for (auto& c : connections) {
            ::close(c.client);
            ::close(c.upstream);
        }
        if (listener >= 0) {
            ::close(listener);
        }
        if (wake >= 0) {
            ::close(wake);
        }
    }

    void notify() const {
        if (wake >= 0) {
            const std::uint64_t one = 1;
            [[maybe_unused]] const auto n = ::write(wake, &one, sizeof one);
        }
    }

    struct Controls {
        Fault fault = Fault::None;
        std::chrono::milliseconds delay{0};
        std::optional<std::size_t> cut;
        std::uint64_t cutGeneration = 0;
        std::uint64_t resetGeneration = 0;
        std::uint64_t version = 0;
    };

    Controls controls() const {
        std::lock_guard lock(mutex);
        return {fault, delay, cutAfter, cutGeneration, resetGeneration, version};
    }

    void setError(std::string message) {
        std::lock_guard lock(mutex);
        error = std::move(message);
    }

    // Binds the listening socket, on `port` (0: a free one), with SO_REUSEADDR so that the same
    // port can be taken again after Refuse.
    bool listen() {
        listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (listener < 0) {
            setError(std::string("socket: ") + std::strerror(errno));
            return false;
        }
        const int yes = 1;
        ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(listener, 512) != 0) {
            setError(std::string("bind/listen: ") + std::strerror(errno));
            ::close(listener);
            listener = -1;
            return false;
        }
        socklen_t length = sizeof address;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
        setNonBlocking(listener);
        return true;
    }

    int connectUpstream() const {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return -1;
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(targetPort);
        if (::inet_pton(AF_INET, targetHost.c_str(), &address.sin_addr) != 1 ||
            ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
            ::close(fd);
            return -1;
        }
        const int yes = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        setNonBlocking(fd);
        return fd;
    }

    void kill(Connection& c) {
        if (c.dead) {
            return;
        }
        resetSocket(c.client);
        resetSocket(c.upstream);
        c.client = c.upstream = -1;
        c.dead = true;
        ++resets;
    }

    void acceptAll() {
        while (listener >= 0) {
            const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                return;
            }
            ++accepted;
            // Read again for each connection: a test heals, then connects at once.
            const Controls now = controls();
            if (now.fault == Fault::Reset) {
                resetSocket(client);
                ++resets;
                continue;
            }
            const int upstream = connectUpstream();
            if (upstream < 0) {
                resetSocket(client);  // the target is down: the client sees a reset
                ++resets;
                continue;
            }
            const int yes = 1;
            ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
            setNonBlocking(client);
            Connection& c = connections.emplace_back();
            c.client = client;
            c.upstream = upstream;
            c.up.from = c.down.to = client;
            c.up.to = c.down.from = upstream;
            c.budget = now.cut;
        }
    }

    // Reads what `from` has. False when the connection must be reset (an error on the way).
    bool readSide(Connection& c, Direction& d, Fault current, std::chrono::milliseconds wait) {
        if (d.eof || d.queued >= kMaxQueuedBytes) {
            return true;
        }
        std::string buffer(kReadChunk, '\0');
        const auto n = ::recv(d.from, buffer.data(), buffer.size(), 0);
        if (n < 0) {
            return wouldBlock(errno);
        }
        if (n == 0) {
            d.eof = true;
            return true;
        }
        buffer.resize(static_cast<std::size_t>(n));
        if (current == Fault::Drop) {
            droppedBytes += buffer.size();
            c.lostBytes = true;
            return true;
        }
        d.queued += buffer.size();
        d.queue.push_back({Clock::now() + wait, std::move(buffer), 0});
        return true;
    }

    // Writes the chunks that are due. False when the connection must be reset.
    bool flushSide(Connection& c, Direction& d) {
        const auto now = Clock::now();
        while (!d.queue.empty() && d.queue.front().due <= now) {
            Chunk& chunk = d.queue.front();
            std::size_t length = chunk.bytes.size() - chunk.offset;
            if (c.budget) {
                length = std::min(length, *c.budget);
            }
            if (length > 0) {
                const auto n =
                    ::send(d.to, chunk.bytes.data() + chunk.offset, length, MSG_NOSIGNAL);
                if (n < 0) {
                    return wouldBlock(errno);
                }
                const auto sent = static_cast<std::size_t>(n);
                chunk.offset += sent;
                d.queued -= sent;
                forwardedBytes += sent;
                if (c.budget) {
                    *c.budget -= sent;
                }
            }
            if (c.budget && *c.budget == 0) {
                return false;  // the cut
            }
            if (chunk.offset < chunk.bytes.size()) {
                return true;  // the socket is full: wait for POLLOUT
            }
            d.queue.pop_front();
        }
        if (d.eof && d.queue.empty() && !d.shutdownSent) {
            ::shutdown(d.to, SHUT_WR);
            d.shutdownSent = true;
        }
        return true;
    }

    void run() {
        Controls seen;
        while (!stopping) {
            const Controls now = controls();
            applyChanges(seen.fault, now.fault, now.cut, now.cutGeneration != seen.cutGeneration,
                         now.resetGeneration != seen.resetGeneration);
            seen = now;
            pollOnce(now.fault);
            if (controls().version != now.version) {
                continue;  // a control changed while waiting: act on the new one
            }
            if (now.fault != Fault::BlackHole) {
                if (now.fault != Fault::Refuse) {
                    acceptAll();
                }
                for (auto& c : connections) {
                    const bool ok =
                        !c.dead && readSide(c, c.up, now.fault, now.delay) &&
                        readSide(c, c.down, now.fault, now.delay) &&
                        (now.fault == Fault::Drop || (flushSide(c, c.up) && flushSide(c, c.down)));
                    if (!ok) {
                        kill(c);
                    }
                }
            }
            sweep();
        }
    }

    void applyChanges(Fault previous, Fault current, std::optional<std::size_t> cut,
                      bool cutChanged, bool resetRequested) {
        if (cutChanged) {
            for (auto& c : connections) {
                c.budget = cut;
            }
        }
        if (resetRequested || (current == Fault::Reset && previous != Fault::Reset)) {
            for (auto& c : connections) {
                kill(c);
            }
        }
        if (previous == Fault::Drop && current != Fault::Drop) {
            for (auto& c : connections) {
                if (c.lostBytes) {
                    kill(c);
                }
            }
        }
        if (current == Fault::Refuse && listener >= 0) {
            ::close(listener);
            listener = -1;
        } else if (current != Fault::Refuse && listener < 0) {
            listen();
        }
    }

    // Waits for something to do: the control wake-up, a connect, readable or writable sockets,
    // or the next delayed chunk falling due.
    void pollOnce(Fault current) {
        std::vector<pollfd> fds;
        fds.push_back({wake, POLLIN, 0});
        int timeoutMs = -1;
        if (current != Fault::BlackHole) {
            if (listener >= 0 && current != Fault::Refuse) {
                fds.push_back({listener, POLLIN, 0});
            }
            const auto now = Clock::now();
            for (auto& c : connections) {
                if (c.dead) {
                    continue;
                }
                short clientEvents = 0;
                short upstreamEvents = 0;
                for (Direction* d : {&c.up, &c.down}) {
                    short& fromEvents = d->from == c.client ? clientEvents : upstreamEvents;
                    short& toEvents = d->to == c.client ? clientEvents : upstreamEvents;
                    if (!d->eof && d->queued < kMaxQueuedBytes) {
                        fromEvents |= POLLIN;
                    }
                    if (current == Fault::Drop || d->queue.empty()) {
                        continue;
                    }
                    if (d->queue.front().due <= now) {
                        toEvents |= POLLOUT;
                    } else {
                        const auto ms =
                            std::chrono::ceil<std::chrono::milliseconds>(d->queue.front().due - now)
                                .count();
                        const int bounded = static_cast<int>(std::min<long long>(ms, 1000));
                        timeoutMs = timeoutMs < 0 ? bounded : std::min(timeoutMs, bounded);
                    }
                }
                // A socket nothing is wanted from stays out (a negative fd): poll() would
                // otherwise report its hang-up again and again while the other side waits.
                fds.push_back({clientEvents ? c.client : -1, clientEvents, 0});
                fds.push_back({upstreamEvents ? c.upstream : -1, upstreamEvents, 0});
            }
        }
        ::poll(fds.data(), fds.size(), timeoutMs);
        if (fds[0].revents & POLLIN) {
            std::uint64_t count = 0;
            [[maybe_unused]] const auto n = ::read(wake, &count, sizeof count);
        }
    }

    void sweep() {
        for (auto it = connections.begin(); it != connections.end();) {
            if (it->dead) {
                it = connections.erase(it);
            } else if (it->up.finished() && it->down.finished()) {
                ::close(it->client);
                ::close(it->upstream);
                it = connections.erase(it);
            } else {
                ++it;
            }
        }
        open = connections.size();
    }
};

FaultProxy::FaultProxy(std::string targetHost, std::uint16_t targetPort)
    : engine_(std::make_unique<Engine>()) {
    engine_->targetHost = std::move(targetHost);
    engine_->targetPort = targetPort;
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::start() {
    engine_->wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (engine_->wake < 0) {
        engine_->setError(std::string("eventfd: ") + std::strerror(errno));
        return false;
    }
    if (!engine_->listen()) {
        return false;
    }
    engine_->thread = std::thread([engine = engine_.get()] { engine->run(); });
    return true;
}

std::string FaultProxy::errorString() const {
    std::lock_guard lock(engine_->mutex);
    return engine_->error;
}

std::uint16_t FaultProxy::port() const {
    return engine_->port;
}

std::string FaultProxy::url() const {
    return "https://127.0.0.1:" + std::to_string(engine_->port);
}

void FaultProxy::setFault(Fault fault) {
    {
        std::lock_guard lock(engine_->mutex);
        engine_->fault = fault;
        ++engine_->version;
    }
    engine_->notify();
}

FaultProxy::Fault FaultProxy::fault() const {
    std::lock_guard lock(engine_->mutex);
    return engine_->fault;
}

void FaultProxy::setDelay(std::chrono::milliseconds perChunk) {
    {
        std::lock_guard lock(engine_->mutex);
        engine_->delay = perChunk;
        ++engine_->version;
    }
    engine_->notify();
}

void FaultProxy::setCutAfter(std::optional<std::size_t> bytes) {
    {
        std::lock_guard lock(engine_->mutex);
        engine_->cutAfter = bytes;
        ++engine_->cutGeneration;
        ++engine_->version;
    }
    engine_->notify();
}

void FaultProxy::heal() {
    {
        std::lock_guard lock(engine_->mutex);
        engine_->fault = Fault::None;
        engine_->delay = std::chrono::milliseconds{0};
        ++engine_->version;
        if (engine_->cutAfter) {
            engine_->cutAfter.reset();
            ++engine_->cutGeneration;
        }
    }
    engine_->notify();
}

void FaultProxy::resetOpenConnections() {
    {
        std::lock_guard lock(engine_->mutex);
        ++engine_->resetGeneration;
        ++engine_->version;
    }
    engine_->notify();
}

FaultProxy::Counters FaultProxy::counters() const {
    return {engine_->accepted, engine_->forwardedBytes, engine_->droppedBytes, engine_->resets,
            engine_->open};
}

}  // namespace kep::test
