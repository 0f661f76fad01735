// Several kep-server processes on one PostgreSQL database behind HAProxy, on loopback (issue 10):
// what tests/cluster and tests/bench/cluster share — the processes, the balancer, the kill -9.
#pragma once

#include "ServerProcess.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/types.h>

#include <memory>
#include <vector>

namespace kep::test {

// N kep-server processes of one installation: `init --dsn` into the first one's data folder and
// the same files (CA, keys, database-url, audit keys) copied to the others, as the operator guide
// asks of every host; each serves on a port of its own.
class ServerCluster {
public:
    explicit ServerCluster(int processes);

    // `kep-server init --data <first> --dsn <dsn> [--demo]`, then the folder copied to the rest.
    bool init(const QString& dsn, bool demo = false);
    // `serve` on every process that is not running (so a killed one comes back on a new port).
    bool serveAll(const QStringList& extraArguments = {});
    // SIGKILL to the process's `serve`, then waits for it: no shutdown, no flush, as a crash.
    bool killHard(int index);

    ServerProcess& at(int index) { return *servers_.at(static_cast<std::size_t>(index)); }
    int size() const { return static_cast<int>(servers_.size()); }
    std::vector<quint16> ports() const;
    QString errorString() const { return error_; }

private:
    std::vector<std::unique_ptr<ServerProcess>> servers_;
    QString error_;
};

// Debian's haproxy in TCP mode on a free loopback port: TLS passes through (the desks'
// certificates must reach kep-server), round robin, a process that stops answering is out after
// one failed check every 200 ms, and a connection it refuses is dispatched to another.
class Haproxy {
public:
    Haproxy() = default;
    ~Haproxy();  // stops it
    Haproxy(const Haproxy&) = delete;
    Haproxy& operator=(const Haproxy&) = delete;

    bool start(const std::vector<quint16>& backendPorts);
    void stop();
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port_); }
    QString errorString() const { return error_; }

private:
    QTemporaryDir folder_;
    QProcess process_;
    int port_ = 0;
    QString error_;
};

// The haproxy.cfg Haproxy::start writes: exactly what docs/operations.md shows operators, on
// loopback and with faster checks.
QByteArray haproxyConfig(int frontendPort, const std::vector<quint16>& backendPorts);

// The pid of the `kep-server serve` process on `dataDir` (ServerProcess keeps its own private);
// 0 when there is none. Only this test's processes serve its temporary folders.
pid_t servingPid(const QString& dataDir);

// A loopback port nobody listens on now (the kernel's pick).
int freeLoopbackPort();

// `serve` arguments for hundreds of desks from one address (the loadgen's, HAProxy's): above the
// per-address defaults (512 connections, 10 enrolments a minute), which protect a real server
// from one misbehaving client.
QStringList manyDesksServeArguments();

}  // namespace kep::test
