// Runs kep-loadgen against a test server: its arguments from a ServerProcess, its summary
// parsed, its progress lines readable while it runs (so a test can act once the sync began).
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace kep::test {

class ServerProcess;

class LoadgenProcess {
public:
    static QString binary();  // KEP_BINARY_DIR "/bin/kep-loadgen"

    // --server URL (the server's own, or a proxy's), --ca, --admin-cert from `server`.
    static QStringList serverArguments(const ServerProcess& server, const QString& url = {});

    // Starts it with KEP_ADMIN_PASSWORD set to `adminPassword` (the test server's when empty);
    // false if it did not start.
    bool start(const QStringList& arguments, const QString& adminPassword = {});
    // Waits for a line on stderr that contains `text` (the progress lines); false on time-out
    // or exit.
    bool waitForProgress(const QString& text, int timeoutMs);
    // Waits for the exit; the exit code, or -1 on a crash or time-out (then it is killed).
    int finish(int timeoutMs);

    QJsonObject summary() const { return summary_; }  // the JSON line on stdout
    QString errors() const { return errors_; }        // everything on stderr

private:
    QProcess process_;
    QString errors_;
    QJsonObject summary_;
};

// For benchmarks: runs kep-loadgen with `arguments` to its end (up to 30 minutes) and returns its
// summary; throws std::runtime_error with its exit code and stderr unless it exited 0.
QJsonObject runLoadgenToEnd(const QStringList& arguments);

// summary["a"]["b"] as an integer (-1 when missing): summaryCount(s, "ops", "acked").
qint64 summaryCount(const QJsonObject& summary, const char* section, const char* key);

}  // namespace kep::test
