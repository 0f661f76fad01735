#include "ServerProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <atomic>

namespace kep::test {

namespace {

QProcessEnvironment serverEnvironment() {
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KEP_ADMIN_PASSWORD"),
                       QString::fromLatin1(ServerProcess::kAdminPassword));
    return environment;
}

}  // namespace

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(5000);
    }
    keepLogs();
}

// The log scan (tests/tools/logscan) reads every server's log of a test run: copied, when
// KEP_TEST_LOG_DIR names a folder, before the temporary folder goes.
void ServerProcess::keepLogs() const {
    const auto folder = qEnvironmentVariable("KEP_TEST_LOG_DIR");
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        return;
    }
    static std::atomic<int> serial{0};
    const auto stem = folder + "/" + QCoreApplication::applicationName() + "-" +
                      QString::number(QCoreApplication::applicationPid()) + "-" +
                      QString::number(++serial);
    QFile::copy(logFile(), stem + ".server.log");
    QFile::copy(commandLogFile(), stem + ".commands.log");
}

QString ServerProcess::binary() {
    return QStringLiteral(KEP_BINARY_DIR "/bin/kep-server");
}

int ServerProcess::runOnce(const QStringList& arguments, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(serverEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary(), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        lastOutput_ = process.readAll();
        return -1;
    }
    lastOutput_ = process.readAll();
    QFile commands(commandLogFile());
    if (commands.open(QIODevice::Append)) {
        commands.write(lastOutput_);
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool ServerProcess::init(bool demo) {
    if (!dir_.isValid()) {
        error_ = QStringLiteral("no temporary directory");
        return false;
    }
    QStringList arguments{QStringLiteral("init"), QStringLiteral("--data"), dataDir()};
    if (demo) {
        arguments << QStringLiteral("--demo");
    }
    const int code = runOnce(arguments);
    if (code != 0) {
        error_ = QStringLiteral("kep-server init exited with %1: %2")
                     .arg(code)
                     .arg(QString::fromUtf8(lastOutput_));
        return false;
    }
    return true;
}

bool ServerProcess::serve(const QStringList& extraArguments, int timeoutMs) {
    process_.setProcessEnvironment(serverEnvironment());
    // To a file, not a pipe: a pipe nobody drains would fill and stall the server's logger.
    process_.setStandardErrorFile(logFile(), QIODevice::Append);
    process_.start(binary(),
                   QStringList{QStringLiteral("serve"), QStringLiteral("--data"), dataDir(),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                       extraArguments);
    static const QRegularExpression listening(
        QStringLiteral("^listening on https://127\\.0\\.0\\.1:(\\d+)$"));
    QByteArray out;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (process_.state() == QProcess::NotRunning) {
            break;
        }
        process_.waitForReadyRead(50);
        out += process_.readAllStandardOutput();
        const auto newline = out.indexOf('\n');
        if (newline >= 0) {
            const auto match = listening.match(QString::fromUtf8(out.left(newline)));
            if (!match.hasMatch()) {
                error_ = QStringLiteral("unexpected first line: ") + QString::fromUtf8(out);
                return false;
            }
            port_ = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
    }
    error_ = QStringLiteral("no 'listening on' line; stderr: ") + QString::fromUtf8(log());
    return false;
}

bool ServerProcess::start(bool demo, const QStringList& extraArguments) {
    return init(demo) && serve(extraArguments);
}

int ServerProcess::stop(int timeoutMs) {
    sendTerminate();
    return waitForExit(timeoutMs);
}

void ServerProcess::sendTerminate() {
    if (process_.state() != QProcess::NotRunning) {
        process_.terminate();  // SIGTERM
    }
}

int ServerProcess::waitForExit(int timeoutMs) {
    if (process_.state() != QProcess::NotRunning && !process_.waitForFinished(timeoutMs)) {
        process_.kill();
        process_.waitForFinished(5000);
        return -1;
    }
    return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
}

bool ServerProcess::isRunning() const {
    return process_.state() != QProcess::NotRunning;
}

QByteArray ServerProcess::log() const {
    QFile file(logFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace kep::test
