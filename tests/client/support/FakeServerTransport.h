// A scripted stand-in for kep-server behind the desk's ServerTransport seam: each test says
// how the routes answer, and reads back what was asked, with which token and on which thread.
#pragma once

#include "ServerTransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace kep::desk::test {

struct FakeServer {
    using Handler = std::function<HttpReply(const QByteArray& method, const QByteArray& target,
                                            const QByteArray& body)>;

    QMutex mutex;
    Handler handler;
    QList<QByteArray> targets;  // every request, in order
    QList<QByteArray> bodies;
    QList<QByteArray> tokens;  // the bearer token of each request (empty if none)
    QList<QByteArray> methods;
    QList<QByteArray> contentTypes;  // the media type of each request's body
    QThread* lastThread = nullptr;
    std::atomic<int> transportsMade = 0;

    // A factory for ServerLink; the fake outlives every transport it makes.
    TransportFactory factory() {
        return [this]() -> std::unique_ptr<ServerTransport> {
            ++transportsMade;
            return std::make_unique<Transport>(*this);
        };
    }

    static HttpReply json(int status, const QJsonObject& body, QByteArray retryAfter = {}) {
        return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), retryAfter};
    }
    static HttpReply healthy() { return json(200, {{"status", "ok"}, {"version", "0.1.0"}}); }
    static HttpReply error(int status, const QString& code, QByteArray retryAfter = {}) {
        return json(status,
                    {{"error", QJsonObject{{"code", code}, {"message", "synthetic error"}}}},
                    retryAfter);
    }
    // A synthetic clerk of a synthetic office.
    static HttpReply clerkSignedIn() {
        const QJsonObject office{{"code", "K0001"}, {"name", "ΚΕΠ Δοκιμών"}};
        const QJsonObject user{{"id", "0190a6c2-0000-7000-8000-000000000001"},
                               {"username", "clerk.demo"},
                               {"displayName", "Μαρία Δοκιμαστική"},
                               {"role", "clerk"},
                               {"office", office}};
        return json(
            200,
            {{"token", "synthetic-token"}, {"expiresAt", "2030-01-01T12:00:00Z"}, {"user", user}});
    }
    // Healthy server that accepts exactly this username and password.
    void acceptOnly(const QString& username, const QString& password) {
        handler = [username, password](const QByteArray&, const QByteArray& target,
                                       const QByteArray& body) {
            if (target == "/healthz") {
                return healthy();
            }
            const QJsonObject request = QJsonDocument::fromJson(body).object();
            if (request.value("username").toString() == username &&
                request.value("password").toString() == password) {
                return clerkSignedIn();
            }
            return error(401, "invalid_credentials");
        };
    }

    // Counts the requests to one target.
    int count(const QByteArray& target) {
        QMutexLocker lock(&mutex);
        return int(targets.count(target));
    }

private:
    class Transport : public ServerTransport {
    public:
        explicit Transport(FakeServer& server) : server_(server) {}
        HttpReply send(const QByteArray& method, const QByteArray& target,
                       const QByteArray& jsonBody, const QByteArray& token) override {
            return sendContent(method, target, jsonBody, "application/json", token);
        }
        HttpReply sendContent(const QByteArray& method, const QByteArray& target,
                              const QByteArray& jsonBody, const QByteArray& contentType,
                              const QByteArray& token) override {
            Handler handler;
            {
                QMutexLocker lock(&server_.mutex);
                server_.methods.append(method);
                server_.contentTypes.append(contentType);
                server_.targets.append(target);
                server_.bodies.append(jsonBody);
                server_.tokens.append(token);
                server_.lastThread = QThread::currentThread();
                handler = server_.handler;
            }
            return handler(method, target, jsonBody);
        }

    private:
        FakeServer& server_;
    };
};

}  // namespace kep::desk::test
