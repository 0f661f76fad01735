#include "ClusterKit.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kep::test {

namespace {

// Every file of `from` (the CA, keys, database-url, the audit folder) into `to`, modes kept.
bool copyDataFolder(const QString& from, const QString& to) {
    QDirIterator files(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const auto path = files.next();
        const auto target = to + path.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(path, target) ||
            !QFile::setPermissions(target, QFile::permissions(path))) {
            return false;
        }
    }
    return true;
}

}  // namespace

ServerCluster::ServerCluster(int processes) {
    for (int i = 0; i < processes; ++i) {
        servers_.push_back(std::make_unique<ServerProcess>());
    }
}

bool ServerCluster::init(const QString& dsn, bool demo) {
    auto& first = *servers_.front();
    QStringList arguments{"init", "--data", first.dataDir(), "--dsn", dsn};
    if (demo) {
        arguments << "--demo";
    }
    if (first.runOnce(arguments) != 0) {
        error_ = "kep-server init --dsn failed: " + QString::fromUtf8(first.lastOutput());
        return false;
    }
    for (std::size_t i = 1; i < servers_.size(); ++i) {
        if (!copyDataFolder(first.dataDir(), servers_[i]->dataDir())) {
            error_ = "cannot copy the data folder to " + servers_[i]->dataDir();
            return false;
        }
    }
    return true;
}

bool ServerCluster::serveAll(const QStringList& extraArguments) {
    for (auto& server : servers_) {
        if (!server->isRunning() && !server->serve(extraArguments)) {
            error_ = server->errorString();
            return false;
        }
    }
    return true;
}

bool ServerCluster::killHard(int index) {
    auto& server = at(index);
    const pid_t pid = servingPid(server.dataDir());
    if (pid <= 0 || ::kill(pid, SIGKILL) != 0) {
        error_ = "no serving process to kill on " + server.dataDir();
        return false;
    }
    server.waitForExit(5000);
    return !server.isRunning();
}

std::vector<quint16> ServerCluster::ports() const {
    std::vector<quint16> ports;
    for (const auto& server : servers_) {
        ports.push_back(server->port());
    }
    return ports;
}

QByteArray haproxyConfig(int frontendPort, const std::vector<quint16>& backendPorts) {
    QByteArray config =
        "defaults\n  mode tcp\n  timeout connect 2s\n  timeout client 30s\n"
        "  timeout server 30s\n  retries 3\n  option redispatch\n"
        "listen kep\n  bind 127.0.0.1:" +
        QByteArray::number(frontendPort) + "\n  balance roundrobin\n";
    for (std::size_t i = 0; i < backendPorts.size(); ++i) {
        config += "  server kep" + QByteArray::number(static_cast<int>(i) + 1) +
                  " 127.0.0.1:" + QByteArray::number(backendPorts[i]) +
                  " check inter 200 fall 1 rise 1\n";
    }
    return config;
}

Haproxy::~Haproxy() {
    stop();
}

bool Haproxy::start(const std::vector<quint16>& backendPorts) {
    port_ = freeLoopbackPort();
    QFile config(folder_.filePath("haproxy.cfg"));
    if (port_ == 0 || !config.open(QIODevice::WriteOnly)) {
        error_ = "no free port or no folder for haproxy.cfg";
        return false;
    }
    config.write(haproxyConfig(port_, backendPorts));
    config.close();
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start("haproxy", {"-db", "-f", config.fileName()});
    if (!process_.waitForStarted(5000)) {
        error_ = "haproxy did not start (scripts/install-deps installs it)";
        return false;
    }
    // Up once its frontend takes connections; a config error ends it instead.
    for (int waited = 0; waited < 5000; waited += 50) {
        if (process_.state() != QProcess::Running) {
            break;
        }
        const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<quint16>(port_));
        const bool up =
            ::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(probe);
        if (up) {
            return true;
        }
        QThread::msleep(50);
    }
    error_ = "haproxy is not listening: " + QString::fromUtf8(process_.readAll());
    return false;
}

void Haproxy::stop() {
    if (process_.state() != QProcess::NotRunning) {
        process_.terminate();
        if (!process_.waitForFinished(5000)) {
            process_.kill();
            process_.waitForFinished(5000);
        }
    }
}

pid_t servingPid(const QString& dataDir) {
    for (const auto& entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file("/proc/" + entry + "/cmdline");
        if (file.open(QIODevice::ReadOnly)) {
            const auto arguments = file.readAll().split('\0');
            if (arguments.contains("serve") && arguments.contains(dataDir.toUtf8())) {
                return entry.toInt();
            }
        }
    }
    return 0;
}

int freeLoopbackPort() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(probe);
    return port;
}

QStringList manyDesksServeArguments() {
    return {"--enrol-attempts-per-minute", "1000000", "--max-connections-per-address", "20000"};
}

}  // namespace kep::test
