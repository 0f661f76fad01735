#include "FakeRegistry.h"

#include "ScriptedTlsPeer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <string_view>

namespace kep::test {

namespace {

constexpr std::string_view kPath = "/registry/v1/documents";

std::string response(std::string_view statusLine, std::string_view contentType,
                     std::string_view body) {
    return "HTTP/1.1 " + std::string(statusLine) + "\r\nContent-Type: " + std::string(contentType) +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::string text(const QJsonObject& object, const char* name) {
    return object[QLatin1String(name)].toString().toStdString();
}

}  // namespace

FakeRegistry::FakeRegistry(const QString& certFile, const QString& keyFile)
    : peer_(std::make_unique<ScriptedTlsPeer>(
          certFile.toStdString(), keyFile.toStdString(),
          [this](int, PeerConnection& connection) { serve(connection); })) {}

FakeRegistry::~FakeRegistry() = default;

void FakeRegistry::issueTo(const std::string& citizenId) {
    std::lock_guard lock(mutex_);
    issued_.insert(citizenId);
}

void FakeRegistry::refuse(const std::string& citizenId, const std::string& code,
                          const std::string& reason) {
    std::lock_guard lock(mutex_);
    refusals_[citizenId] = {code, reason};
}

void FakeRegistry::failTransiently(const std::string& citizenId, int times) {
    std::lock_guard lock(mutex_);
    failuresLeft_[citizenId] = times;
}

QString FakeRegistry::url() const {
    return QStringLiteral("https://127.0.0.1:%1%2")
        .arg(peer_->port())
        .arg(QString::fromUtf8(kPath.data(), static_cast<int>(kPath.size())));
}

QByteArray FakeRegistry::documentFor(const std::string& citizenId, const std::string& evidenceId) {
    // A PDF's magic bytes and a body that differs per citizen and document.
    return QByteArray("%PDF-1.4\n% KEP test registry certificate\n% citizen ") +
           QByteArray::fromStdString(citizenId) + " evidence " +
           QByteArray::fromStdString(evidenceId) + "\n%%EOF\n";
}

std::vector<FakeRegistry::Received> FakeRegistry::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

void FakeRegistry::serve(PeerConnection& connection) {
    // Keep-alive: requests on one connection until the client closes it (or 5 s of silence).
    for (;;) {
        const std::string request = connection.readHttpRequest();
        if (request.empty() || !connection.write(answer(request))) {
            return;
        }
    }
}

std::string FakeRegistry::answer(const std::string& request) {
    if (!request.starts_with("POST " + std::string(kPath) + " ")) {
        return response("404 Not Found", "text/plain", "no such route");
    }
    const auto bodyStart = request.find("\r\n\r\n");
    const auto json =
        QJsonDocument::fromJson(QByteArray::fromStdString(request.substr(bodyStart + 4)));
    if (!json.isObject()) {
        return response("400 Bad Request", "text/plain", "not JSON");
    }
    const QJsonObject body = json.object();
    const QJsonObject evidence = body["evidence"].toObject();
    const QJsonObject citizen = body["citizen"].toObject();
    Received received{text(body, "request_id"), headerValue(request, "Idempotency-Key"),
                      text(body, "case_id"),    text(body, "protocol_number"),
                      text(body, "issuer_id"),  text(evidence, "id"),
                      text(evidence, "type"),   text(citizen, "afm"),
                      text(citizen, "amka")};
    const std::string citizenId = received.afm.empty() ? received.amka : received.afm;

    std::lock_guard lock(mutex_);
    received_.push_back(received);
    if (int& left = failuresLeft_[citizenId]; left > 0) {
        --left;
        return response("503 Service Unavailable", "text/plain", "registry busy");
    }
    if (issued_.contains(citizenId)) {
        return response("200 OK", "application/pdf",
                        documentFor(citizenId, received.evidenceId).toStdString());
    }
    const auto refusal = refusals_.find(citizenId);
    const QJsonObject refused{
        {"code",
         QString::fromStdString(refusal == refusals_.end() ? "no_record" : refusal->second.first)},
        {"reason",
         QString::fromStdString(refusal == refusals_.end() ? "the registry holds no such record"
                                                           : refusal->second.second)}};
    return response("422 Unprocessable Content", "application/json",
                    QJsonDocument(QJsonObject{{"refusal", refused}})
                        .toJson(QJsonDocument::Compact)
                        .toStdString());
}

}  // namespace kep::test
