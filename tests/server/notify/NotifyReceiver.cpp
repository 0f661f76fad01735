#include "NotifyReceiver.h"

#include "TestPki.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

namespace kep::test {

NotifyReceiver::~NotifyReceiver() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished();
    }
}

bool NotifyReceiver::start(const TestPki& pki, const QString& answers, int delayMs) {
    const auto python = QStandardPaths::findExecutable("python3");
    if (python.isEmpty()) {
        error_ = "python3 is needed for the notification receiver";
        return false;
    }
    process_.start(python, {QStringLiteral(KEP_TEST_DIR "/notify_receiver.py"), "--cert",
                            pki.server().certFile, "--key", pki.server().keyFile, "--log",
                            dir_.filePath("requests.jsonl"), "--answers", answers, "--delay-ms",
                            QString::number(delayMs)});
    if (!process_.waitForStarted()) {
        error_ = "the notification receiver did not start: " + process_.errorString();
        return false;
    }
    while (!process_.canReadLine() && process_.waitForReadyRead(10000)) {
    }
    const auto line = QString::fromUtf8(process_.readLine()).trimmed();
    if (!line.startsWith("listening ")) {
        error_ = "the notification receiver said: " + line +
                 QString::fromUtf8(process_.readAllStandardError());
        return false;
    }
    port_ = line.mid(10);
    return true;
}

QString NotifyReceiver::url(const QString& path) const {
    return "https://127.0.0.1:" + port_ + path;
}

std::vector<QJsonObject> NotifyReceiver::requests() const {
    std::vector<QJsonObject> out;
    QFile file(dir_.filePath("requests.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty()) {
            out.push_back(QJsonDocument::fromJson(line).object());
        }
    }
    return out;
}

}  // namespace kep::test
