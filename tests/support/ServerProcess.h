// A real kep-server for integration tests: `init` into a temporary data folder, `serve` on a
// free loopback port, and the paths and URL a client needs; stopped with SIGTERM (or killed).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace kep::test {

class ServerProcess {
public:
    // The administrator password `init` is given (through KEP_ADMIN_PASSWORD).
    static constexpr const char* kAdminPassword = "integration-admin-password";

    ServerProcess();
    ~ServerProcess();  // kills a server still running
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // KEP_BINARY_DIR "/bin/kep-server".
    static QString binary();

    // Runs `kep-server init --data <dataDir> [--demo]`; false (see errorString) if it failed.
    bool init(bool demo = false);
    // Runs `kep-server serve --data <dataDir> --listen 127.0.0.1:0 <extra>` and waits (up to
    // timeoutMs) for its "listening on" line. False with errorString() if it did not come.
    bool serve(const QStringList& extraArguments = {}, int timeoutMs = 10000);
    // init() then serve().
    bool start(bool demo = false, const QStringList& extraArguments = {});

    // SIGTERM, then waits up to timeoutMs. The exit code, or -1 if it crashed or had to be
    // killed.
    int stop(int timeoutMs = 5000);
    // The two halves of stop(), for tests that act between the signal and the exit.
    void sendTerminate();
    int waitForExit(int timeoutMs = 5000);
    bool isRunning() const;

    QString errorString() const { return error_; }
    QString dataDir() const { return dir_.path() + "/data"; }
    QString caFile() const { return dataDir() + "/ca.pem"; }
    QString adminPem() const { return dataDir() + "/admin.pem"; }
    QString demoJson() const { return dataDir() + "/demo.json"; }
    quint16 port() const { return port_; }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port_); }
    // What the server wrote on stderr so far (its JSON-lines log), kept in logFile().
    QByteArray log() const;
    QString logFile() const { return dir_.path() + "/server.log"; }
    // What the commands runOnce() ran wrote (stdout and stderr), appended.
    QString commandLogFile() const { return dir_.path() + "/commands.log"; }

    // Runs kep-server with the arguments to completion (for failure cases); returns the exit
    // code, or -1 on a crash or time-out. stdout/stderr are kept for output().
    int runOnce(const QStringList& arguments, int timeoutMs = 30000);
    QByteArray lastOutput() const { return lastOutput_; }

private:
    void keepLogs() const;

    QTemporaryDir dir_;
    QProcess process_;
    QByteArray lastOutput_;
    QString error_;
    quint16 port_ = 0;
};

}  // namespace kep::test
