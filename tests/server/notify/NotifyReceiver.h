// The webhook tests' stand-in for the government notification service: notify_receiver.py run
// on loopback with a TestPki server certificate, answering from a script, and what it received.
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <vector>

namespace kep::test {

class TestPki;

class NotifyReceiver {
public:
    NotifyReceiver() = default;
    ~NotifyReceiver();
    NotifyReceiver(const NotifyReceiver&) = delete;
    NotifyReceiver& operator=(const NotifyReceiver&) = delete;

    // Starts it; `answers` as "500,500,200" (per message id, the last repeating). False (with
    // errorString) when python3 is missing or it did not say where it listens.
    bool start(const TestPki& pki, const QString& answers, int delayMs = 0);
    QString errorString() const { return error_; }
    // "https://127.0.0.1:<port><path>"
    QString url(const QString& path = "/v1/messages") const;

    // Every request so far, in order: {"path","authorization","idempotency_key","content_type",
    // "body","status"}.
    std::vector<QJsonObject> requests() const;

private:
    QTemporaryDir dir_;
    QProcess process_;
    QString error_;
    QString port_;
};

}  // namespace kep::test
