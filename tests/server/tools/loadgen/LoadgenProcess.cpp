#include "LoadgenProcess.h"

#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <stdexcept>
#include <string>

namespace kep::test {

QString LoadgenProcess::binary() {
    return QStringLiteral(KEP_BINARY_DIR "/bin/kep-loadgen");
}

QStringList LoadgenProcess::serverArguments(const ServerProcess& server, const QString& url) {
    return {"--server",     url.isEmpty() ? server.url() : url,
            "--ca",         server.caFile(),
            "--admin-cert", server.adminPem()};
}

bool LoadgenProcess::start(const QStringList& arguments, const QString& adminPassword) {
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert("KEP_ADMIN_PASSWORD",
                       adminPassword.isEmpty() ? QString::fromLatin1(ServerProcess::kAdminPassword)
                                               : adminPassword);
    process_.setProcessEnvironment(environment);
    process_.start(binary(), arguments);
    return process_.waitForStarted(10000);
}

bool LoadgenProcess::waitForProgress(const QString& text, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        process_.waitForReadyRead(50);
        errors_ += QString::fromUtf8(process_.readAllStandardError());
        if (errors_.contains(text)) {
            return true;
        }
        if (process_.state() == QProcess::NotRunning) {
            return false;
        }
    }
    return false;
}

int LoadgenProcess::finish(int timeoutMs) {
    // waitForFinished() is false for a process that already ended (while a test waited).
    if (process_.state() != QProcess::NotRunning && !process_.waitForFinished(timeoutMs)) {
        process_.kill();
        process_.waitForFinished(5000);
        errors_ += QString::fromUtf8(process_.readAllStandardError());
        return -1;
    }
    errors_ += QString::fromUtf8(process_.readAllStandardError());
    const auto out = process_.readAllStandardOutput().trimmed();
    summary_ = QJsonDocument::fromJson(out).object();
    if (process_.exitStatus() != QProcess::NormalExit) {
        // On Unix, Qt gives the signal's number as the exit code of a crash.
        errors_ += QStringLiteral("kep-loadgen was killed by signal %1\n").arg(process_.exitCode());
        return -1;
    }
    return process_.exitCode();
}

QJsonObject runLoadgenToEnd(const QStringList& arguments) {
    LoadgenProcess loadgen;
    if (!loadgen.start(arguments)) {
        throw std::runtime_error("kep-loadgen did not start");
    }
    const int code = loadgen.finish(30 * 60 * 1000);
    if (code != 0) {
        throw std::runtime_error("kep-loadgen exited with " + std::to_string(code) + ": " +
                                 loadgen.errors().toStdString());
    }
    return loadgen.summary();
}

qint64 summaryCount(const QJsonObject& summary, const char* section, const char* key) {
    const auto value = summary.value(QLatin1String(section)).toObject().value(QLatin1String(key));
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : -1;
}

}  // namespace kep::test
